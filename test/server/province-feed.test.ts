import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { addDays, localDate } from '../../common/time.js';
import { PROVINCE_CHANNEL, provinceChannel } from '../../server/src/domains/province-feed/feed.service.js';
import { provinceFeedSettings } from '../../server/src/domains/province-feed/feed.settings.js';
import { RatingModel } from '../../server/src/domains/ratings/rating.model.js';
import { deliverDue, registerChannel } from '../../server/src/lib/outbox/outbox.js';
import { OutboxModel } from '../../server/src/lib/outbox/outbox.model.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { makeDepartment, makeRating, makeWindow, staffClient } from '../helpers/fixtures.js';
import { rate } from '../helpers/rating.js';

// The provincial 好差评 feed (issue 16 item 6): each counted rating pushed to the province's
// receiver once, across its outage, by two workers; reconciled per day; exported in its shape.

const SECRET = 'province-feed-secret-0123456789';
type Got = { recordId: string; valid: boolean; status: number; record: Record<string, unknown> };

/** The province's receiver: a real HTTP server; `down` answers 503; checks signatures. */
function receiver() {
  const got: Got[] = [];
  let down = false;
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(req.headers['x-wfp-signature'] ?? '')) ?? [];
      const valid = !!t && createHmac('sha256', SECRET).update(`${t}.${raw}`).digest('hex') === v1;
      const status = down ? 503 : 200;
      const record = (JSON.parse(raw) as { records: Array<Record<string, unknown>> }).records[0]!;
      got.push({ recordId: String(req.headers['x-wfp-event-id']), valid, status, record });
      res.writeHead(status).end();
    });
  });
  return {
    got,
    server,
    setDown: (d: boolean) => (down = d),
    accepted: () => got.filter((g) => g.status === 200),
    listening: new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r())),
  };
}

const fast = { baseDelayMs: 0, leaseMs: 60_000 };
/** Two workers, as two app instances run them, each pass at once. */
const pass = () => Promise.all([deliverDue('worker-a', fast), deliverDue('worker-b', fast)]);

const RECONCILE = `query($from: String!, $to: String!) { provinceFeedReconciliation(from: $from, to: $to) {
  enabled days { day stored acknowledged pending failed difference } failures { recordId lastError } } }`;
const UPDATE = `mutation($input: ProvinceFeedSettingsInput!) { updateProvinceFeedSettings(input: $input) {
  enabled url secretSet startDate levelCodes { level code } fields { field name } } }`;

describe('the provincial 好差评 feed', () => {
  let app: TestApp;
  let admin: Client;
  let manager: Client;
  let dept: string;
  let win: string;
  const rx = receiver();
  const today = localDate(new Date());
  // A run that crosses the center's midnight files its later ratings under the next day: every
  // range below reaches one day on, and the reconciliation is read as totals over the range.
  const until = addDays(today, 1);
  type Day = { stored: number; acknowledged: number; pending: number; failed: number; difference: number };
  const reconciled = async () => {
    const r = (await manager.gql(RECONCILE, { from: today, to: until })).data.provinceFeedReconciliation;
    const sum = (k: keyof Day) => (r.days as Day[]).reduce((n, d) => n + d[k], 0);
    const totals = { stored: sum('stored'), acknowledged: sum('acknowledged'), pending: sum('pending') };
    return { ...r, totals: { ...totals, failed: sum('failed'), difference: sum('difference') } };
  };

  before(async () => {
    app = await startTestApp();
    await rx.listening;
    registerChannel(PROVINCE_CHANNEL, provinceChannel());
    dept = await makeDepartment('PRV', '省级推送测试局');
    win = await makeWindow('PV01', dept);
    await makeWindow('PV02', dept);
    admin = await staffClient(app.url, 'ADMIN');
    manager = await staffClient(app.url, 'MANAGER');
  });
  after(async () => {
    await app.close();
    await new Promise((r) => rx.server.close(r));
  });

  it('refuses to push without a signing secret, or with two levels on one code', async () => {
    const url = `http://127.0.0.1:${(rx.server.address() as AddressInfo).port}/feed`;
    const noSecret = await admin.gql(UPDATE, { input: { enabled: true, url } });
    expect(noSecret.errors?.[0]?.extensions?.code).to.equal('VALIDATION_FAILED');
    expect(noSecret.errors?.[0]?.message).to.include('签名密钥');
    const clash = await admin.gql(UPDATE, {
      input: { levelCodes: [{ level: 'SATISFIED', code: '1' }] },
    });
    expect(clash.errors?.[0]?.extensions?.code).to.equal('VALIDATION_FAILED');
    expect((await provinceFeedSettings.get()).enabled).to.equal(false);
    // A manager reads the reconciliation but may not change the feed.
    expect((await manager.gql(UPDATE, { input: { enabled: false } })).errors?.[0]?.extensions?.code).to.equal(
      'FORBIDDEN',
    );
  });

  it('pushes every rating exactly once across a receiver outage, and reconciles to zero', async () => {
    const url = `http://127.0.0.1:${(rx.server.address() as AddressInfo).port}/feed`;
    const on = await admin.gql(UPDATE, { input: { enabled: true, url, secret: SECRET, startDate: today } });
    expect(on.errors).to.equal(undefined);
    expect(on.data.updateProvinceFeedSettings).to.include({ enabled: true, secretSet: true, startDate: today });

    rx.setDown(true);
    const levels = ['VERY_SATISFIED', 'SATISFIED', 'BASIC', 'DISSATISFIED', 'VERY_DISSATISFIED', 'SATISFIED'];
    for (const level of levels)
      expect((await rate(new Client(app.url), app, 'PV01', level)).errors).to.equal(undefined);
    for (let i = 0; i < 3; i++) await pass(); // all refused: the receiver is down
    expect(rx.accepted()).to.have.length(0);
    expect(rx.got.length).to.be.at.least(levels.length);
    const during = await reconciled();
    expect(during.totals).to.include({ stored: 6, acknowledged: 0, pending: 6 });
    expect(during.failures[0].lastError).to.include('503');

    rx.setDown(false);
    for (let i = 0; i < 3; i++) await pass();
    const accepted = rx.accepted();
    const ids = (await RatingModel.find({ window: win }, { _id: 1 }).lean()).map((r) => String(r._id));
    expect(accepted.map((g) => g.recordId).sort()).to.deep.equal(ids.sort()); // each once, none twice
    expect(rx.got.every((g) => g.valid)).to.equal(true);
    expect(accepted[0]!.record).to.include({ channel: '二维码', rater: '匿名', windowCode: 'PV01' });
    expect(accepted[0]!.record.ratedAt).to.match(/^\d{8}T\d{6}$/);

    const after = await reconciled();
    expect(after.days[0].day).to.equal(today);
    expect(after.totals).to.deep.equal({
      stored: 6,
      acknowledged: 6,
      pending: 0,
      failed: 0,
      difference: 0,
    });
  });

  it('codes satisfaction the reverse way and renames fields when the province asks', async () => {
    const reversed = ['VERY_SATISFIED', 'SATISFIED', 'BASIC', 'DISSATISFIED', 'VERY_DISSATISFIED'].map((level, i) => ({
      level,
      code: String(5 - i),
    }));
    const res = await admin.gql(UPDATE, {
      input: {
        levelCodes: reversed,
        fields: [
          { field: 'satisfactionCode', name: 'myddm' },
          { field: 'itemName', name: '' },
        ],
      },
    });
    expect(res.errors).to.equal(undefined);
    expect((await rate(new Client(app.url), app, 'PV02', 'VERY_SATISFIED')).errors).to.equal(undefined);
    for (let i = 0; i < 2; i++) await pass();
    const last = rx.accepted().at(-1)!.record;
    expect(last).to.include({ myddm: '5', satisfaction: '非常满意', windowCode: 'PV02' });
    expect(last).to.not.have.any.keys('satisfactionCode', 'itemName');
  });

  it('exports the records of a date range as JSON and CSV in the province shape', async () => {
    const json = await fetch(`${app.url}/api/province-feed/records.json?from=${today}&to=${until}`, {
      headers: { cookie: manager.cookie! },
    });
    expect(json.status).to.equal(200);
    const { records } = (await json.json()) as { records: Array<Record<string, unknown>> };
    expect(records).to.have.length(7);
    expect(records.map((r) => r.myddm).sort()).to.deep.equal(['1', '2', '3', '4', '4', '5', '5']);
    const csv = await fetch(`${app.url}/api/province-feed/records.csv?from=${today}&to=${until}`, {
      headers: { cookie: manager.cookie! },
    });
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    expect(lines[0]).to.include('myddm').and.not.include('itemName');
    expect(lines).to.have.length(8);
    const bad = await fetch(`${app.url}/api/province-feed/records.csv?from=${today}&to=2000-01-01`, {
      headers: { cookie: manager.cookie!, 'accept-language': 'zh-CN' },
    });
    expect(bad.status).to.equal(400);
  });

  it('catches up what the push missed: a rating counted after its review', async () => {
    const id = await makeRating({ window: win, department: dept, level: 'BASIC', at: new Date(), suspect: true });
    expect(await OutboxModel.exists({ _id: `${PROVINCE_CHANNEL}:${id}` })).to.equal(null);
    await RatingModel.updateOne({ _id: id }, { $set: { suspect: false, counted: true } }); // reviewed as genuine
    expect((await reconciled()).totals.difference).to.equal(1);
    const RETRY = 'mutation($f: String!, $t: String!) { retryProvinceFeed(from: $f, to: $t) }';
    const retry = await admin.gql(RETRY, { f: today, t: until });
    expect(retry.data.retryProvinceFeed).to.equal(1);
    await pass();
    expect(rx.accepted().filter((g) => g.recordId === id)).to.have.length(1);
    expect((await reconciled()).totals).to.include({ stored: 8, acknowledged: 8, difference: 0 });
  });
});
