// Cheaper requests: pages and assets go out compressed with long cache headers for hashed files,
// and request logging does no work at a level that is off, while keeping request ids and errors.
import { readFileSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { Writable } from 'node:stream';
import { expect } from 'chai';
import express from 'express';
import { pino } from 'pino';
import { requestLog } from '../../server/src/lib/request-log.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

describe('cheaper requests', () => {
  describe('compression and caching', () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp({ web: true });
    });
    after(() => app.close());

    it('sends the rating page script brotli- or gzip-compressed as built, cached for a year', async () => {
      const html = await (await fetch(`${app.url}/r/A01`)).text();
      const script = /src="(\/assets\/citizen-[^"]+\.js)"/.exec(html)?.[1];
      expect(script, 'the citizen entry script').to.be.a('string');
      const onDisk = readFileSync(`web/dist${script}`, 'utf8');
      for (const encoding of ['br', 'gzip']) {
        const res = await fetch(`${app.url}${script}`, { headers: { 'accept-encoding': encoding } });
        expect(res.headers.get('content-encoding')).to.equal(encoding);
        expect(res.headers.get('cache-control')).to.include('immutable').and.include('max-age=31536000');
        expect(await res.text()).to.equal(onDisk); // fetch decodes: the same bytes arrive
        // Compressed at build time at the highest level (vite.config.ts), sent as built.
        const built = statSync(`web/dist${script}.${encoding === 'br' ? 'br' : 'gz'}`).size;
        expect(Number(res.headers.get('content-length')), `${encoding} as built`).to.equal(built);
      }
      // Positive control: a client that asks for no encoding gets the plain file.
      const plain = await fetch(`${app.url}${script}`, { headers: { 'accept-encoding': 'identity' } });
      expect(plain.headers.get('content-encoding')).to.equal(null);
      expect(Number(plain.headers.get('content-length'))).to.equal(Buffer.byteLength(onDisk));
    });

    it('never compresses a live stream (SSE), which must arrive event by event', async () => {
      const res = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream',
          'accept-encoding': 'gzip, br',
          'x-wfp-csrf': '1',
        },
        body: JSON.stringify({ query: 'subscription { alertRaised { rule } }' }),
      });
      expect(res.headers.get('content-type')).to.include('text/event-stream');
      // yoga marks its streams `none`; the app's own filter keeps them plain as well.
      expect(res.headers.get('content-encoding')).to.be.oneOf([null, 'none', 'identity']);
      await res.body?.cancel();
    });
  });

  describe('request logging', () => {
    /** An app with the request log into memory, a route that works and one that fails. */
    async function host(level: string) {
      const lines: Array<Record<string, unknown>> = [];
      const sink = new Writable({
        write(chunk: Buffer, _enc, done) {
          lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
          done();
        },
      });
      const logger = pino({ level }, sink);
      const made = { children: 0 };
      const child = logger.child.bind(logger);
      logger.child = ((...args: Parameters<typeof child>) => (made.children++, child(...args))) as typeof child;
      const web = express();
      web.use(requestLog(logger));
      web.get('/ok', (_req, res) => void res.send('ok'));
      web.get('/boom', (_req, res) => void res.status(500).send('no'));
      const server: Server = await new Promise((resolve) => {
        const s = web.listen(0, '127.0.0.1', () => resolve(s));
      });
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      const close = () => new Promise((resolve) => server.close(resolve));
      return { url, lines, made, close };
    }
    const headers = { cookie: 'wfp_session=secret', 'x-request-id': 'req-42' };

    it('at warn: no line and no child logger for a good request, an error line for a 5xx', async () => {
      const h = await host('warn');
      try {
        for (let i = 0; i < 3; i++) expect((await fetch(`${h.url}/ok`, { headers })).status).to.equal(200);
        expect(h.lines).to.deep.equal([]);
        expect(h.made.children).to.equal(0);
        const res = await fetch(`${h.url}/boom`, { headers });
        expect(res.headers.get('x-request-id')).to.equal('req-42');
        await new Promise((r) => setImmediate(r)); // the line is written on 'finish'
        expect(h.lines).to.have.length(1);
        expect(h.lines[0]).to.include({ reqId: 'req-42', msg: 'request completed' });
        expect(h.lines[0]!.res).to.deep.equal({ statusCode: 500 });
      } finally {
        await h.close();
      }
    });

    it('at info: one short line per request, with its id and without headers', async () => {
      const h = await host('info');
      try {
        await fetch(`${h.url}/ok`, { headers });
        await new Promise((r) => setImmediate(r));
        expect(h.lines).to.have.length(1);
        expect(h.lines[0]).to.include({ reqId: 'req-42', level: 30 });
        expect(h.lines[0]!.req).to.deep.equal({ method: 'GET', url: '/ok' });
        expect(JSON.stringify(h.lines)).to.not.include('secret');
      } finally {
        await h.close();
      }
    });
  });
});
