import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { ConfigError, loadConfig } from '../../server/src/config.js';
import { sdl } from '../../scripts/print-schema.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';

describe('platform', () => {
  describe('configuration', () => {
    it('names each bad variable', () => {
      try {
        loadConfig({ MONGODB_URI: 'postgres://x', PORT: 'eighty', NODE_ENV: 'production', LOG_LEVEL: 'loud' });
        expect.fail('loadConfig accepted a broken environment');
      } catch (err) {
        expect(err).to.be.instanceOf(ConfigError);
        const text = (err as ConfigError).problems.join('\n');
        for (const name of ['MONGODB_URI', 'PORT', 'LOG_LEVEL', 'SESSION_SECRET', 'PUBLIC_BASE_URL']) {
          expect(text).to.include(name);
        }
      }
    });

    it('fills sensible defaults for development', () => {
      const c = loadConfig({ MONGODB_URI: 'mongodb://localhost/wfp' });
      expect(c).to.include({
        env: 'development',
        port: 3000,
        publicBaseUrl: 'http://localhost:3000',
        secureCookies: false,
      });
    });

    it('turns on secure cookies behind an https origin', () => {
      const c = loadConfig({
        MONGODB_URI: 'mongodb://db/wfp',
        NODE_ENV: 'production',
        SESSION_SECRET: 'pR7vK2mQ9xL4wT8nB3cY6hJ1dF5gZ0sA',
        PUBLIC_BASE_URL: 'https://hall.example.gov.cn/',
      });
      expect(c).to.include({ isProduction: true, secureCookies: true, publicBaseUrl: 'https://hall.example.gov.cn' });
    });
  });

  it('has a committed schema.graphql that matches the code (run `npm run schema` if not)', () => {
    expect(readFileSync('schema.graphql', 'utf8')).to.equal(sdl());
  });

  describe('HTTP edges', () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp();
    });
    after(() => app.close());

    it('answers /healthz and /readyz, with a request id and security headers', async () => {
      const health = await fetch(`${app.url}/healthz`);
      expect(health.status).to.equal(200);
      expect(health.headers.get('x-request-id')).to.match(/^[\w-]{8,}$/);
      expect(health.headers.get('content-security-policy')).to.include("default-src 'self'");
      expect(health.headers.get('x-content-type-options')).to.equal('nosniff');
      const ready = await fetch(`${app.url}/readyz`);
      expect(ready.status).to.equal(200);
      expect(await ready.json()).to.deep.equal({ status: 'ready' });
    });

    it('refuses an oversized body with 413', async () => {
      const res = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wfp-csrf': '1' },
        body: JSON.stringify({ query: `{ me { id } }`, variables: { pad: 'x'.repeat(200_000) } }),
      });
      expect(res.status).to.equal(413);
      const body = (await res.json()) as { errors: Array<{ extensions: { code: string } }> };
      expect(body.errors[0]!.extensions.code).to.equal('PAYLOAD_TOO_LARGE');
    });

    it('refuses over-deep and over-aliased queries with QUERY_TOO_COMPLEX', async () => {
      const c = new Client(app.url);
      const deep = `{ me { department { id } } ${'a: me { id } '.repeat(1)} }`;
      expect((await c.gql(deep)).errors).to.equal(undefined);
      const aliases = `{ ${Array.from({ length: 20 }, (_, i) => `m${i}: me { id }`).join(' ')} }`;
      expect(await c.code(aliases)).to.equal('QUERY_TOO_COMPLEX');
      let nested = 'id';
      for (let i = 0; i < 12; i++) nested = `department { ${nested} }`;
      const res = await c.gql(`{ me { ${nested} } }`);
      expect(res.errors?.[0]?.extensions?.code).to.be.oneOf(['QUERY_TOO_COMPLEX', 'GRAPHQL_VALIDATION_FAILED']);
    });

    it('passes coded errors through (masking of unexpected ones: masking.test.ts)', async () => {
      const c = new Client(app.url);
      const res = await c.gql('{ window(id: "000000000000000000000000") { id } }');
      expect(res.errors?.[0]?.extensions?.code).to.equal('UNAUTHENTICATED');
      expect(res.errors?.[0]?.message).to.equal('请先登录');
    });
  });
});
