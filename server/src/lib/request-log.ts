import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from './logger.js';

declare module 'http' {
  interface IncomingMessage {
    /** The request's id: the proxy's X-Request-Id when well-formed, else a new one. */
    id: string;
    /** A logger that names the request id; made on first use. */
    log: Logger;
  }
}

const REQUEST_ID = /^[\w.-]{1,64}$/;
const QUIET = new Set(['/healthz', '/readyz']);

/**
 * Request ids and request logs that cost nothing when their level is off: the per-request child
 * logger is made only when something logs through `req.log` (errors, mostly), and the one short
 * line per request (no headers: no cookies or user agents in the logs) only at `info`, or at
 * `error` for a 5xx answer. At the production level (`warn`) a request does no logging work.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const given = req.headers['x-request-id'];
    const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', id);
    req.id = id;
    let child: Logger | undefined;
    Object.defineProperty(req, 'log', { get: () => (child ??= logger.child({ reqId: id })), configurable: true });
    if (QUIET.has(req.path)) return next();
    const start = performance.now();
    res.once('finish', () => {
      const level = res.statusCode >= 500 ? 'error' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      const responseTime = Math.round(performance.now() - start);
      req.log[level](
        { req: { method: req.method, url: req.originalUrl }, res: { statusCode: res.statusCode }, responseTime },
        'request completed',
      );
    });
    next();
  };
}
