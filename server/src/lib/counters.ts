import { Schema, model, trusted } from 'mongoose';
import { isDuplicateKey } from '../db.js';

// Rolling counters that cost the same whatever is stored: a count is kept in one small document
// per key and time slice, addressed by `_id` only (`name:key:slice`), and a window's count is the
// sum of its slices, read by `_id $in` (the local engine uses an index for nothing else). A
// slice that has left every window is never read again; the sweep (lib/sweep.ts) deletes it and
// the TTL index does the same on real MongoDB.
const counterSchema = new Schema({
  _id: { type: String },
  n: { type: Number, required: true },
  expiresAt: { type: Date, required: true },
});
counterSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
export const CounterModel = model('Counter', counterSchema, 'counters');

interface Batch {
  by: number;
  expiresAt: Date;
  waiters: { resolve: () => void; reject: (err: unknown) => void }[];
}

// Increments of one slice waiting while another is in flight: this process sends one `$inc` per
// slice at a time, with everything that queued meanwhile. `$inc` is atomic on MongoDB across
// instances; the local engine's is not under concurrency, and this keeps it exact there too.
const queued = new Map<string, Batch>();
const busy = new Set<string>();

async function incOnce(id: string, by: number, expiresAt: Date) {
  const update = { $inc: { n: by }, $setOnInsert: { expiresAt } };
  try {
    await CounterModel.updateOne({ _id: id }, update, { upsert: true });
  } catch (err) {
    // Two instances created the slice at once: it exists now, so the retry only increments.
    if (!isDuplicateKey(err)) throw err;
    await CounterModel.updateOne({ _id: id }, update, { upsert: true });
  }
}

async function flush(id: string) {
  busy.add(id);
  for (let batch = queued.get(id); batch; batch = queued.get(id)) {
    queued.delete(id);
    try {
      await incOnce(id, batch.by, batch.expiresAt);
      batch.waiters.forEach((w) => w.resolve());
    } catch (err) {
      batch.waiters.forEach((w) => w.reject(err));
    }
  }
  busy.delete(id);
}

function add(id: string, by: number, expiresAt: Date) {
  return new Promise<void>((resolve, reject) => {
    const batch = queued.get(id) ?? { by: 0, expiresAt, waiters: [] };
    batch.by += by;
    batch.waiters.push({ resolve, reject });
    queued.set(id, batch);
    if (!busy.has(id)) void flush(id);
  });
}

/** The `_id`s of the slices of `name:key` that cover the last `spanSec` up to `now`. */
function sliceIds(name: string, key: string, sliceSec: number, spanSec: number, now: number) {
  const last = Math.floor(now / 1000 / sliceSec);
  const count = Math.ceil(spanSec / sliceSec);
  return Array.from({ length: count + 1 }, (_, i) => `${name}:${key}:${last - count + i}`);
}

/** Sums of several counters over the same span, in one `_id $in` read. */
export async function sums(names: readonly string[], key: string, sliceSec: number, spanSec: number, now: number) {
  const ids = names.map((name) => sliceIds(name, key, sliceSec, spanSec, now));
  const docs = await CounterModel.find({ _id: trusted({ $in: ids.flat() }) }, { n: 1 }).lean<
    { _id: string; n: number }[]
  >();
  const byId = new Map(docs.map((d) => [d._id, d.n]));
  return ids.map((list) => list.reduce((sum, id) => sum + (byId.get(id) ?? 0), 0));
}

/**
 * A counter per key over a rolling window of `windowSec` (sliced in tenths, so the window is
 * between 9/10 and 10/10 of that long): `hit(key)` counts one and answers the count so far.
 */
export function rollingCounter(name: string, windowSec: number) {
  const sliceSec = Math.max(1, Math.ceil(windowSec / 10));
  return {
    async hit(key: string, now = Date.now()) {
      await countAt(name, key, sliceSec, now, windowSec);
      const [n] = await sums([name], key, sliceSec, windowSec - sliceSec, now);
      return n!;
    },
  };
}

/** Counts `by` in the slice of `name:key` that holds `now`, kept for `keepSec` after it ends. */
export function countAt(name: string, key: string, sliceSec: number, now: number, keepSec: number, by = 1) {
  const slice = Math.floor(now / 1000 / sliceSec);
  return add(`${name}:${key}:${slice}`, by, new Date((slice + 1) * sliceSec * 1000 + keepSec * 1000));
}

/** Deletes slices no window reads any more (the local engine never applies TTL). */
export async function sweepCounters(now = new Date()) {
  await CounterModel.deleteMany({ expiresAt: trusted({ $lt: now }) });
}
