import { pino, type Logger } from 'pino';

// One JSON line per event; `npm run dev` pipes it through pino-pretty for humans.
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: { paths: ['req.headers.cookie', 'res.headers["set-cookie"]', '*.password'], remove: true },
  });
}

export type { Logger };

/** The request id lib/request-log.ts gave the request. */
export const requestIdOf = (req: { id?: unknown }) => (typeof req.id === 'string' ? req.id : '');
