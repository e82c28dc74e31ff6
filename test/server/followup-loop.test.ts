import { expect } from 'chai';
import { localDate } from '../../common/time.js';
import { FollowUpModel } from '../../server/src/domains/follow-ups/follow-up.model.js';
import { openFollowUp } from '../../server/src/domains/follow-ups/follow-up.service.js';
import { RatingModel, type Rating } from '../../server/src/domains/ratings/rating.model.js';
import { ratingSettings } from '../../server/src/domains/ratings/rating.settings.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { makeDepartment, makeRating, makeUser, makeWindow, PASSWORD } from '../helpers/fixtures.js';

// Closure means fixed (GB/T 39734 §9): an unsatisfied call-back sends the follow-up back to
// rectification; 未解决 needs a manager's reason and is reported apart; anonymous → 无法回访.
const ADVANCE = `mutation($id: ID!, $action: FollowUpAction!, $input: FollowUpStepInput) {
  advanceFollowUp(id: $id, action: $action, input: $input) {
    state rounds resolution allowedActions callbackOutcomes decisionReason } }`;
const SUMMARY = `query($from: String!, $to: String!) { ratingStats(filter: { from: $from, to: $to }) { summary {
  followUps { closed resolved unresolved rectificationRate classes { category count } } } } }`;

describe('follow-up loop: closure means fixed', () => {
  let app: TestApp;
  let gsj: string;
  let win: string;
  let manager: Client;
  let liaison: Client;

  before(async () => {
    app = await startTestApp();
    gsj = await makeDepartment('GSJ');
    win = await makeWindow('L01', gsj);
    manager = new Client(app.url);
    await manager.login((await makeUser('MANAGER')).username, PASSWORD);
    liaison = new Client(app.url);
    await liaison.login((await makeUser('DEPARTMENT', gsj)).username, PASSWORD);
  });
  after(() => app.close());

  async function badRating(phone: string | null) {
    const id = await makeRating({ window: win, department: gsj, level: 'VERY_DISSATISFIED', at: new Date() });
    await RatingModel.updateOne({ _id: id }, { callbackPhone: phone });
    await openFollowUp((await RatingModel.findById(id).lean<Rating>())!, await ratingSettings.get());
    return String((await FollowUpModel.findOne({ rating: id }).lean())!._id);
  }
  const step = async (c: Client, id: string, action: string, input?: object) => {
    const r = await c.gql(ADVANCE, { id, action, input });
    return { f: r.data?.advanceFollowUp, code: r.errors?.[0]?.extensions?.code as string | undefined, r };
  };
  const verifyAndRectify = async (id: string) => {
    await step(liaison, id, 'verify', { finding: '窗口人员态度生硬', category: 'ATTITUDE' });
    return step(liaison, id, 'rectify', { action: '批评教育' });
  };

  it('sends an unsatisfied call-back back to rectification, counting the rounds, until the citizen is satisfied', async () => {
    const id = await badRating('13812345678');
    expect((await verifyAndRectify(id)).f).to.include({ state: 'RECTIFIED', rounds: 1 });
    const again = await step(liaison, id, 'callBack', { outcome: 'UNSATISFIED', note: '群众仍不满意' });
    expect(again.f).to.include({ state: 'VERIFIED', rounds: 1 });
    expect(again.f.callbackOutcomes).to.deep.equal(['SATISFIED', 'UNSATISFIED', 'UNREACHABLE']);
    // Not closable as resolved: the plain close is not offered and refused.
    expect((await step(manager, id, 'close')).code).to.equal('INVALID_STATE');
    expect((await step(liaison, id, 'rectify', { action: '调整岗位并再次培训' })).f).to.include({ rounds: 2 });
    await step(liaison, id, 'callBack', { outcome: 'SATISFIED' });
    const closed = await step(manager, id, 'close');
    expect(closed.f).to.include({ state: 'CLOSED', resolution: 'RESOLVED', rounds: 2 });
  });

  it('closes as 未解决 only with a manager and a reason', async () => {
    const id = await badRating('13812345679');
    await verifyAndRectify(id);
    await step(liaison, id, 'callBack', { outcome: 'UNSATISFIED' });
    expect((await step(liaison, id, 'closeUnresolved', { note: '无法满足' })).code).to.equal('FORBIDDEN');
    const noReason = await step(manager, id, 'closeUnresolved', {});
    expect(noReason.code).to.equal('VALIDATION_FAILED');
    expect(noReason.r.errors?.[0]?.extensions?.fields?.[0]?.path).to.equal('note');
    const done = await step(manager, id, 'closeUnresolved', { note: '群众诉求超出政策规定，已解释说明' });
    expect(done.f).to.include({
      state: 'CLOSED',
      resolution: 'UNRESOLVED',
      decisionReason: '群众诉求超出政策规定，已解释说明',
    });
    // Never rectified: 未解决 is not a way around the work.
    const fresh = await badRating(null);
    await step(liaison, fresh, 'verify', { finding: 'x', category: 'POLICY' });
    expect((await step(manager, fresh, 'closeUnresolved', { note: 'x' })).code).to.equal('INVALID_STATE');
  });

  it('offers an anonymous rating only 无法回访, and a real-name one never', async () => {
    const anon = await badRating(null);
    await verifyAndRectify(anon);
    const refused = await step(liaison, anon, 'callBack', { outcome: 'SATISFIED' });
    expect(refused.code).to.equal('VALIDATION_FAILED');
    expect((await step(liaison, anon, 'callBack', { outcome: 'NO_CONTACT' })).f).to.include({ state: 'CALLED_BACK' });
    expect(refused.r.errors?.[0]?.extensions?.fields?.[0]?.path).to.equal('outcome');
  });

  it('refuses to rectify a rating classed as 误评/恶意: it goes to appeal', async () => {
    const id = await badRating(null);
    const v = await step(liaison, id, 'verify', { finding: '非本窗口业务', category: 'MISTAKEN' });
    expect(v.f.allowedActions).to.deep.equal(['appeal']);
    expect((await step(liaison, id, 'rectify', { action: 'x' })).code).to.equal('INVALID_STATE');
  });

  it('reports resolved and unresolved apart, with the classes, and the rate only over what is due', async () => {
    const day = localDate(new Date());
    const { data } = await manager.gql(SUMMARY, { from: day, to: day });
    const f = data.ratingStats.summary.followUps;
    expect(f).to.include({ closed: 2, resolved: 1, unresolved: 1 });
    // 2 closed, nothing overdue (all inside their deadline): 1 resolved of 2 due.
    expect(f.rectificationRate).to.equal(0.5);
    const count = (c: string) => f.classes.find((x: { category: string }) => x.category === c).count;
    expect([count('ATTITUDE'), count('MISTAKEN'), count('POLICY')]).to.deep.equal([3, 1, 1]);
  });
});
