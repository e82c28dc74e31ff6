import { Schema, model, trusted } from 'mongoose';
import { isDuplicateKey } from '../../db.js';

// Password guesses (logins, password changes) are counted as numbered slots, one document each:
// an attempt may go ahead only once it has inserted the next free slot of its key. An insert of
// an existing _id fails atomically on every engine, so of 40 simultaneous guesses exactly as
// many go ahead as there are slots (a counter raised with $inc is not atomic on the local
// stand-in). A key gets `free` slots per window; after them each further slot opens only after a
// delay twice the last (1, 2, 4 … minutes) since the previous one, until the window ends: the
// progressive delay OWASP recommends rather than a hard lock.

const attemptSchema = new Schema({
  _id: { type: String }, // key|window|slot number
  at: { type: Date, required: true },
  /** The TTL index only cleans up; the window is part of the id, so old slots count for nothing. */
  expiresAt: { type: Date, required: true },
});
attemptSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
const AttemptModel = model('LoginAttempt', attemptSchema, 'login_attempts');

export interface AttemptRule {
  free: number;
  windowMs: number;
}

/** Delayed slots after the free ones; past them the key waits for the next window. */
const DELAYED_SLOTS = 8;
const delayMs = (extra: number) => 60_000 * 2 ** (extra - 1);
const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

const windowOf = (rule: AttemptRule, now: number) => {
  const index = Math.floor(now / rule.windowMs);
  return { index, end: (index + 1) * rule.windowMs };
};
const slotId = (key: string, window: number, n: number) => `${key}|${window}|${String(n).padStart(4, '0')}`;
const slotsOf = (key: string, window: number) => ({ $gte: `${key}|${window}|`, $lt: `${key}|${window}}` });

/** Takes the next slot of a key: resolves to the slot's id, or to the seconds to wait. */
export async function takeAttempt(
  key: string,
  rule: AttemptRule,
  now = Date.now(),
): Promise<{ id: string } | { wait: number }> {
  const w = windowOf(rule, now);
  // Start after the slots already taken; racing attempts each win a different slot.
  const taken = await AttemptModel.countDocuments({ _id: trusted(slotsOf(key, w.index)) });
  for (let n = taken + 1; n <= rule.free + DELAYED_SLOTS; n++) {
    if (n > rule.free) {
      const previous = await AttemptModel.findById(slotId(key, w.index, n - 1)).lean();
      const openAt = previous ? previous.at.getTime() + delayMs(n - rule.free) : 0;
      if (openAt > now) return { wait: seconds(Math.min(openAt, w.end) - now) };
    }
    try {
      const id = slotId(key, w.index, n);
      await AttemptModel.create({ _id: id, at: new Date(now), expiresAt: new Date(w.end) });
      return { id };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }
  return { wait: seconds(w.end - now) };
}

/** Gives slots back: attempts that turned out right, or never went ahead. */
export async function releaseAttempts(ids: string[]) {
  if (ids.length) await AttemptModel.deleteMany({ _id: trusted({ $in: ids }) });
}

/** Forgets a key's failures of the current window (after a right password). */
export async function resetAttempts(key: string, rule: AttemptRule, now = Date.now()) {
  await AttemptModel.deleteMany({ _id: trusted(slotsOf(key, windowOf(rule, now).index)) });
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
