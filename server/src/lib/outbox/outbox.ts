import { randomBytes } from 'node:crypto';
import { trusted } from 'mongoose';
import { isDuplicateKey } from '../../db.js';
import type { Logger } from '../logger.js';
import { OutboxClaimModel, OutboxModel, type OutboxMessage } from './outbox.model.js';

// A generic outbox: domains enqueue events with a unique key; workers (in every app instance)
// claim due messages one attempt at a time and hand them to the channel's sender, retrying with
// exponential backoff until it succeeds or the attempts run out (FAILED, with the reason).

export interface Channel {
  /** Delivers one message; throws (with a message saying why) when it did not arrive. */
  send(message: OutboxMessage): Promise<void>;
  /** Attempts before a message is given up as FAILED. */
  maxAttempts?: number;
}

const channels = new Map<string, Channel>();

/** Makes a channel known to the workers of this process (e.g. at startup). */
export function registerChannel(name: string, channel: Channel) {
  channels.set(name, channel);
}

/** Queues an event on a channel; a second enqueue of the same event key changes nothing. */
export async function enqueue(channel: string, eventKey: string, payload: Record<string, unknown>) {
  const now = new Date();
  try {
    await OutboxModel.create({
      _id: `${channel}:${eventKey}`,
      channel,
      eventKey,
      payload,
      nextAttemptAt: now,
      createdAt: now,
    });
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

export interface WorkerOptions {
  /** First retry delay; each further one doubles, up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A claimed attempt not finished after this long (a crashed worker) is counted as failed. */
  leaseMs?: number;
  batch?: number;
}

const DEFAULTS: Required<WorkerOptions> = { baseDelayMs: 5000, maxDelayMs: 3_600_000, leaseMs: 60_000, batch: 20 };

export const backoff = (attempt: number, o: Required<WorkerOptions>) =>
  Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** Math.max(0, attempt - 1));

/** Claims attempt `m.attempts` of the message for this worker; false if another has it. */
async function claim(m: OutboxMessage, worker: string, o: Required<WorkerOptions>) {
  const id = `${m._id}#${m.attempts}`;
  try {
    await OutboxClaimModel.create({ _id: id, by: worker, at: new Date() });
    return true;
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    // A claim whose worker never finished (it crashed) ends that attempt, so the next can be claimed.
    const held = await OutboxClaimModel.findById(id).lean<{ at: Date }>();
    if (held && Date.now() - held.at.getTime() > o.leaseMs) await finish(m, false, '上次投递未完成（租约过期）', o);
    return false;
  }
}

/** Records how attempt `m.attempts` ended. Only its claimer (or a lease expiry) writes it, once. */
async function finish(m: OutboxMessage, ok: boolean, error: string, o: Required<WorkerOptions>) {
  const attempts = m.attempts + 1;
  const max = channels.get(m.channel)?.maxAttempts ?? 8;
  const set = ok
    ? { state: 'DELIVERED', attempts, deliveredAt: new Date(), lastError: '' }
    : {
        state: attempts >= max ? 'FAILED' : 'PENDING',
        attempts,
        lastError: error.slice(0, 500),
        nextAttemptAt: new Date(Date.now() + backoff(attempts, o)),
      };
  // Conditional on the attempt number: a late second write for the same attempt changes nothing.
  await OutboxModel.updateOne({ _id: m._id, attempts: m.attempts, state: 'PENDING' }, { $set: set });
}

/** One pass: claims and delivers what is due on the registered channels. Returns how many it tried. */
export async function deliverDue(worker: string, options: WorkerOptions = {}) {
  const o = { ...DEFAULTS, ...options };
  const due = await OutboxModel.find({
    state: 'PENDING',
    channel: trusted({ $in: [...channels.keys()] }),
    nextAttemptAt: trusted({ $lte: new Date() }),
  })
    .sort({ nextAttemptAt: 1 })
    .limit(o.batch)
    .lean<OutboxMessage[]>();
  let tried = 0;
  for (const m of due) {
    if (!(await claim(m, worker, o))) continue;
    tried++;
    try {
      await channels.get(m.channel)!.send(m);
      await finish(m, true, '', o);
    } catch (err) {
      await finish(m, false, (err as Error).message || String(err), o);
    }
  }
  return tried;
}

/** Polls for due messages until stopped. One per app instance; instances share the work safely. */
export function startOutboxWorker(logger: Logger, options: WorkerOptions & { pollMs?: number } = {}) {
  const worker = `${process.pid}-${randomBytes(4).toString('hex')}`;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = deliverDue(worker, options)
      .catch((err: unknown) => logger.warn({ err: (err as Error).message }, 'outbox pass failed; retrying'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, options.pollMs ?? 2000);
      });
  };
  timer = setTimeout(tick, 0);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
