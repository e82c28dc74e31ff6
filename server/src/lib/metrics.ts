import { createServer, type IncomingMessage, type Server } from 'node:http';
import { BlockList, isIPv4 } from 'node:net';
import type { RequestHandler } from 'express';
import mongoose from 'mongoose';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Config } from '../config.js';
import type { Logger } from './logger.js';

// Prometheus metrics. They are served on a port of their own, never through the public port:
// behind nginx every request arrives from nginx's (internal) address, so an address check on
// the public port would let the whole internet in. The metrics port is not published by the
// compose file, and answers only peers in METRICS_ALLOW, judged by the socket's address
// (never X-Forwarded-For).

export const registry = new Registry();
collectDefaultMetrics({ register: registry });

const requests = new Counter({
  name: 'wfp_http_requests_total',
  help: 'HTTP requests answered, by method, route and status',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [registry],
});

const latency = new Histogram({
  name: 'wfp_http_request_duration_seconds',
  help: 'Time to answer an HTTP request (live event streams excluded)',
  labelNames: ['method', 'route'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

const dbErrors = new Counter({
  name: 'wfp_db_errors_total',
  help: 'Database trouble seen by this instance: connection errors, disconnects, failed heartbeats and checkouts',
  labelNames: ['kind'] as const,
  registers: [registry],
});

new Gauge({
  name: 'wfp_db_connected',
  help: '1 while this instance is connected to MongoDB',
  registers: [registry],
  collect() {
    this.set(mongoose.connection.readyState === mongoose.ConnectionStates.connected ? 1 : 0);
  },
});

/** Deadlines computed into a year the holiday calendar does not know (weekends only there). */
export const deadlinesBeyondCalendar = new Counter({
  name: 'wfp_deadlines_beyond_calendar_total',
  help: 'Working-day deadlines that fell in a year without holidays in the calendar: import or enter that year',
  registers: [registry],
});

// Queues and outboxes register how to measure their depth; each is read at scrape time.
const depthSources = new Map<string, () => number | Promise<number>>();

new Gauge({
  name: 'wfp_queue_depth',
  help: 'Items waiting in a queue or outbox, by queue',
  labelNames: ['queue'] as const,
  registers: [registry],
  async collect() {
    this.reset();
    for (const [queue, measure] of depthSources) this.set({ queue }, await measure());
  },
});

/** Adds a queue or outbox to `wfp_queue_depth`; `measure` runs at each scrape (keep it cheap). */
export function registerQueueDepth(queue: string, measure: () => number | Promise<number>) {
  depthSources.set(queue, measure);
}

/** A low-cardinality route label: the matched route pattern, never the raw URL. */
function routeOf(req: Parameters<RequestHandler>[0]) {
  // Express routes are declared here with string paths.
  const route = req.route as { path?: string } | undefined;
  if (route?.path) return `${req.baseUrl}${route.path}`;
  if (req.baseUrl) return req.baseUrl;
  return req.method === 'GET' || req.method === 'HEAD' ? 'static' : 'unmatched';
}

export const metricsMiddleware: RequestHandler = (req, res, next) => {
  const end = latency.startTimer();
  res.once('finish', () => {
    const labels = { method: req.method, route: routeOf(req) };
    requests.inc({ ...labels, status: String(res.statusCode) });
    if (!String(res.getHeader('content-type') ?? '').startsWith('text/event-stream')) end(labels);
  });
  next();
};

/** Counts the driver's trouble on the default connection (mongoose re-creates no listeners). */
function watchDb() {
  const watched = new WeakSet<object>();
  const conn = mongoose.connection;
  conn.on('error', () => dbErrors.inc({ kind: 'error' }));
  conn.on('disconnected', () => dbErrors.inc({ kind: 'disconnected' }));
  conn.on('connected', () => {
    const client = conn.getClient();
    if (watched.has(client)) return;
    watched.add(client);
    client.on('serverHeartbeatFailed', () => dbErrors.inc({ kind: 'heartbeat_failed' }));
    client.on('connectionCheckOutFailed', () => dbErrors.inc({ kind: 'checkout_failed' }));
  });
}
watchDb();

function allowList(entries: string[]) {
  const list = new BlockList();
  for (const entry of entries) {
    const [ip = '', prefix] = entry.split('/');
    const family = isIPv4(ip) ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(ip, family);
    else list.addSubnet(ip, Number(prefix), family);
  }
  return list;
}

/** The peer as the socket sees it; an IPv4 client on a dual-stack socket is `::ffff:a.b.c.d`. */
function peerOf(req: IncomingMessage) {
  const raw = req.socket.remoteAddress ?? '';
  const v4 = raw.startsWith('::ffff:') ? raw.slice(7) : raw;
  return isIPv4(v4) ? { ip: v4, family: 'ipv4' as const } : { ip: raw, family: 'ipv6' as const };
}

/** The metrics listener: GET /metrics for allowed peers, 403 for everyone else. */
export async function startMetricsServer(metrics: Config['metrics'], logger: Logger) {
  const allow = allowList(metrics.allow);
  const server: Server = createServer((req, res) => {
    const peer = peerOf(req);
    if (!allow.check(peer.ip, peer.family)) {
      logger.warn({ peer: peer.ip }, 'metrics refused to a peer outside METRICS_ALLOW');
      res.writeHead(403, { 'content-type': 'text/plain' }).end('forbidden\n');
      return;
    }
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
      (err: unknown) => {
        logger.error({ err }, 'metrics collection failed');
        res.writeHead(500).end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(metrics.port ?? 0, metrics.host, () => resolve());
  });
  const { port } = server.address() as { port: number };
  logger.info({ port }, 'metrics listening');
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
