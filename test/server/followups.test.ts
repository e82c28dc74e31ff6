import { expect } from 'chai';
import { importChineseDays } from '../../server/src/domains/calendar/calendar.service.js';
import { FollowUpModel } from '../../server/src/domains/follow-ups/follow-up.model.js';
import { RatingModel, type Rating } from '../../server/src/domains/ratings/rating.model.js';
import { ratingSettings } from '../../server/src/domains/ratings/rating.settings.js';
import { openFollowUp } from '../../server/src/domains/follow-ups/follow-up.service.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { makeDepartment, makeRating, makeUser, makeWindow, PASSWORD } from '../helpers/fixtures.js';

const at = (local: string) => new Date(`${local}+08:00`);
const ADVANCE = `mutation($id: ID!, $action: FollowUpAction!, $input: FollowUpStepInput) {
  advanceFollowUp(id: $id, action: $action, input: $input) { state allowedActions onTime timeline { action from to byName } } }`;

describe('bad-rating follow-up (差评整改)', () => {
  let app: TestApp;
  let gsj: string;
  let dsj: string;
  let win: string;
  let manager: Client;
  let liaison: Client;

  before(async () => {
    app = await startTestApp();
    await importChineseDays(2026, 2026);
    gsj = await makeDepartment('GSJ');
    dsj = await makeDepartment('DSJ');
    win = await makeWindow('A01', gsj);
    manager = new Client(app.url);
    await manager.login((await makeUser('MANAGER')).username, PASSWORD);
    liaison = new Client(app.url);
    await liaison.login((await makeUser('DEPARTMENT', gsj)).username, PASSWORD);
  });
  after(() => app.close());

  /** A bad rating at a given time, with its follow-up opened as submitRating does. */
  async function badRating(when = new Date(), phone: string | null = null) {
    const id = await makeRating({ window: win, department: gsj, level: 'DISSATISFIED', at: when });
    await RatingModel.updateOne({ _id: id }, { callbackPhone: phone });
    await openFollowUp((await RatingModel.findById(id).lean<Rating>())!, await ratingSettings.get());
    return String((await FollowUpModel.findOne({ rating: id }).lean())!._id);
  }

  it('is due 5 working days later, skipping the National Day holiday', async () => {
    const id = await badRating(at('2026-09-30T10:00:00'));
    const f = await FollowUpModel.findById(id).lean();
    expect(f!.dueAt.toISOString()).to.equal(at('2026-10-13T23:59:59.999').toISOString());
    expect(
      (await manager.gql('query($id: ID!) { followUp(id: $id) { overdue } }', { id })).data.followUp.overdue,
    ).to.equal(true);
  });

  it('goes OPEN → VERIFIED → RECTIFIED → CALLED_BACK (liaison) → CLOSED (manager), on time', async () => {
    const id = await badRating();
    const step = (c: Client, action: string, input?: object) => c.gql(ADVANCE, { id, action, input });
    expect(
      (await step(liaison, 'verify', { finding: '窗口人员解释不清', responsible: '李娜', category: 'ATTITUDE' })).data
        .advanceFollowUp.state,
    ).to.equal('VERIFIED');
    expect(
      (await step(liaison, 'rectify', { action: '已批评教育并组织业务培训' })).data.advanceFollowUp.state,
    ).to.equal('RECTIFIED');
    const called = await step(liaison, 'callBack', { outcome: 'NO_CONTACT', note: '匿名评价，无联系方式' });
    expect(called.data.advanceFollowUp).to.deep.include({ state: 'CALLED_BACK', allowedActions: [] });
    // Closing is the manager's.
    expect((await step(liaison, 'close')).errors?.[0]?.extensions?.code).to.equal('FORBIDDEN');
    const closed = (await step(manager, 'close')).data.advanceFollowUp;
    expect(closed).to.deep.include({ state: 'CLOSED', onTime: true });
    expect(closed.timeline.map((s: { action: string }) => s.action)).to.deep.equal([
      'verify',
      'rectify',
      'callBack',
      'close',
    ]);
  });

  it('refuses the wrong state, missing details, and a phone-bearing rating without a call', async () => {
    const id = await badRating(new Date(), '13812345678');
    expect(
      (await liaison.gql(ADVANCE, { id, action: 'rectify', input: { action: 'x' } })).errors?.[0]?.extensions?.code,
    ).to.equal('INVALID_STATE');
    const missing = await liaison.gql(ADVANCE, { id, action: 'verify', input: {} });
    expect(missing.errors?.[0]?.extensions?.fields?.[0]?.path).to.equal('finding');
    await liaison.gql(ADVANCE, { id, action: 'verify', input: { finding: 'f', category: 'EFFICIENCY' } });
    await liaison.gql(ADVANCE, { id, action: 'rectify', input: { action: 'a' } });
    const noCall = await liaison.gql(ADVANCE, { id, action: 'callBack', input: { outcome: 'NO_CONTACT' } });
    expect(noCall.errors?.[0]?.extensions?.fields?.[0]?.path).to.equal('outcome');
    // The liaison handling it sees the full number; inspectors, who patrol, see no follow-ups.
    const q = 'query($id: ID!) { followUp(id: $id) { rating { callbackPhone } } }';
    expect((await liaison.gql(q, { id })).data.followUp.rating.callbackPhone).to.equal('13812345678');
    const inspector = new Client(app.url);
    await inspector.login((await makeUser('INSPECTOR')).username, PASSWORD);
    expect(await inspector.code(q, { id })).to.equal('FORBIDDEN');
    expect(await inspector.code('{ ratings { total } }')).to.equal('FORBIDDEN');
    expect(await inspector.code(ADVANCE, { id, action: 'callBack', input: { outcome: 'SATISFIED' } })).to.equal(
      'FORBIDDEN',
    );
  });

  it("keeps another department's liaison out, by list and by id", async () => {
    const id = await badRating();
    const other = new Client(app.url);
    await other.login((await makeUser('DEPARTMENT', dsj)).username, PASSWORD);
    expect((await other.gql('{ followUps { total } }')).data.followUps.total).to.equal(0);
    // The control: its own department's liaison has it in its list.
    const own = (await liaison.gql('{ followUps(pageSize: 100) { items { id } } }')).data.followUps.items;
    expect(own.map((f: { id: string }) => f.id)).to.include(id);
    expect(await other.code('query($id: ID!) { followUp(id: $id) { state } }', { id })).to.equal('FORBIDDEN');
    expect(await other.code(ADVANCE, { id, action: 'verify', input: { finding: 'x' } })).to.equal('FORBIDDEN');
  });

  it('excludes an appealed rating from statistics when a manager approves, and reinstates otherwise', async () => {
    const id = await badRating();
    const appealed = await liaison.gql(ADVANCE, {
      id,
      action: 'appeal',
      input: { note: '该群众未在本窗口办理业务，属误评' },
    });
    expect(appealed.data.advanceFollowUp.state).to.equal('APPEALED');
    expect(await liaison.code(ADVANCE, { id, action: 'exclude', input: { note: 'x' } })).to.equal('FORBIDDEN');
    const excluded = await manager.gql(ADVANCE, { id, action: 'exclude', input: { note: '经核实监控录像，属误评' } });
    expect(excluded.data.advanceFollowUp.state).to.equal('EXCLUDED');
    const rating = await RatingModel.findById((await FollowUpModel.findById(id).lean())!.rating).lean();
    expect(rating).to.include({ excluded: true, counted: false });

    const second = await badRating();
    await liaison.gql(ADVANCE, { id: second, action: 'verify', input: { finding: 'f', category: 'MISTAKEN' } });
    await liaison.gql(ADVANCE, { id: second, action: 'appeal', input: { note: '认为不合理' } });
    const back = await manager.gql(ADVANCE, { id: second, action: 'reinstate', input: { note: '评价属实，继续整改' } });
    expect(back.data.advanceFollowUp.state).to.equal('VERIFIED');
  });

  it('is opened by submitRating for a bad rating, once even when resent', async () => {
    // Its own bad rating, opened once as submitRating does; opening it again adds nothing.
    const rating = (await FollowUpModel.findById(await badRating()).lean())!.rating;
    const r = await RatingModel.findById(rating).lean<Rating>();
    await openFollowUp(r!, await ratingSettings.get());
    expect(await FollowUpModel.countDocuments({ rating })).to.equal(1);
  });
});
