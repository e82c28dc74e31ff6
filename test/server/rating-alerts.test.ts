import { expect } from 'chai';
import { AlertModel } from '../../server/src/domains/alerts/alert.model.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { makeDepartment, makeUser, makeWindow, PASSWORD } from '../helpers/fixtures.js';
import { rate } from '../helpers/rating.js';
import { subscribe } from '../helpers/sse.js';

describe('live alerts', () => {
  let app: TestApp;
  let gsj: string;
  let dsj: string;
  let manager: Client;
  /** Window ids by code: each test rates its own window and counts only that window's alerts. */
  const windows: Record<string, string> = {};

  before(async () => {
    app = await startTestApp();
    gsj = await makeDepartment('GSJ');
    dsj = await makeDepartment('DSJ');
    for (const code of ['A01', 'A02', 'A03', 'A04']) windows[code] = await makeWindow(code, gsj);
    windows.B01 = await makeWindow('B01', dsj);
    manager = new Client(app.url);
    await manager.login((await makeUser('MANAGER')).username, PASSWORD);
  });
  after(() => app.close());

  // Each rating from a fresh "device", so the per-device cooldown does not interfere.
  const rateAs = (code: string, level: string) => rate(new Client(app.url), app, code, level);
  const codeOf = (r: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
    (r.errors?.[0]?.extensions?.code as string | undefined) ?? 'ok';

  it('raises NEGATIVE_SHARE at ≥ 50% bad ratings among ≥ 4 within 15 minutes, once per period', async () => {
    await rateAs('A01', 'SATISFIED');
    await rateAs('A01', 'DISSATISFIED'); // 1 of 2: too few ratings yet
    const at = { rule: 'NEGATIVE_SHARE', window: windows.A01 };
    expect(await AlertModel.countDocuments(at)).to.equal(0);
    await rateAs('A01', 'SATISFIED');
    await rateAs('A01', 'DISSATISFIED'); // 2 of 4 = 50%: fires
    expect(await AlertModel.find(at).lean()).to.have.length(1);
    await rateAs('A01', 'DISSATISFIED'); // still firing, same period: no second alert
    const alerts = await AlertModel.find(at).lean();
    expect(alerts).to.have.length(1);
    expect(alerts[0]).to.include({ total: 4, negative: 2, minutes: 15, state: 'OPEN' });
  });

  it('raises one VERY_DISSATISFIED alert per such rating, and none for good ratings', async () => {
    const at = { rule: 'VERY_DISSATISFIED', window: windows.A02 };
    await rateAs('A02', 'VERY_SATISFIED');
    expect(await AlertModel.countDocuments({ window: windows.A02 })).to.equal(0);
    await rateAs('A02', 'VERY_DISSATISFIED');
    await rateAs('A02', 'VERY_DISSATISFIED');
    expect(await AlertModel.countDocuments(at)).to.equal(2);
  });

  it('pushes new alerts to the dashboard over SSE, only to those who may see the department', async () => {
    const liaisonOther = new Client(app.url);
    await liaisonOther.login((await makeUser('DEPARTMENT', dsj)).username, PASSWORD);
    const q = 'subscription { alertRaised { rule window { code } department { code } } }';
    const mine = subscribe(app.url, q, manager.cookie);
    const theirs = subscribe(app.url, q, liaisonOther.cookie);
    await Promise.all([mine.ready, theirs.ready]);
    await rateAs('A03', 'VERY_DISSATISFIED');
    // Alerts raised moments before subscribing may come first; wait for the one raised now.
    let got;
    do got = (await mine.events.next()).value.data.alertRaised;
    while (got.window.code !== 'A03');
    expect(got).to.deep.equal({ rule: 'VERY_DISSATISFIED', window: { code: 'A03' }, department: { code: 'GSJ' } });
    // The DSJ liaison receives nothing about GSJ's windows: its first event is its own B01.
    await rateAs('B01', 'VERY_DISSATISFIED');
    const other = (await theirs.events.next()).value.data.alertRaised;
    expect(other).to.deep.include({ window: { code: 'B01' }, department: { code: 'DSJ' } });
    mine.close();
    theirs.close();
  });

  it('is acknowledged and closed by staff of its department; inspectors and others are refused', async () => {
    // Its own alert, at a window no other test rates.
    expect(codeOf(await rateAs('A04', 'VERY_DISSATISFIED'))).to.equal('ok');
    const alert = await AlertModel.findOne({ window: windows.A04 }).lean();
    const id = String(alert!._id);
    const ACK =
      'mutation($id: ID!) { acknowledgeAlert(id: $id, note: "已到窗口了解情况") { state acknowledgedBy note } }';
    const CLOSE = 'mutation($id: ID!) { closeAlert(id: $id) { state closedBy } }';
    const inspector = new Client(app.url);
    await inspector.login((await makeUser('INSPECTOR')).username, PASSWORD);
    expect(await inspector.code(ACK, { id })).to.equal('FORBIDDEN');
    const other = new Client(app.url);
    await other.login((await makeUser('DEPARTMENT', dsj)).username, PASSWORD);
    expect(await other.code(ACK, { id })).to.equal('FORBIDDEN');
    const liaison = new Client(app.url);
    await liaison.login((await makeUser('DEPARTMENT', gsj)).username, PASSWORD);
    expect((await liaison.gql(ACK, { id })).data.acknowledgeAlert).to.deep.include({
      state: 'ACKNOWLEDGED',
      note: '已到窗口了解情况',
    });
    expect(await liaison.code(ACK, { id })).to.equal('INVALID_STATE');
    expect((await manager.gql(CLOSE, { id })).data.closeAlert.state).to.equal('CLOSED');
    expect(await manager.code(CLOSE, { id })).to.equal('INVALID_STATE');
  });
});
