import { expect } from 'chai';
import { auditServer } from 'graphql-http';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { makeDepartment, makeStaff, staffClient } from '../helpers/fixtures.js';

// CORS is off (or limited to CORS_ORIGINS), and the CSRF header is asked only of the requests a
// browser may send cross-origin without a preflight (yoga's useCSRFPrevention rule), so standard
// GraphQL clients work with a plain JSON POST. The browser's side: test/e2e/cross-origin.test.ts.
const ME = JSON.stringify({ query: '{ me { username } }' });
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==',
  'base64',
);

describe('security: CORS and cross-site request forgery', function () {
  this.timeout(60_000);
  let app: TestApp;
  let admin: Client;

  before(async () => {
    app = await startTestApp();
    admin = await staffClient(app.url, 'ADMIN');
  });
  after(() => app.close());

  const post = (type: string | null, headers: Record<string, string> = {}, body: BodyInit = ME) =>
    fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { ...(type ? { 'content-type': type } : {}), cookie: admin.cookie!, ...headers },
      body,
    });
  const codeOf = async (res: Response) =>
    ((await res.json()) as { errors?: Array<{ extensions?: { code?: string } }> }).errors?.[0]?.extensions?.code;

  it('answers a plain JSON POST without the custom header, as curl, Postman or Apollo send it', async () => {
    for (const type of ['application/json', 'application/json; charset=utf-8', 'application/graphql+json']) {
      const res = await post(type);
      expect(res.status, type).to.equal(200);
      expect(((await res.json()) as { data: { me: unknown } }).data.me, type).to.not.equal(null);
    }
  });

  it('refuses what a foreign page can send unasked (simple content types, GET) without the header', async () => {
    const simple = ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', null];
    for (const type of simple) {
      const res = await post(type);
      expect(res.status, String(type)).to.equal(403);
      expect(await codeOf(res), String(type)).to.equal('CSRF_HEADER_MISSING');
    }
    const form = new FormData();
    form.set('query', '{ me { username } }');
    expect(await codeOf(await post(null, {}, form))).to.equal('CSRF_HEADER_MISSING');
    const get = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ me { username } }')}`, {
      headers: { cookie: admin.cookie! },
    });
    expect(await codeOf(get)).to.equal('CSRF_HEADER_MISSING');
    // The control: with the header, a simple request is answered.
    expect((await post('text/plain', { 'x-wfp-csrf': '1' })).status).to.not.equal(403);
  });

  it('grants no preflight and no CORS read access to any origin by default', async () => {
    const preflight = await fetch(`${app.url}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:1',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-wfp-csrf',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).to.equal(null);
    expect(preflight.headers.get('access-control-allow-credentials')).to.equal(null);
    const res = await post('application/json', { origin: 'http://127.0.0.1:1' });
    expect(res.headers.get('access-control-allow-origin')).to.equal(null);
  });

  it('grants CORS to the configured origins only', async () => {
    const allowed = 'https://portal.example.cn';
    const sibling = await app.sibling({ CORS_ORIGINS: `${allowed},https://other.example.cn` });
    const preflight = (origin: string) =>
      fetch(`${sibling.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const ok = await preflight(allowed);
    expect(ok.headers.get('access-control-allow-origin')).to.equal(allowed);
    expect(ok.headers.get('access-control-allow-credentials')).to.equal('true');
    const foreign = await preflight('https://evil.example.cn');
    expect(foreign.headers.get('access-control-allow-origin')).to.equal(null);
    await sibling.close();
  });

  it('holds one body limit for every content type', async () => {
    const big = JSON.stringify({ query: '{ me { username } }', variables: { pad: 'x'.repeat(200_000) } });
    for (const type of ['application/json', 'application/graphql+json', 'application/graphql', 'text/plain']) {
      const res = await post(type, { 'x-wfp-csrf': '1' }, big);
      expect(res.status, type).to.equal(413);
      expect(await codeOf(res), type).to.equal('PAYLOAD_TOO_LARGE');
    }
    // Just under the limit, the same request is answered.
    const fits = JSON.stringify({ query: '{ me { username } }', variables: { pad: 'x'.repeat(90_000) } });
    expect((await post('application/graphql+json', {}, fits)).status).to.equal(200);
  });

  it('refuses uploads and imports from another origin, even with the header, and takes its own', async () => {
    const staff = await makeStaff('GSJ01', await makeDepartment('GSJ'), '张三');
    const put = (headers: Record<string, string>) =>
      fetch(`${app.url}/api/staff/${staff}/photo`, {
        method: 'PUT',
        headers: { cookie: admin.cookie!, 'x-wfp-csrf': '1', 'content-type': 'image/png', ...headers },
        body: PNG,
      });
    const foreign: Array<Record<string, string>> = [
      { origin: 'http://127.0.0.1:1' },
      { origin: 'null' },
      { 'sec-fetch-site': 'same-site' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of foreign) {
      const res = await put(headers);
      expect(res.status, JSON.stringify(headers)).to.equal(403);
      expect(await codeOf(res)).to.equal('CROSS_SITE_REQUEST');
    }
    const imported = await fetch(`${app.url}/api/cases/import`, {
      method: 'POST',
      headers: { cookie: admin.cookie!, 'x-wfp-csrf': '1', 'content-type': 'text/csv', origin: 'http://evil.test' },
      body: 'department,item\n',
    });
    expect(await codeOf(imported)).to.equal('CROSS_SITE_REQUEST');
    // Its own pages, and clients that are not browsers (no Origin, no Sec-Fetch-Site), upload.
    expect((await put({ origin: app.url, 'sec-fetch-site': 'same-origin' })).status).to.equal(200);
    expect((await put({})).status).to.equal(200);
  });

  it('asks the header of simple uploads only: a typed upload needs none', async () => {
    const upload = (type: string | null, headers: Record<string, string> = {}) =>
      fetch(`${app.url}/api/complaints/photos`, {
        method: 'POST',
        headers: { ...(type ? { 'content-type': type } : {}), ...headers },
        body: PNG,
      });
    expect((await upload('image/png')).status).to.equal(201);
    expect(await codeOf(await upload('text/plain'))).to.equal('CSRF_HEADER_MISSING');
    expect(await codeOf(await upload(null))).to.equal('CSRF_HEADER_MISSING');
    expect((await upload(null, { 'x-wfp-csrf': '1' })).status).to.equal(201);
  });

  it('passes every MUST of the GraphQL-over-HTTP audit (graphql-http) without the custom header', async () => {
    const results = await auditServer({ url: `${app.url}/graphql` });
    const failedMusts = results
      .filter((r) => r.status !== 'ok' && r.name.startsWith('MUST'))
      .map((r) => `${r.id} ${r.name}: ${'reason' in r ? r.reason : ''}`);
    expect(failedMusts).to.deep.equal([]);
    expect(results.filter((r) => r.name.startsWith('MUST')).length).to.be.greaterThan(10);
  });
});
