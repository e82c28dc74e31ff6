import { Schema, model, trusted } from 'mongoose';
import { isDuplicateKey } from '../../db.js';

// Password guesses (logins, password changes) are counted as numbered slots, one document each:
// an attempt may go ahead only once it has inserted the next free slot of its key. An insert of
// an existing _id fails atomically on every engine, so of 40 simultaneous guesses exactly as
// many go ahead as there are slots (a counter raised with $inc is not atomic on the local
// stand-in). Slots are numbered per fixed window, but the count slides: the previous window's
// slots still count in proportion to how much of it the last `windowMs` overlaps, so failures
// just before a window turns do not start afresh just after it. A key gets `free` slots; after
// them each further slot opens only after a delay twice the last (1, 2, 4 … minutes, at most one
// window) since the previous attempt: the progressive delay OWASP recommends, not a hard lock.

const attemptSchema = new Schema({
  _id: { type: String }, // key|window|slot number
  at: { type: Date, required: true },
  /** Read until the window after its own ends; the TTL index (and the sweep) only clean up. */
  expiresAt: { type: Date, required: true },
});
attemptSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
const AttemptModel = model('LoginAttempt', attemptSchema, 'login_attempts');

export interface AttemptRule {
  free: number;
  windowMs: number;
}

/** Delayed slots after the free ones; past them the key waits for older slots to slide out. */
const DELAYED_SLOTS = 8;
const delayMs = (rule: AttemptRule, extra: number) => Math.min(60_000 * 2 ** (extra - 1), rule.windowMs);
const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

const windowOf = (rule: AttemptRule, now: number) => {
  const index = Math.floor(now / rule.windowMs);
  return { index, end: (index + 1) * rule.windowMs };
};
const slotId = (key: string, window: number, n: number) => `${key}|${window}|${String(n).padStart(4, '0')}`;
const slotsOf = (key: string, window: number) => ({ $gte: `${key}|${window}|`, $lt: `${key}|${window}}` });
/** A key's slots of one window (a few at most), oldest first; by `_id` range only. */
const slotsIn = (key: string, window: number) =>
  AttemptModel.find({ _id: trusted(slotsOf(key, window)) })
    .sort({ _id: 1 })
    .lean();

/** Takes the next slot of a key: resolves to the slot's id, or to the seconds to wait. */
export async function takeAttempt(
  key: string,
  rule: AttemptRule,
  now = Date.now(),
): Promise<{ id: string } | { wait: number }> {
  const w = windowOf(rule, now);
  const [current, before] = await Promise.all([slotsIn(key, w.index), slotsIn(key, w.index - 1)]);
  // The previous window's share of the sliding window that ends now.
  const carried = Math.round((before.length * (w.end - now)) / rule.windowMs);
  const last = rule.free + DELAYED_SLOTS;
  // Start after the slots already taken; racing attempts each win a different slot.
  for (let n = current.length + 1; n + carried <= last; n++) {
    const counted = n + carried;
    if (counted > rule.free) {
      const previous = n > 1 ? await AttemptModel.findById(slotId(key, w.index, n - 1)).lean() : before.at(-1);
      const openAt = previous ? previous.at.getTime() + delayMs(rule, counted - rule.free) : 0;
      if (openAt > now) return { wait: seconds(openAt - now) };
    }
    try {
      const id = slotId(key, w.index, n);
      await AttemptModel.create({ _id: id, at: new Date(now), expiresAt: new Date(w.end + rule.windowMs) });
      return { id };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }
  // Every slot is counted: wait until the previous window's share leaves one (or the window turns).
  const share = last - current.length - 1;
  const opensAt = share < 0 || !before.length ? w.end : w.end - ((share + 0.5) * rule.windowMs) / before.length;
  return { wait: seconds(opensAt - now) };
}

/** Gives slots back: attempts that turned out right, or never went ahead. */
export async function releaseAttempts(ids: string[]) {
  if (ids.length) await AttemptModel.deleteMany({ _id: trusted({ $in: ids }) });
}

/** Forgets a key's failures, of both windows the count reads (after a right password). */
export async function resetAttempts(key: string, rule: AttemptRule, now = Date.now()) {
  const { index } = windowOf(rule, now);
  await Promise.all([index - 1, index].map((w) => AttemptModel.deleteMany({ _id: trusted(slotsOf(key, w)) })));
}

/** Deletes slots no count reads any more (the local engine never applies TTL). */
export async function sweepAttempts(now = new Date()) {
  await AttemptModel.deleteMany({ expiresAt: trusted({ $lt: now }) });
}

/**
 * Takes one slot of each key in turn, or none: resolves to the slots taken, or to the seconds
 * to wait for the first key that has none left.
 */
export async function takeAttempts(keys: Array<[string, AttemptRule]>): Promise<{ ids: string[] } | { wait: number }> {
  const ids: string[] = [];
  for (const [key, rule] of keys) {
    const slot = await takeAttempt(key, rule);
    if ('wait' in slot) {
      await releaseAttempts(ids);
      return { wait: slot.wait };
    }
    ids.push(slot.id);
  }
  return { ids };
}
