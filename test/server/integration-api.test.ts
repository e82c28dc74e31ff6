import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { ApiKeyModel } from '../../server/src/domains/integration/api-key.model.js';
import { registerRatingWebhooks } from '../../server/src/domains/integration/rating-webhook.service.js';
import { RatingModel } from '../../server/src/domains/ratings/rating.model.js';
import { issueCaseTicket } from '../../server/src/domains/ratings/ticket.service.js';
import { ServedCaseModel } from '../../server/src/domains/served-cases/served-case.model.js';
import { ServiceItemModel } from '../../server/src/domains/service-items/service-item.model.js';
import { sha256 } from '../../server/src/lib/crypto.js';
import { deliverDue } from '../../server/src/lib/outbox/outbox.js';
import { OutboxModel } from '../../server/src/lib/outbox/outbox.model.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { makeDepartment, makeStaff, makeWindow, staffClient } from '../helpers/fixtures.js';
import { SUBMIT } from '../helpers/rating.js';

// The integration API (issue 16 item 3): a queue or case system reports cases with an API key,
// scoped and revocable; the case is then rated once; new ratings go out as signed webhooks.
const SECRET = 'rating-hook-secret-0123456789';
const CREATE = `mutation($name: String!, $scopes: [ApiScope!]!) {
  createApiKey(name: $name, scopes: $scopes) { secret key { id name prefix scopes revokedAt } } }`;

/** A real receiver: down (503) for the first `outage` deliveries of each event; checks signatures. */
function receiver(outage: number) {
  const got: Array<{ status: number; eventId: string; valid: boolean; body: any }> = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(req.headers['x-wfp-signature'] ?? '')) ?? [];
      const valid = !!t && createHmac('sha256', SECRET).update(`${t}.${raw}`).digest('hex') === v1;
      const eventId = String(req.headers['x-wfp-event-id']);
      const status = got.filter((g) => g.eventId === eventId).length < outage ? 503 : 200;
      got.push({ status, eventId, valid, body: JSON.parse(raw) });
      res.writeHead(status).end();
    });
  });
  return { got, server, listening: new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r())) };
}

describe('integration API: API keys, cases reported by the queue system, rating webhooks', () => {
  let app: TestApp;
  let admin: Client;
  let writer: string;
  let reader: string;
  const rx = receiver(2);

  const api = (key: string | null, path: string, init: { method?: string; body?: unknown; lang?: string } = {}) =>
    fetch(`${app.url}/api/integration/v1${path}`, {
      method: init.method ?? 'GET',
      headers: {
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(init.lang ? { 'accept-language': init.lang } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }).then(async (r) => ({ status: r.status, body: await r.json() }));
  const report = (key: string, body: Record<string, unknown>, lang?: string) =>
    api(key, '/cases', { method: 'POST', body, lang });

  before(async () => {
    app = await startTestApp();
    await rx.listening;
    const dept = await makeDepartment('ITG', '行政审批局');
    await makeWindow('IT01', dept);
    await makeWindow('IT02', dept);
    await makeStaff('ITG07', dept, '李明');
    await ServiceItemModel.create({
      code: 'ITG-LIC-1',
      name: '营业执照',
      department: dept,
      category: 'LICENSING',
      legalDays: 20,
      promisedDays: 5,
    });
    admin = await staffClient(app.url, 'ADMIN');
    writer = (await admin.gql(CREATE, { name: '叫号系统', scopes: ['CASES_WRITE'] })).data.createApiKey.secret;
    reader = (await admin.gql(CREATE, { name: '数据仓库', scopes: ['RATINGS_READ'] })).data.createApiKey.secret;
  });
  after(async () => {
    rx.server.close();
    await app.close();
  });

  it('shows a key once, stores only its hash, and lets only admins manage keys', async () => {
    expect(writer).to.match(/^wfp_[\w-]{40,}$/);
    expect(await ApiKeyModel.findById(sha256(writer)).lean()).to.include({
      name: '叫号系统',
      prefix: writer.slice(0, 10),
    });
    expect(JSON.stringify(await ApiKeyModel.find().lean())).to.not.include(writer);
    const listed = (await admin.gql('{ apiKeys { id name scopes prefix } }')).data.apiKeys;
    expect(listed.map((k: { name: string }) => k.name).sort()).to.deep.equal(['叫号系统', '数据仓库']);
    expect(JSON.stringify(listed)).to.not.include(writer);
    const manager = await staffClient(app.url, 'MANAGER');
    expect(await manager.code('{ apiKeys { id } }')).to.equal('FORBIDDEN');
  });

  it('refuses a request without a key or with a key lacking the scope, and stores nothing', async () => {
    const body = { caseNumber: 'ITG-2026-0001', windowCode: 'IT01', event: 'completed' };
    const none = await api(null, '/cases', { method: 'POST', body });
    expect(none.status).to.equal(401);
    expect(none.body.error.code).to.equal('API_KEY_INVALID');
    const scoped = await report(reader, body);
    expect(scoped.status).to.equal(403);
    expect(scoped.body.error).to.include({ code: 'API_SCOPE_MISSING', message: '该 API 密钥缺少权限 cases:write' });
    expect((await api(writer, '/ratings')).status).to.equal(403);
    expect(await ServedCaseModel.findById('ITG-2026-0001').lean()).to.equal(null);
  });

  it('answers bad input with coded field errors in the request’s language and stores nothing', async () => {
    const bad = await report(writer, { caseNumber: '??', windowCode: 'NOPE1', event: 'opened' });
    expect(bad.status).to.equal(400);
    expect(bad.body.error.code).to.equal('VALIDATION_FAILED');
    const paths = bad.body.error.fields.map((f: { path: string }) => f.path).sort();
    expect(paths).to.deep.equal(['caseNumber', 'event']);
    const unknown = await report(
      writer,
      { caseNumber: 'ITG-2026-0002', windowCode: 'ZZ99', staffNo: 'NOBODY', event: 'served' },
      'en',
    );
    expect(unknown.status).to.equal(400);
    expect(unknown.body.error.fields).to.deep.equal([
      { path: 'windowCode', message: 'no such window' },
      { path: 'staffNo', message: 'no such staff member' },
    ]);
    const zh = await report(writer, { caseNumber: 'ITG-2026-0002', windowCode: 'ZZ99', event: 'served' });
    expect(zh.body.error.fields[0].message).to.equal('窗口不存在');
    const notJson = await fetch(`${app.url}/api/integration/v1/cases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${writer}`, 'content-type': 'application/json' },
      body: '{"caseNumber":',
    });
    expect(notJson.status).to.equal(400);
    expect(await ServedCaseModel.countDocuments()).to.equal(0);
  });

  it('records a case once (idempotent), refuses it at another window, and lets it be rated once', async () => {
    const body = {
      caseNumber: 'itg-2026-0100',
      windowCode: 'IT01',
      staffNo: 'itg07',
      serviceItemCode: 'ITG-LIC-1',
      event: 'completed',
    };
    const first = await report(writer, body);
    expect(first.status).to.equal(201);
    expect(first.body).to.include({ caseNumber: 'ITG-2026-0100', state: 'COMPLETED', created: true, rated: false });
    const again = await report(writer, body);
    expect(again.status).to.equal(200);
    expect(again.body).to.include({ caseNumber: 'ITG-2026-0100', state: 'COMPLETED', created: false });
    const elsewhere = await report(writer, { ...body, windowCode: 'IT02' });
    expect(elsewhere.status).to.equal(409);
    expect(elsewhere.body.error.code).to.equal('CASE_WINDOW_CONFLICT');
    expect(await ServedCaseModel.countDocuments()).to.equal(1);
    expect((await ServedCaseModel.findById('ITG-2026-0100').lean())!.reportedBy).to.equal(sha256(writer));

    // The window's device (or its rotating QR) asks for a ticket for the case, and it is rated once.
    const { ticket } = await issueCaseTicket('ITG-2026-0100', 'HALL_TABLET');
    const rated = await new Client(app.url).gql(SUBMIT, {
      input: { ticket, level: 'VERY_SATISFIED', clientKey: randomUUID() },
    });
    expect(rated.errors).to.equal(undefined);
    const state = await api(writer, '/cases/ITG-2026-0100');
    expect(state.body).to.include({ state: 'COMPLETED', rated: true, windowCode: 'IT01' });
    expect((await issueCaseTicket('ITG-2026-0100', 'QR').catch((e) => e)).extensions.code).to.equal(
      'CASE_ALREADY_RATED',
    );
    const stored = await RatingModel.find({ servedCase: 'ITG-2026-0100' }).lean();
    expect(stored).to.have.length(1);
    expect((await api(writer, '/cases/ITG-2026-9999')).status).to.equal(404);
  });

  it('serves ratings to a ratings:read key by cursor, without personal data', async () => {
    const page = await api(reader, '/ratings?limit=1');
    expect(page.status).to.equal(200);
    expect(page.body.items).to.have.length(1);
    const r = page.body.items[0];
    expect(r).to.include({
      windowCode: 'IT01',
      staffNo: 'ITG07',
      serviceItemCode: 'ITG-LIC-1',
      channel: 'HALL_TABLET',
    });
    expect(r).to.not.have.any.keys('callbackPhone', 'ipHash', 'clientKey');
    const after = await api(reader, `/ratings?since=${page.body.next}`);
    expect(after.body.items).to.deep.equal([]);
    expect((await api(reader, '/ratings?limit=9999')).status).to.equal(400);
  });

  it('refuses a revoked key', async () => {
    const made = (await admin.gql(CREATE, { name: '临时', scopes: ['CASES_WRITE', 'RATINGS_READ'] })).data.createApiKey;
    expect((await api(made.secret, '/ratings')).status).to.equal(200);
    const revoked = await admin.gql('mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', { id: made.key.id });
    expect(revoked.data.revokeApiKey.revokedAt).to.be.a('string');
    const refused = await report(made.secret, { caseNumber: 'ITG-2026-0200', windowCode: 'IT01', event: 'served' });
    expect(refused.status).to.equal(401);
    expect(refused.body.error.code).to.equal('API_KEY_INVALID');
    expect(await ServedCaseModel.findById('ITG-2026-0200').lean()).to.equal(null);
  });

  it('delivers a new rating to the webhook, signed, exactly once across a receiver outage', async () => {
    const port = (rx.server.address() as AddressInfo).port;
    const added = await admin.gql(
      'mutation($u: String!, $s: String!) { addRatingWebhook(url: $u, secret: $s) { id } }',
      {
        u: `http://127.0.0.1:${port}/ratings`,
        s: SECRET,
      },
    );
    expect(added.errors).to.equal(undefined);
    expect(JSON.stringify((await admin.gql('{ ratingWebhooks { id url active } }')).data)).to.not.include(SECRET);
    await registerRatingWebhooks();
    await report(writer, { caseNumber: 'ITG-2026-0300', windowCode: 'IT01', event: 'completed' });
    const { ticket } = await issueCaseTicket('ITG-2026-0300', 'HALL_TABLET');
    const clientKey = randomUUID();
    const input = { ticket, level: 'DISSATISFIED', clientKey, callbackPhone: '13800138000' };
    expect((await new Client(app.url).gql(SUBMIT, { input })).errors).to.equal(undefined);
    const rating = (await RatingModel.findOne({ clientKey }).lean())!;
    const id = String(rating._id);
    // Two workers (two app instances) race until it is delivered.
    for (let i = 0; i < 10; i++) {
      await Promise.all([deliverDue('worker-a', { baseDelayMs: 0 }), deliverDue('worker-b', { baseDelayMs: 0 })]);
      const m = await OutboxModel.findOne({ eventKey: id }).lean();
      if (m?.state === 'DELIVERED') break;
    }
    const forIt = rx.got.filter((g) => g.eventId === id);
    expect(forIt.map((g) => g.status)).to.deep.equal([503, 503, 200]);
    expect(forIt.every((g) => g.valid)).to.equal(true);
    expect(forIt[2]!.body).to.deep.include({ id, type: 'rating.created' });
    expect(forIt[2]!.body.data).to.include({ caseNumber: 'ITG-2026-0300', level: 'DISSATISFIED', windowCode: 'IT01' });
    expect(JSON.stringify(forIt[2]!.body)).to.not.include('13800138000');
    await Promise.all([deliverDue('worker-a', { baseDelayMs: 0 }), deliverDue('worker-b', { baseDelayMs: 0 })]);
    expect(rx.got.filter((g) => g.eventId === id)).to.have.length(3);
  });
});
