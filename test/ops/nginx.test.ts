// The shipped nginx config in front of the real app: a client-written X-Forwarded-For changes
// nothing (per-address limits still bite, the app sees the real peer), text is compressed and
// hashed assets are cached for a year.
import { once } from 'node:events';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { expect } from 'chai';
import mongoose from 'mongoose';
import { keyedHash } from '../../server/src/lib/crypto.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { startNginx, type Nginx } from './nginx.js';

const LOOKUP =
  'query ($code: String!, $contact: String!) { complaintStatus(trackingCode: $code, contact: $contact) { state } }';
const LOOKUP_LIMIT = 30; // complaint-tracking.service.ts: 30 lookups per address per 10 minutes

/** The TRUST_PROXY the compose file ships, so the test runs the deployment's own setting. */
function shippedTrustProxy() {
  const value = /TRUST_PROXY:\s*'?([^'\n]+)'?/.exec(readFileSync('docker-compose.yml', 'utf8'))?.[1];
  if (!value) throw new Error('docker-compose.yml sets no TRUST_PROXY');
  return value;
}

/** `count` lookups, each claiming another client address; the codes of the errors, in order. */
async function lookups(baseUrl: string, count: number) {
  const client = new Client(baseUrl);
  const codes: string[] = [];
  for (let i = 0; i < count; i++) {
    const forged = { 'x-forwarded-for': `198.51.100.${i + 1}, 10.0.0.${i + 1}` };
    const res = await client.gql(LOOKUP, { code: 'TS-NOPE', contact: '0000' }, forged);
    codes.push(String(res.errors?.[0]?.extensions?.code ?? 'ok'));
  }
  return codes;
}

const limiterKeys = () =>
  mongoose.connection
    .collection('ratelimit_complaint_lookup')
    .find({}, { projection: { key: 1 } })
    .toArray()
    .then((docs) => docs.map((d) => String(d.key)));

const clearLimiter = () => mongoose.connection.collection('ratelimit_complaint_lookup').deleteMany({});

describe('ops: nginx (deploy/nginx.conf) in front of the app', () => {
  let app: TestApp;
  let nginx: Nginx;
  before(async () => {
    app = await startTestApp({ web: true, env: { TRUST_PROXY: shippedTrustProxy() } });
    const upstream = app.url.replace('http://', '');
    nginx = await startNginx([upstream, upstream]);
  });
  after(async () => {
    await nginx?.close();
    await app?.close();
  });
  beforeEach(clearLimiter);

  it('replaces a client-written X-Forwarded-For with the peer address', async () => {
    const echo: Server = createServer((req, res) => res.end(JSON.stringify(req.headers)));
    echo.listen(0, '127.0.0.1');
    await once(echo, 'listening');
    const target = `127.0.0.1:${(echo.address() as { port: number }).port}`;
    const proxy = await startNginx([target, target]);
    try {
      const res = await fetch(`${proxy.url}/x`, { headers: { 'x-forwarded-for': '203.0.113.7, 10.1.1.1' } });
      const seen = (await res.json()) as Record<string, string>;
      expect(seen['x-forwarded-for']).to.equal('127.0.0.1');
      expect(seen['x-request-id']).to.match(/^[0-9a-f]{32}$/);
    } finally {
      await proxy.close();
      echo.close();
    }
  });

  it('keeps the per-address limit biting while the client rotates X-Forwarded-For', async () => {
    const codes = await lookups(nginx.url, LOOKUP_LIMIT + 1);
    expect(codes.slice(0, LOOKUP_LIMIT)).to.deep.equal(Array(LOOKUP_LIMIT).fill('ok'));
    expect(codes[LOOKUP_LIMIT]).to.equal('RATE_LIMITED');
    // Every lookup was counted against one address, the real peer's.
    const peer = keyedHash(app.config.secret, 'ip', '127.0.0.1');
    expect(await limiterKeys()).to.deep.equal([`complaint_lookup:${peer}`]);
  });

  it('positive control: the same forged header sent straight to a trusting app does spread the count', async () => {
    const codes = await lookups(app.url, LOOKUP_LIMIT + 1);
    expect(codes).to.deep.equal(Array(LOOKUP_LIMIT + 1).fill('ok'));
    expect(await limiterKeys()).to.have.length(LOOKUP_LIMIT + 1);
  });

  it('does not pass /metrics through, whatever address the client claims', async () => {
    const res = await fetch(`${nginx.url}/metrics`, { headers: { 'x-forwarded-for': '127.0.0.1' } });
    expect(res.status).to.equal(404);
    expect(await res.text()).not.to.include('wfp_http_requests_total');
  });

  it('compresses JSON and caches hashed assets for a year, compressed', async () => {
    const gql = await fetch(`${nginx.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip', 'x-wfp-csrf': '1' },
      body: JSON.stringify({ query: '{ __schema { types { name description } } }' }),
    });
    expect(gql.status).to.equal(200);
    expect(gql.headers.get('content-encoding')).to.equal('gzip');

    const dir = 'web/dist/assets';
    const js = readdirSync(dir)
      .filter((f) => f.endsWith('.js'))
      .sort((a, b) => statSync(path.join(dir, b)).size - statSync(path.join(dir, a)).size)[0];
    const asset = await fetch(`${nginx.url}/assets/${js}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.status).to.equal(200);
    expect(asset.headers.get('content-encoding')).to.equal('gzip');
    expect(asset.headers.get('cache-control')).to.equal('public, max-age=31536000, immutable');
  });
});
