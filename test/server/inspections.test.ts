import { expect } from 'chai';
import QRCode from 'qrcode';
import mongoose from 'mongoose';
import { FindingModel } from '../../server/src/domains/inspections/finding.model.js';
import { RoundModel } from '../../server/src/domains/inspections/round.model.js';
import { ViolationModel } from '../../server/src/domains/inspections/violation.model.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { as, makeHall } from '../helpers/patrol.js';
import { localDate } from '../../common/time.js';

const GENERATE = `mutation($f: String!, $t: String!) { generateRounds(from: $f, to: $t) }`;
const ROUNDS = `query($f: String!, $t: String!, $s: RoundState) { patrolRounds(from: $f, to: $t, state: $s) { id date slot state plannedAt inspectorName } }`;
const START = `mutation($id: ID!) { startRound(id: $id) { id state inspectorId } }`;
const SAVE = `mutation($r: ID!, $w: ID!, $input: FindingInput!) { saveFinding(roundId: $r, windowId: $w, input: $input) { id seq note marks { presence staff { name } } failures { code } } }`;
const SUBMIT = `mutation($id: ID!) { submitRound(id: $id) { id state violationCount } }`;
const DECIDE = `mutation($id: ID!, $d: ViolationDecision!, $r: String) { decideViolation(id: $id, decision: $d, reason: $r) { id status reason } }`;
const VIOLATIONS = `query($s: ViolationStatus, $round: ID) { violationPage(status: $s, roundId: $round, pageSize: 100) { total items { id code points status staff { name } department { code } window { code } } } }`;

let seq = 0;
const key = () => `key-${Date.now()}-${++seq}`;
const finding = (over: Record<string, unknown> = {}) => ({
  clientKey: key(),
  seq: ++seq,
  marks: [],
  failures: [],
  photoIds: [],
  ...over,
});

describe('patrol rounds, findings and violations', () => {
  let app: TestApp;
  let hall: Awaited<ReturnType<typeof makeHall>>;
  let manager: Awaited<ReturnType<typeof as>>;
  let inspector: Awaited<ReturnType<typeof as>>;
  let admin: Awaited<ReturnType<typeof as>>;

  before(async () => {
    app = await startTestApp();
    hall = await makeHall();
    [manager, inspector, admin] = await Promise.all([as(app, 'MANAGER'), as(app, 'INSPECTOR'), as(app, 'ADMIN')]);
  });
  after(() => app.close());

  /** A round planned a few minutes ago and due within the hour, assigned to `who`. */
  async function openRound(who: { userId: string } | null, dueInMin = 50) {
    const now = Date.now();
    const r = await RoundModel.create({
      date: localDate(new Date(now)),
      slot: `T-${key()}`,
      kind: 'SCHEDULED',
      plannedAt: new Date(now - 10 * 60_000),
      dueAt: new Date(now + dueInMin * 60_000),
      inspector: who?.userId ?? null,
    });
    return String(r._id);
  }

  it('generates four rounds per working day once, skipping weekends and holidays', async () => {
    await admin.gql(`mutation { setCalendarDay(date: "2031-03-04", kind: HOLIDAY, name: "本地闭馆") { date } }`);
    // 2031-03-03 is a Monday: Mon, Wed, Thu, Fri remain.
    const first = await manager.gql(GENERATE, { f: '2031-03-03', t: '2031-03-09' });
    expect(first.errors).to.equal(undefined);
    expect(first.data.generateRounds).to.equal(16);
    expect((await manager.gql(GENERATE, { f: '2031-03-01', t: '2031-03-09' })).data.generateRounds).to.equal(0);
    const list = (await manager.gql(ROUNDS, { f: '2031-03-03', t: '2031-03-09' })).data.patrolRounds;
    expect(list).to.have.length(16);
    expect(new Set(list.map((r: { date: string }) => r.date))).to.deep.equal(
      new Set(['2031-03-03', '2031-03-05', '2031-03-06', '2031-03-07']),
    );
    expect(list[0]).to.include({ slot: 'S1', state: 'PLANNED', plannedAt: '2031-03-03T00:45:00.000Z' });

    const settings = `mutation($i: InspectionSettingsInput!) { updateInspectionSettings(input: $i) { roundTimes } }`;
    const bad = await manager.gql(settings, { i: { roundTimes: ['8:45', '25:00'] } });
    expect(bad.errors?.[0]?.extensions?.code).to.equal('VALIDATION_FAILED');
    await manager.gql(settings, { i: { roundTimes: ['09:00', '15:00'] } });
    expect((await manager.gql(GENERATE, { f: '2031-03-10', t: '2031-03-10' })).data.generateRounds).to.equal(2);
    await manager.gql(settings, { i: { roundTimes: ['08:45', '10:30', '14:45', '16:30'] } });
  });

  it('refuses generation to inspectors and over too long a range', async () => {
    expect(await inspector.code(GENERATE, { f: '2031-04-01', t: '2031-04-02' })).to.equal('FORBIDDEN');
    expect(await manager.code(GENERATE, { f: '2031-01-01', t: '2031-06-30' })).to.equal('VALIDATION_FAILED');
    expect(await manager.code(GENERATE, { f: '2031-1-1', t: '2031-01-02' })).to.equal('VALIDATION_FAILED');
  });

  it('shows a round never started by its due time as MISSED and one not submitted as OVERDUE', async () => {
    const missed = await openRound(inspector, -5);
    const overdue = await openRound(inspector, -5);
    await RoundModel.updateOne({ _id: overdue }, { status: 'IN_PROGRESS', startedAt: new Date() });
    const today = localDate(new Date());
    const ids = async (s: string) =>
      (await manager.gql(ROUNDS, { f: today, t: today, s })).data.patrolRounds.map((r: { id: string }) => r.id);
    expect(await ids('MISSED'))
      .to.include(missed)
      .and.not.include(overdue);
    expect(await ids('OVERDUE'))
      .to.include(overdue)
      .and.not.include(missed);
    // Today's scheduled rounds were generated on the way, idempotently.
    const scheduled = (await manager.gql(ROUNDS, { f: today, t: today })).data.patrolRounds.filter(
      (r: { slot: string }) => /^S\d$/.test(r.slot),
    );
    expect(scheduled.length).to.be.oneOf([0, 4]); // 0 on a weekend or holiday
    expect(await inspector.code(START, { id: missed })).to.equal('INVALID_STATE');
  });

  /**
   * A round by `by` with findings at B01 (GSJ: away, phone), B02 (GSJ: away with a reason) and
   * C01 (DSJ: absent, desk), submitted: four violations, pending. Each test patrols its own.
   */
  async function patrolWithFindings(by = inspector) {
    const round = await openRound(by);
    expect((await by.gql(START, { id: round })).data.startRound).to.include({
      state: 'IN_PROGRESS',
      inspectorId: by.userId,
    });
    const save = (w: string, input: object) => by.gql(SAVE, { r: round, w, input });
    const b01 = await save(
      hall.b01.window,
      finding({ marks: [{ staffId: hall.b01.staff, presence: 'AWAY' }], failures: [{ code: 'PHONE' }] }),
    );
    expect(b01.errors).to.equal(undefined);
    await save(
      hall.b02.window,
      finding({ marks: [{ staffId: hall.b02.staff, presence: 'AWAY', reason: '去后台取资料' }] }),
    );
    await save(
      hall.c01.window,
      finding({
        marks: [{ staffId: hall.c01.staff, presence: 'ABSENT' }],
        failures: [{ code: 'DESK' }],
        note: '窗口无人',
      }),
    );

    const submitted = await by.gql(SUBMIT, { id: round });
    const raised = await ViolationModel.find({ round }).lean();
    return { round, submitted, ids: Object.fromEntries(raised.map((v) => [v.code, String(v._id)])) };
  }

  it('turns a round with findings into the right violations and points', async () => {
    const { round, submitted } = await patrolWithFindings();
    expect(submitted.data.submitRound).to.deep.include({ state: 'SUBMITTED', violationCount: 4 });
    const raised = await ViolationModel.find({ round }).sort({ points: -1, code: 1 }).lean();
    expect(raised.map((v) => [v.code, v.points, String(v.staff), String(v.department), v.status])).to.deep.equal([
      ['ABSENT', 1, hall.c01.staff, hall.dsj, 'PENDING'],
      ['PHONE', 1, hall.b01.staff, hall.gsj, 'PENDING'],
      ['AWAY', 0.5, hall.b01.staff, hall.gsj, 'PENDING'],
      ['DESK', 0.2, hall.c01.staff, hall.dsj, 'PENDING'],
    ]);
    // Submitting again changes nothing; the round takes no more findings.
    expect((await inspector.gql(SUBMIT, { id: round })).data.submitRound.violationCount).to.equal(4);
    expect(await inspector.code(SAVE, { r: round, w: hall.b02.window, input: finding() })).to.equal('INVALID_STATE');
    expect(await FindingModel.countDocuments({ round, submitted: true })).to.equal(3);
  });

  it('keeps saves idempotent: a resent key or an older edit changes nothing', async () => {
    const round = await openRound(inspector);
    await inspector.gql(START, { id: round });
    const newer = finding({ seq: 20, note: 'second edit' });
    const older = finding({ seq: 10, note: 'first edit' });
    expect((await inspector.gql(SAVE, { r: round, w: hall.b01.window, input: newer })).data.saveFinding.note).to.equal(
      'second edit',
    );
    const resent = await inspector.gql(SAVE, { r: round, w: hall.b01.window, input: newer });
    const late = await inspector.gql(SAVE, { r: round, w: hall.b01.window, input: older });
    expect(resent.data.saveFinding).to.include({ note: 'second edit', seq: 20 });
    expect(late.data.saveFinding).to.include({ note: 'second edit', seq: 20 });
    expect(await FindingModel.countDocuments({ round })).to.equal(1);
  });

  it('validates findings against the roster and the checklist', async () => {
    const round = await openRound(inspector);
    await inspector.gql(START, { id: round });
    const res = await inspector.gql(SAVE, {
      r: round,
      w: hall.b01.window,
      input: finding({
        marks: [{ staffId: hall.c01.staff, presence: 'ON_POST' }],
        failures: [{ code: 'SMOKING' }],
        photoIds: ['0123456789abcdef01234567'],
      }),
    });
    expect(res.errors?.[0]?.extensions?.code).to.equal('VALIDATION_FAILED');
    expect(res.errors![0]!.extensions!.fields.map((f: { path: string }) => f.path)).to.deep.equal([
      'marks.0.staffId',
      'failures.0.code',
      'photoIds.0',
    ]);
    expect(await inspector.code(SAVE, { r: round, w: hall.b01.window, input: finding({ clientKey: 'x' }) })).to.equal(
      'VALIDATION_FAILED',
    );
  });

  it('refuses other inspectors, liaisons and wrong states', async () => {
    const other = await as(app, 'INSPECTOR');
    const liaison = await as(app, 'DEPARTMENT', hall.gsj);
    const round = await openRound(inspector);
    expect(await other.code(START, { id: round })).to.equal('FORBIDDEN');
    expect(await liaison.code(ROUNDS, { f: '2031-03-03', t: '2031-03-03' })).to.equal('FORBIDDEN');
    expect(await inspector.code(SAVE, { r: round, w: hall.b01.window, input: finding() })).to.equal('INVALID_STATE');
    expect(await inspector.code(SUBMIT, { id: round })).to.equal('INVALID_STATE');
    expect(await new Client(app.url).code(START, { id: round })).to.equal('UNAUTHENTICATED');
    // An unassigned round goes to whoever starts it; others then keep off.
    const open = await openRound(null);
    expect((await other.gql(START, { id: open })).data.startRound.inspectorId).to.equal(other.userId);
    expect(await inspector.code(SAVE, { r: open, w: hall.b01.window, input: finding() })).to.equal('FORBIDDEN');
  });

  it('starts an unannounced round once per client key', async () => {
    const q = `mutation($k: String!) { startUnscheduledRound(clientKey: $k) { id state slot } }`;
    const k = key();
    const a = (await inspector.gql(q, { k })).data.startUnscheduledRound;
    const b = (await inspector.gql(q, { k })).data.startUnscheduledRound;
    expect(a.id).to.equal(b.id);
    expect(a).to.include({ state: 'IN_PROGRESS', slot: `U-${k}` });
  });

  it('lets a manager confirm or dismiss (with a reason) pending violations, once', async () => {
    const { ids } = await patrolWithFindings();
    const [first, second] = [{ _id: ids.ABSENT }, { _id: ids.DESK }];
    expect(await inspector.code(DECIDE, { id: String(first._id), d: 'CONFIRMED' })).to.equal('FORBIDDEN');
    expect(await manager.code(DECIDE, { id: String(first._id), d: 'DISMISSED' })).to.equal('VALIDATION_FAILED');
    const ok = await manager.gql(DECIDE, { id: String(first._id), d: 'DISMISSED', r: '经核实为误报' });
    expect(ok.data.decideViolation).to.include({ status: 'DISMISSED', reason: '经核实为误报' });
    expect(await manager.code(DECIDE, { id: String(first._id), d: 'CONFIRMED' })).to.equal('INVALID_STATE');
    expect(
      (await manager.gql(DECIDE, { id: String(second._id), d: 'CONFIRMED' })).data.decideViolation.status,
    ).to.equal('CONFIRMED');
  });

  it('shows inspectors what they raised and liaisons only their confirmed ones', async () => {
    const [raiser, other] = [await as(app, 'INSPECTOR'), await as(app, 'INSPECTOR')];
    const { round, ids } = await patrolWithFindings(raiser);
    expect((await other.gql(VIOLATIONS)).data.violationPage.total).to.equal(0);
    expect((await raiser.gql(VIOLATIONS)).data.violationPage.total).to.equal(4);
    const [phone, away] = [ids.PHONE!, ids.AWAY!];
    await manager.gql(DECIDE, { id: phone, d: 'CONFIRMED' });
    await manager.gql(DECIDE, { id: ids.DESK, d: 'CONFIRMED' });
    const own = await as(app, 'DEPARTMENT', hall.gsj);
    const seen = (await own.gql(VIOLATIONS, { round })).data.violationPage.items;
    expect(seen.map((v: { id: string; status: string }) => [v.id, v.status])).to.deep.equal([[phone, 'CONFIRMED']]);
    expect(await own.code(`query($id: ID!) { violation(id: $id) { id } }`, { id: away })).to.equal('NOT_FOUND');
    // The confirmed DESK violation belongs to another department.
    expect(
      (await (await as(app, 'DEPARTMENT', hall.dsj)).gql(VIOLATIONS, { round })).data.violationPage.items.map(
        (v: { code: string }) => v.code,
      ),
    ).to.deep.equal(['DESK']);
  });

  describe('photos', () => {
    let round: string;
    let png: Buffer;
    const upload = (c: Client, r: string, w: string, body: Buffer) =>
      fetch(`${app.url}/api/patrol/rounds/${r}/photos?windowId=${w}`, {
        method: 'POST',
        headers: { 'x-wfp-csrf': '1', 'content-type': 'image/jpeg', ...(c.cookie ? { cookie: c.cookie } : {}) },
        body: new Uint8Array(body),
      });

    before(async () => {
      round = await openRound(inspector);
      await inspector.gql(START, { id: round });
      png = await QRCode.toBuffer('patrol evidence');
    });

    it("stores a photo for the window's department and attaches it to a finding", async () => {
      const res = await upload(inspector, round, hall.b01.window, png);
      expect(res.status).to.equal(201);
      const { id, url } = (await res.json()) as { id: string; url: string };
      const saved = await inspector.gql(SAVE, { r: round, w: hall.b01.window, input: finding({ photoIds: [id] }) });
      expect(saved.errors).to.equal(undefined);
      const file = (c: Client) => fetch(`${app.url}${url}`, { headers: c.cookie ? { cookie: c.cookie } : {} });
      expect((await file(manager)).status).to.equal(200);
      expect((await file(await as(app, 'DEPARTMENT', hall.gsj))).status).to.equal(200);
      expect((await file(await as(app, 'DEPARTMENT', hall.dsj))).status).to.equal(404);
      expect((await file(new Client(app.url))).status).to.equal(404);
    });

    it('stores a photo sent again with the same key once, also when both copies arrive together', async () => {
      const key = 'f4b5c6d7-1234-4abc-8def-0123456789ab';
      const send = () => upload(inspector, round, `${hall.b01.window}&key=${key}`, png);
      const [a, b] = await Promise.all([send(), send()]);
      const c = await send();
      const ids = await Promise.all([a, b, c].map(async (r) => ((await r.json()) as { id: string }).id));
      expect(new Set(ids).size).to.equal(1);
      const files = mongoose.connection.db!.collection('files.files');
      expect(await files.countDocuments({ _id: new mongoose.Types.ObjectId(ids[0]) })).to.equal(1);
      const chunks = mongoose.connection.db!.collection('files.chunks');
      expect(await chunks.countDocuments({ files_id: new mongoose.Types.ObjectId(ids[0]) })).to.equal(1);
      // Without a key every upload is a file of its own (positive control), and a bad key is refused.
      const plain = await Promise.all([1, 2].map(() => upload(inspector, round, hall.b01.window, png)));
      const plainIds = await Promise.all(plain.map(async (r) => ((await r.json()) as { id: string }).id));
      expect(new Set(plainIds).size).to.equal(2);
      expect((await upload(inspector, round, `${hall.b01.window}&key=x`, png)).status).to.equal(400);
    });

    it('refuses non-images, files over 5 MB and rounds that are not yours', async () => {
      expect((await upload(inspector, round, hall.b01.window, Buffer.from('not an image at all'))).status).to.equal(
        415,
      );
      expect(
        (await upload(inspector, round, hall.b01.window, Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]))).status,
      ).to.equal(413);
      expect((await upload(await as(app, 'INSPECTOR'), round, hall.b01.window, png)).status).to.equal(403);
      expect((await upload(await as(app, 'DEPARTMENT', hall.gsj), round, hall.b01.window, png)).status).to.equal(403);
    });
  });
});
