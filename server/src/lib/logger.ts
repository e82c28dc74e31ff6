import { pino, type DestinationStream, type Logger } from 'pino';

// One JSON line per event; `npm run dev` pipes it through pino-pretty for humans. Tests pass a
// destination to read what was logged.
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: ['req.headers.cookie', 'res.headers["set-cookie"]', '*.password'], remove: true },
    },
    destination,
  );
}

export type { Logger };

/** The request id lib/request-log.ts gave the request. */
export const requestIdOf = (req: { id?: unknown }) => (typeof req.id === 'string' ? req.id : '');
