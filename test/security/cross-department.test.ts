import { expect } from 'chai';
import { Types, trusted } from 'mongoose';
import { seedDemo } from '../../scripts/seed/seed.js';
import { BulletinModel } from '../../server/src/domains/bulletins/bulletin.model.js';
import { ComplaintModel } from '../../server/src/domains/complaints/complaint.model.js';
import { DepartmentModel } from '../../server/src/domains/departments/department.model.js';
import { ViolationModel } from '../../server/src/domains/inspections/violation.model.js';
import { NoticeModel } from '../../server/src/domains/notices/notice.model.js';
import { AlertModel } from '../../server/src/domains/alerts/alert.model.js';
import { FollowUpModel } from '../../server/src/domains/follow-ups/follow-up.model.js';
import { openFollowUp } from '../../server/src/domains/follow-ups/follow-up.service.js';
import { RatingModel, type Rating } from '../../server/src/domains/ratings/rating.model.js';
import { ratingSettings } from '../../server/src/domains/ratings/rating.settings.js';
import { ServiceItemModel } from '../../server/src/domains/service-items/service-item.model.js';
import { DutyModel } from '../../server/src/domains/staff/duty.model.js';
import { StaffModel } from '../../server/src/domains/staff/staff.model.js';
import { WindowModel } from '../../server/src/domains/windows/window.model.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { makeRating, makeUser, PASSWORD } from '../helpers/fixtures.js';

// A liaison reaches for another department's records by id, through every by-id query, mutation
// and download: each is refused. The same lookups on its own records work (the control).
describe("security: a liaison and another department's records", function () {
  this.timeout(180_000);
  let app: TestApp;
  let liaison: Client;
  let own: Types.ObjectId;
  let other: Types.ObjectId;

  before(async () => {
    app = await startTestApp();
    await seedDemo({ adminPassword: 'demo password 1', activityDays: 14 });
    // Own: a department the published notice does not name (so the notice is another's);
    // preferably one handling a complaint, so the controls cover complaints too.
    const notice = await NoticeModel.findOne({ status: 'PUBLISHED' }).lean();
    const named = new Set(notice!.departments.map(String));
    const handling = (await ComplaintModel.distinct('assignedTo')).map(String);
    const candidates = (await DepartmentModel.find().lean()).map((d) => d._id).filter((d) => !named.has(String(d)));
    own = candidates.find((d) => handling.includes(String(d))) ?? candidates[0]!;
    const complaint = await ComplaintModel.findOne({ assignedTo: trusted({ $nin: [null, own] }) }).lean();
    other = complaint!.assignedTo!;
    liaison = new Client(app.url);
    await liaison.login((await makeUser('DEPARTMENT', own)).username, PASSWORD);
    // For the controls: a bad rating with its follow-up, an alert and a confirmed violation of its own
    // (the demo data's vary with the day it is seeded), beside the demo windows, staff, items and ratings.
    const window = await pick(WindowModel, 'department', true);
    await AlertModel.create({
      dedupeKey: 'own-dept',
      rule: 'VERY_DISSATISFIED',
      window,
      department: own,
      createdAt: new Date(),
    });
    const rating = await makeRating({
      window: window!,
      department: String(own),
      level: 'DISSATISFIED',
      at: new Date(),
    });
    await openFollowUp((await RatingModel.findById(rating).lean<Rating>())!, await ratingSettings.get());
    const [round, finding, raisedBy] = [new Types.ObjectId(), new Types.ObjectId(), new Types.ObjectId()];
    await ViolationModel.create({
      ...{ round, finding, raisedBy, window, department: own, code: 'PHONE', label: '玩手机', points: 1 },
      ...{ observedAt: new Date(), status: 'CONFIRMED' },
    });
  });
  after(() => app.close());

  const refused = (code: string | undefined) => code === 'FORBIDDEN' || code === 'NOT_FOUND';
  type Finder = { findOne(f: object): { lean(): Promise<unknown> } };
  /** A record of the model in (mine) or outside (!mine) the liaison's department, if any. */
  const pick = async (model: Finder, field: string, mine: boolean, extra: object = {}) => {
    const doc = (await model.findOne({ ...extra, [field]: mine ? own : trusted({ $nin: [own, null] }) }).lean()) as {
      _id: unknown;
    } | null;
    return doc ? String(doc._id) : null;
  };
  const oneOf = async (model: Finder, filter: object) =>
    String(((await model.findOne(filter).lean()) as { _id: unknown })._id);

  it('refuses every by-id query for another department, and answers it for its own', async () => {
    const cases: Array<[string, Finder, string, object]> = [
      ['window', WindowModel, 'department', {}],
      ['staffMember', StaffModel, 'department', {}],
      ['serviceItem', ServiceItemModel, 'department', {}],
      ['followUp', FollowUpModel, 'department', {}],
      ['complaint', ComplaintModel, 'assignedTo', {}],
      ['violation', ViolationModel, 'department', { status: 'CONFIRMED' }],
    ];
    const wrong: string[] = [];
    let controls = 0;
    for (const [name, model, field, extra] of cases) {
      const query = `query($id: ID!) { ${name}(id: $id) { id } }`;
      const theirs = await pick(model, field, false, extra);
      expect(theirs, `a ${name} of another department in the demo data`).to.not.equal(null);
      const code = await liaison.code(query, { id: theirs });
      if (!refused(code)) wrong.push(`${name}: another department's answered ${code ?? 'ok'}`);
      const mine = await pick(model, field, true, extra);
      if (mine) {
        controls++;
        const ok = await liaison.code(query, { id: mine });
        if (ok) wrong.push(`${name}: its own refused with ${ok}`);
      }
    }
    const dept = 'query($id: ID!) { department(id: $id) { id } }';
    if (!refused(await liaison.code(dept, { id: String(other) }))) wrong.push('department: another answered');
    if (await liaison.code(dept, { id: String(own) })) wrong.push('department: its own refused');
    const bulletin = await oneOf(BulletinModel, { status: 'PUBLISHED' });
    const part = 'query($id: ID!, $d: ID!) { bulletinPart(id: $id, departmentId: $d) { __typename } }';
    if (!refused(await liaison.code(part, { id: bulletin, d: String(other) })))
      wrong.push('bulletinPart: another answered');
    if (await liaison.code(part, { id: bulletin, d: String(own) })) wrong.push('bulletinPart: its own refused');
    expect(wrong).to.deep.equal([]);
    expect(controls).to.be.greaterThan(2);
  });

  it("refuses every mutation on another department's records", async () => {
    const alert = await AlertModel.create({
      dedupeKey: 'x-dept',
      rule: 'VERY_DISSATISFIED',
      window: await pick(WindowModel, 'department', false),
      department: other,
      createdAt: new Date(),
    });
    const notice = await NoticeModel.findOne({ status: 'PUBLISHED', departments: trusted({ $ne: own }) }).lean();
    const cases: Array<[string, string, Record<string, unknown>]> = [
      [
        'updateWindow',
        'mutation($id: ID!) { updateWindow(id: $id, input: { name: "改名" }) { id } }',
        { id: await pick(WindowModel, 'department', false) },
      ],
      [
        'updateStaff',
        'mutation($id: ID!) { updateStaff(id: $id, input: { name: "改名" }) { id } }',
        { id: await pick(StaffModel, 'department', false) },
      ],
      [
        'updateServiceItem',
        'mutation($id: ID!) { updateServiceItem(id: $id, input: { name: "改名" }) { id } }',
        { id: await pick(ServiceItemModel, 'department', false) },
      ],
      [
        'endDuty',
        'mutation($id: ID!) { endDuty(id: $id, to: "2030-01-01T00:00:00Z") { id } }',
        { id: await pick(DutyModel, 'department', false) },
      ],
      ['deleteDuty', 'mutation($id: ID!) { deleteDuty(id: $id) }', { id: await pick(DutyModel, 'department', false) }],
      [
        'advanceFollowUp',
        'mutation($id: ID!) { advanceFollowUp(id: $id, action: verify, input: { finding: "x" }) { id } }',
        { id: await pick(FollowUpModel, 'department', false, { state: 'OPEN' }) },
      ],
      ['acknowledgeAlert', 'mutation($id: ID!) { acknowledgeAlert(id: $id) { id } }', { id: String(alert._id) }],
      ['closeAlert', 'mutation($id: ID!) { closeAlert(id: $id) { id } }', { id: String(alert._id) }],
      [
        'addComplaintNote',
        'mutation($id: ID!) { addComplaintNote(id: $id, note: "x", public: false) { id } }',
        { id: await pick(ComplaintModel, 'assignedTo', false) },
      ],
      [
        'actOnComplaint',
        'mutation($id: ID!) { actOnComplaint(id: $id, input: { action: INVESTIGATE }) { id } }',
        { id: await pick(ComplaintModel, 'assignedTo', false) },
      ],
      ['acknowledgeNotice', 'mutation($id: ID!) { acknowledgeNotice(id: $id) { id } }', { id: String(notice!._id) }],
      [
        'appealNotice',
        'mutation($id: ID!) { appealNotice(id: $id, text: "不服") { id } }',
        { id: String(notice!._id) },
      ],
    ];
    const wrong: string[] = [];
    for (const [name, query, vars] of cases) {
      const code = await liaison.code(query, vars);
      if (!refused(code)) wrong.push(`${name}: ${code ?? 'ok'}`);
    }
    expect(wrong).to.deep.equal([]);
    expect((await AlertModel.findById(alert._id).lean())!.state).to.equal('OPEN');
  });

  it("keeps lists to its own department even when another's is asked for, and fills them with its own", async () => {
    const d = String(other);
    const lists: Array<[string, (filter: string) => string]> = [
      ['windows', (f) => `{ list: windows${f} { department { id } } }`],
      ['staffPage', (f) => `{ list: staffPage(pageSize: 100${f}) { items { department { id } } } }`],
      ['serviceItems', (f) => `{ list: serviceItems(pageSize: 100${f}) { items { department { id } } } }`],
      ['followUps', (f) => `{ list: followUps(pageSize: 100${f}) { items { department { id } } } }`],
      ['ratings', (f) => `{ list: ratings(pageSize: 100${f}) { items { department { id } } } }`],
      ['alerts', (f) => `{ list: alerts(pageSize: 100${f}) { items { department { id } } } }`],
      ['violationPage', (f) => `{ list: violationPage(pageSize: 100${f}) { items { department { id } } } }`],
    ];
    const departmentsIn = async (query: string) => {
      const res = await liaison.gql(query);
      expect(res.errors, query).to.equal(undefined);
      const list = res.data.list as
        Array<{ department: { id: string } }> | { items: Array<{ department: { id: string } }> };
      return (Array.isArray(list) ? list : list.items).map((row) => row.department.id);
    };
    for (const [name, query] of lists) {
      const asked = await departmentsIn(
        query(name === 'windows' ? `(departmentId: "${d}")` : `, departmentId: "${d}"`),
      );
      expect(asked, name).to.not.include(d);
      const mine = await departmentsIn(query(''));
      expect(mine, `${name}: its own rows`).to.not.be.empty;
      expect(new Set(mine), `${name}: its own rows only`).to.deep.equal(new Set([String(own)]));
    }
    const total = async (f: string) =>
      (await liaison.gql(`{ complaints(pageSize: 100${f}) { total } }`)).data.complaints.total as number;
    const assigned = await ComplaintModel.countDocuments({ assignedTo: own });
    expect(assigned, 'complaints assigned to its department in the demo data').to.be.greaterThan(0);
    // Another department's complaints are not counted in; its own all are.
    expect(await total(`, departmentId: "${d}"`)).to.be.at.most(assigned);
    expect(await total('')).to.equal(assigned);
  });

  it("refuses another department's downloads and uploads, and serves its own", async () => {
    const send = (path: string, init: RequestInit = {}) =>
      fetch(`${app.url}${path}`, { ...init, headers: { cookie: liaison.cookie!, 'x-wfp-csrf': '1' } });
    const get = async (path: string) => (await send(path)).status;
    const [win, myWin] = [await pick(WindowModel, 'department', false), await pick(WindowModel, 'department', true)];
    expect(await get(`/api/windows/${win}/qr.png`)).to.equal(403);
    expect(await get(`/api/windows/${myWin}/qr.png`)).to.equal(200);
    expect(await get(`/api/windows/qr-sheet?windowId=${win}`)).to.equal(404);
    expect(await get(`/api/windows/qr-sheet?windowId=${myWin}`)).to.equal(200);
    const notice = await NoticeModel.findOne({ status: 'PUBLISHED', departments: trusted({ $ne: own }) }).lean();
    expect([403, 404]).to.include(await get(`/api/notices/${notice!._id}.pdf`));
    const bulletin = await oneOf(BulletinModel, { status: 'PUBLISHED' });
    expect(await get(`/api/bulletins/${bulletin}.pdf?department=${other}`)).to.equal(403);
    expect(await get(`/api/bulletins/${bulletin}.pdf?department=${own}`)).to.equal(200);
    const [otherName, ownName] = await Promise.all(
      [other, own].map(async (d) => (await DepartmentModel.findById(d).lean())!.name),
    );
    // Another department's sheet asked for: its own windows come back, never the other's.
    const sheet = await (await send(`/api/windows/qr-sheet?departmentId=${other}`)).text();
    expect(sheet).to.not.include(`"dept">${otherName}<`);
    expect(sheet).to.include(`"dept">${ownName}<`);
    const ratings = await (await send(`/api/ratings.csv?from=2026-01-01&to=2030-12-31&departmentId=${other}`)).text();
    expect(ratings).to.not.include(otherName);
    const mine = await (await send(`/api/ratings.csv?from=2020-01-01&to=2030-12-31`)).text();
    expect(mine).to.include(ownName);
    const codes = async (assignedTo: unknown) =>
      (await ComplaintModel.find({ assignedTo }).lean()).map((c) => c.trackingCode);
    const complaints = await (await send(`/api/complaints.csv?departmentId=${other}`)).text();
    for (const code of await codes(other)) expect(complaints).to.not.include(code);
    const ownComplaints = await (await send('/api/complaints.csv')).text();
    for (const code of await codes(own)) expect(ownComplaints).to.include(code);
    const photo = { method: 'PUT', body: new Uint8Array(Buffer.from('not even an image')) };
    expect((await send(`/api/staff/${await pick(StaffModel, 'department', false)}/photo`, photo)).status).to.equal(403);
    // Its own staff: admitted, and refused for the bytes only (not an image).
    expect((await send(`/api/staff/${await pick(StaffModel, 'department', true)}/photo`, photo)).status).to.equal(415);
  });

  it("refuses evidence uploads to another department's follow-up or notice, and an inspector's", async () => {
    const post = (c: Client, path: string) =>
      fetch(`${app.url}${path}`, {
        method: 'POST',
        headers: { cookie: c.cookie!, 'x-wfp-csrf': '1' },
        body: new Uint8Array(Buffer.from('%PDF-1.4\n%%EOF\n')),
      });
    const followUp = await pick(FollowUpModel, 'department', false);
    const notice = await NoticeModel.findOne({ status: 'PUBLISHED', departments: trusted({ $ne: own }) }).lean();
    expect((await post(liaison, `/api/follow-ups/${followUp}/evidence`)).status).to.equal(403);
    expect([403, 404]).to.include((await post(liaison, `/api/notices/${notice!._id}/evidence`)).status);
    const inspector = new Client(app.url);
    await inspector.login((await makeUser('INSPECTOR')).username, PASSWORD);
    expect((await post(inspector, `/api/follow-ups/${followUp}/evidence`)).status).to.equal(403);
    // Positive control: the follow-up's own department may upload.
    const mine = await pick(FollowUpModel, 'department', true);
    expect((await post(liaison, `/api/follow-ups/${mine}/evidence`)).status).to.equal(201);
  });
});
