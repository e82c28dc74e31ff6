import { trusted } from 'mongoose';
import { Repeater } from 'graphql-yoga';
import type { Logger } from '../../lib/logger.js';
import { AlertModel, type Alert } from './alert.model.js';

// Live alerts reach the dashboards of every app instance through MongoDB: while anyone here is
// subscribed, this process polls for alerts created since its last look (by any instance) and
// hands them to its subscribers. One poll per process, however many dashboards are open.

const POLL_MS = 1000;
/** Look back a little further than the last poll, for clock skew between instances. */
const OVERLAP_MS = 5000;

type Listener = (alert: Alert) => void;
const listeners = new Set<Listener>();
const seen = new Map<string, number>();
let timer: NodeJS.Timeout | null = null;
let cursor = new Date();
let log: Logger | null = null;

async function poll() {
  try {
    const fresh = await AlertModel.find({ createdAt: trusted({ $gt: new Date(cursor.getTime() - OVERLAP_MS) }) })
      .sort({ createdAt: 1 })
      .limit(500)
      .lean<Alert[]>();
    const now = Date.now();
    for (const alert of fresh) {
      const id = String(alert._id);
      if (seen.has(id)) continue;
      seen.set(id, now);
      if (alert.createdAt > cursor) cursor = alert.createdAt;
      for (const l of listeners) l(alert);
    }
    for (const [id, at] of seen) if (now - at > 4 * OVERLAP_MS) seen.delete(id);
  } catch (err) {
    log?.warn({ err: (err as Error).message }, 'alert poll failed; retrying');
  }
  if (listeners.size) timer = setTimeout(() => void poll(), POLL_MS);
  else timer = null;
}

/** Alerts raised from now on that pass `accept` (e.g. the viewer's department), as they come. */
export function alertStream(accept: (a: Alert) => boolean, logger: Logger) {
  log = logger;
  return new Repeater<Alert>(async (push, stop) => {
    // Only what is raised from now on (give or take the clock skew): older alerts are listed by
    // the `alerts` query when the dashboard opens.
    const since = Date.now() - OVERLAP_MS / 2;
    const listener: Listener = (a) => {
      if (a.createdAt.getTime() >= since && accept(a)) void push(a);
    };
    if (!listeners.size && !timer) {
      cursor = new Date();
      timer = setTimeout(() => void poll(), POLL_MS);
    }
    listeners.add(listener);
    await stop;
    listeners.delete(listener);
  });
}
