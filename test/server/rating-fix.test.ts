import { expect } from 'chai';
import { FixBoardModel, BOARD_SIZE } from '../../server/src/domains/follow-ups/fix-board.model.js';
import { FollowUpModel } from '../../server/src/domains/follow-ups/follow-up.model.js';
import { forgetMigration, migrate } from '../../server/src/migrations.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { makeDepartment, makeWindow, staffClient } from '../helpers/fixtures.js';
import { rate, ticketFor } from '../helpers/rating.js';

// The citizen sees the fix (GB/T 39734 §10): a bad rating's thanks screen gives a PJ- code, the
// code's public page shows progress and result and nothing personal, and the fixed ones appear on
// the 您说，我们改 lists of the window and of the centre.
const SUBMIT_CODE =
  'mutation($input: SubmitRatingInput!) { submitRating(input: $input) { negative trackingCode replayed } }';
const STATUS = `query($code: String!) { ratingFixStatus(code: $code) {
  trackingCode stage windowCode ratedAt rounds category result closedAt steps { stage at } } }`;
const FIXES = `query($w: String) { ratingFixes(windowCode: $w) { windowCode departmentName said { zh en } category done at } }`;
const ADVANCE = `mutation($id: ID!, $action: FollowUpAction!, $input: FollowUpStepInput) {
  advanceFollowUp(id: $id, action: $action, input: $input) { state trackingCode publicResult } }`;

describe('rating fixes: the citizen sees the fix', () => {
  let app: TestApp;
  let liaison: Client;
  let manager: Client;
  const citizen = () => new Client(app.url);

  before(async () => {
    app = await startTestApp();
    const gsj = await makeDepartment('GSJ', '市市场监督管理局');
    await makeWindow('F01', gsj);
    await makeWindow('F02', gsj);
    liaison = await staffClient(app.url, 'DEPARTMENT', gsj);
    manager = await staffClient(app.url, 'MANAGER');
  });
  after(() => app.close());

  async function badRating(code = 'F01', extra: Record<string, unknown> = {}) {
    const c = citizen();
    const ticketRate = await rate(c, app, code, 'VERY_DISSATISFIED', {
      tags: ['ATTITUDE', 'MANY_TRIPS'],
      comment: '张三态度很差，我的电话13912345678',
      callbackPhone: '13912345678',
      ...extra,
    });
    expect(ticketRate.errors).to.equal(undefined);
    const f = await FollowUpModel.findOne({}).sort({ createdAt: -1 }).lean();
    return { code: f!.trackingCode, id: String(f!._id) };
  }
  const step = async (c: Client, id: string, action: string, input?: object) => {
    const r = await c.gql(ADVANCE, { id, action, input });
    expect(r.errors, JSON.stringify(r.errors)).to.equal(undefined);
    return r.data.advanceFollowUp;
  };
  const fixLoop = async (id: string, publicResult: string) => {
    await step(liaison, id, 'verify', { finding: '窗口人员态度生硬', category: 'ATTITUDE', responsible: '张三' });
    await step(liaison, id, 'rectify', { action: '对张三批评教育' });
    await step(liaison, id, 'callBack', { outcome: 'SATISFIED' });
    return step(manager, id, 'close', { publicResult });
  };

  it('answers a bad rating with a PJ- code, a good one with none, and a resend with the same code', async () => {
    const c = citizen();
    const input = { ticket: await ticketFor(c, app, 'F02'), level: 'DISSATISFIED', clientKey: crypto.randomUUID() };
    const first = await c.gql(SUBMIT_CODE, { input });
    expect(first.data.submitRating.trackingCode).to.match(
      /^PJ-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/,
    );
    const again = await c.gql(SUBMIT_CODE, { input });
    expect(again.data.submitRating).to.include({ replayed: true, trackingCode: first.data.submitRating.trackingCode });
    const good = await citizen().gql(SUBMIT_CODE, {
      input: { ticket: await ticketFor(c, app, 'F02'), level: 'SATISFIED', clientKey: crypto.randomUUID() },
    });
    expect(good.data.submitRating).to.include({ negative: false, trackingCode: null });
  });

  it('shows the progress, then the published result on the code’s page and on the lists, and nothing personal', async () => {
    const { code, id } = await badRating();
    const before = await citizen().gql(STATUS, { code: code.toLowerCase().replaceAll('-', ' ') });
    expect(before.data.ratingFixStatus).to.include({
      trackingCode: code,
      stage: 'RECEIVED',
      windowCode: 'F01',
      result: null,
    });

    await step(liaison, id, 'verify', { finding: '窗口人员态度生硬', category: 'ATTITUDE', responsible: '张三' });
    expect((await citizen().gql(STATUS, { code })).data.ratingFixStatus.stage).to.equal('VERIFIED');
    await step(liaison, id, 'rectify', { action: '对张三批评教育' });
    await step(liaison, id, 'callBack', { outcome: 'SATISFIED' });
    // Inside its deadline and not closed: not on the lists yet.
    expect((await citizen().gql(FIXES, { w: 'F01' })).data.ratingFixes).to.deep.equal([]);
    const closed = await step(manager, id, 'close', { publicResult: '已对窗口人员批评教育，并公开一次性告知清单' });
    expect(closed).to.include({ state: 'CLOSED', trackingCode: code });

    const after = (await citizen().gql(STATUS, { code })).data.ratingFixStatus;
    expect(after).to.include({ stage: 'CLOSED_RESOLVED', category: 'ATTITUDE', rounds: 1 });
    expect(after.result).to.equal('已对窗口人员批评教育，并公开一次性告知清单');
    expect(after.steps.map((s: { stage: string }) => s.stage)).to.deep.equal([
      'RECEIVED',
      'VERIFIED',
      'RECTIFIED',
      'CALLED_BACK',
      'CLOSED_RESOLVED',
    ]);
    const everything = JSON.stringify(after);
    for (const secret of ['张三', '13912345678', '批评教育张三', '态度生硬']) expect(everything).not.to.include(secret);

    for (const w of ['F01', null]) {
      const [fix] = (await citizen().gql(FIXES, { w })).data.ratingFixes;
      expect(fix).to.deep.include({
        windowCode: 'F01',
        departmentName: '市市场监督管理局',
        category: 'ATTITUDE',
        done: '已对窗口人员批评教育，并公开一次性告知清单',
      });
      expect(fix.said.map((s: { zh: string }) => s.zh)).to.deep.equal(['态度差', '多次跑']);
      expect(JSON.stringify(fix)).not.to.include('13912345678');
    }
    expect((await citizen().gql(FIXES, { w: 'F02' })).data.ratingFixes).to.deep.equal([]);
  });

  it('answers an unknown or malformed code with null, and limits lookups per address', async () => {
    const c = new Client(app.url, { 'x-forwarded-for': '203.0.113.77' });
    expect((await c.gql(STATUS, { code: 'PJ-2222-3333-4444' })).data.ratingFixStatus).to.equal(null);
    expect((await c.gql(STATUS, { code: 'TS-2222-3333-4444x' })).data.ratingFixStatus).to.equal(null);
    let limited: string | undefined;
    for (let i = 0; i < 40 && !limited; i++) {
      limited = (await c.gql(STATUS, { code: 'PJ-2222-3333-4444' })).errors?.[0]?.extensions?.code as string;
    }
    expect(limited).to.equal('RATE_LIMITED');
  });

  it('keeps the lists capped, newest first, and leaves out what closed unresolved', async () => {
    for (let i = 0; i < BOARD_SIZE + 1; i++) {
      const { id } = await badRating('F02');
      await fixLoop(id, `第${i}次整改`);
    }
    const fixes = (await citizen().gql(FIXES, { w: 'F02' })).data.ratingFixes as Array<{ done: string }>;
    expect(fixes).to.have.length(BOARD_SIZE);
    expect(fixes[0]!.done).to.equal(`第${BOARD_SIZE}次整改`);
    expect(fixes.map((f) => f.done)).not.to.include('第0次整改');

    const { id } = await badRating('F02');
    await step(liaison, id, 'verify', { finding: '政策原因', category: 'POLICY' });
    await step(liaison, id, 'rectify', { action: '解释说明' });
    await step(manager, id, 'closeUnresolved', { note: '政策所限', publicResult: '已解释政策' });
    const now = (await citizen().gql(FIXES, { w: 'F02' })).data.ratingFixes as Array<{ done: string }>;
    expect(now.map((f) => f.done)).not.to.include('已解释政策');
    expect((await FixBoardModel.findById('centre').lean())!.items).to.have.length(BOARD_SIZE);
  });

  it('gives follow-ups opened before codes existed a code each when migrating', async () => {
    // As before: no index on the code, and no codes.
    await FollowUpModel.collection.dropIndex('trackingCode_1');
    await FollowUpModel.collection.updateMany({}, { $unset: { trackingCode: '' } });
    await forgetMigration('follow_ups.trackingCode');
    await migrate();
    const codes = (await FollowUpModel.find({}).lean()).map((f) => f.trackingCode);
    expect(codes.every((c) => /^PJ-/.test(c))).to.equal(true);
    expect(new Set(codes).size).to.equal(codes.length);
  });
});
