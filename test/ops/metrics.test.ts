// /metrics: answered on its own port to the internal network, refused to everyone else, and
// never on the public port, whatever X-Forwarded-For says.
import { request } from 'node:http';
import { expect } from 'chai';
import { registerQueueDepth, startMetricsServer } from '../../server/src/lib/metrics.js';
import { createLogger } from '../../server/src/lib/logger.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

/** A GET from a chosen local address: 127.0.0.2 stands for a machine outside the allow-list. */
function getFrom(localAddress: string, port: number, path = '/metrics') {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, localAddress }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The value of one sample line, e.g. `wfp_http_requests_total{method="GET",route="/healthz",status="200"}`. */
function sample(text: string, series: string) {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('ops: /metrics for Prometheus', () => {
  let app: TestApp;
  let metrics: { port: number; close(): Promise<void> };
  before(async () => {
    app = await startTestApp();
    metrics = await startMetricsServer(
      { port: 0, host: '127.0.0.1', allow: ['127.0.0.1/32'] },
      createLogger(app.config.logLevel),
    );
  });
  after(async () => {
    await metrics.close();
    await app.close();
  });

  it('answers a peer inside the allow-list with request counts, latencies and database state', async () => {
    const series = 'wfp_http_requests_total{method="GET",route="/healthz",status="200"}';
    const before = sample((await getFrom('127.0.0.1', metrics.port)).body, series);
    for (let i = 0; i < 3; i++) expect((await fetch(`${app.url}/healthz`)).status).to.equal(200);
    const res = await getFrom('127.0.0.1', metrics.port);
    expect(res.status).to.equal(200);
    expect(sample(res.body, series)).to.equal(before + 3);
    expect(res.body).to.include('wfp_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/healthz"}');
    expect(sample(res.body, 'wfp_db_connected')).to.equal(1);
    expect(res.body).to.include('# TYPE wfp_db_errors_total counter');
    expect(res.body).to.include('process_cpu_seconds_total');
  });

  it('reads the depth of every registered queue or outbox at scrape time', async () => {
    let waiting = 7;
    registerQueueDepth('test_outbox', () => waiting);
    expect(sample((await getFrom('127.0.0.1', metrics.port)).body, 'wfp_queue_depth{queue="test_outbox"}')).to.equal(7);
    waiting = 2;
    expect(sample((await getFrom('127.0.0.1', metrics.port)).body, 'wfp_queue_depth{queue="test_outbox"}')).to.equal(2);
  });

  it('refuses a peer outside the allow-list', async () => {
    const res = await getFrom('127.0.0.2', metrics.port);
    expect(res.status).to.equal(403);
    expect(res.body).not.to.include('wfp_');
  });

  it('is not on the public port, even for a request claiming an inside address', async () => {
    for (const headers of [{}, { 'x-forwarded-for': '127.0.0.1' }] as Record<string, string>[]) {
      const res = await fetch(`${app.url}/metrics`, { headers });
      expect(res.status).to.equal(404);
      expect(await res.text()).not.to.include('wfp_http_requests_total');
    }
  });
});
