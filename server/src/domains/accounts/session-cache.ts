import mongoose, { Schema, model } from 'mongoose';
import type { SessionUser } from '../../graphql/context.js';

// Staff requests resolve their session cookie to an account on every request (two reads: the
// session, then its user). A few seconds of cache saves both, but a logout, a password change, a
// role change or a deactivation on one app instance must hold on every instance at once, not when
// the cache runs out. No instance is told (the local engine has no change streams to count on,
// and a single-node MongoDB has none either), so every cached answer is checked against one
// document, addressed by `_id`, whose number moves whenever a session ends or an account
// changes. That read is shared by every request that arrived before it was sent (see `epochNow`),
// so under load it costs about one round trip per moment, whatever the number of requests.

const epochSchema = new Schema({ _id: { type: String }, epoch: { type: Number, required: true } });
const SessionEpochModel = model('SessionEpoch', epochSchema, 'session_epochs');
const EPOCH_ID = 'sessions';

export interface ResolvedSession {
  sessionId: string;
  user: SessionUser;
  expiresAt: Date;
}

interface Entry {
  at: number;
  epoch: number;
  value: ResolvedSession;
}

// Per database (one process may serve several: tests), as lib/cache.ts.
const entries = new Map<string, Entry>();
const readers = new Map<string, { running: Promise<number> | null; queued: Promise<number> | null }>();
const MAX_ENTRIES = 10_000;
let ttlMs = 5000;

/** How long a resolved session may be reused while nothing changed (config SESSION_CACHE_SECONDS). */
export function setSessionCacheTtl(ms: number) {
  ttlMs = ms;
  entries.clear();
}

async function readEpoch() {
  const doc = await SessionEpochModel.findById(EPOCH_ID).lean<{ epoch: number }>();
  return doc?.epoch ?? 0;
}

/**
 * The epoch as stored after this call began: a read already on its way may have left before a
 * revocation that ended before this call, so it is not joined; the next read (sent once the
 * current one is back) is, together with everyone who arrives meanwhile.
 */
function epochNow(): Promise<number> {
  const db = mongoose.connection.name;
  let r = readers.get(db);
  if (!r) readers.set(db, (r = { running: null, queued: null }));
  const reader = r;
  if (!reader.running) {
    const running = readEpoch().finally(() => {
      if (reader.running === running) reader.running = null;
    });
    reader.running = running;
    return running;
  }
  reader.queued ??= reader.running
    .catch(() => undefined)
    .then(() => {
      reader.queued = null;
      return epochNow();
    });
  return reader.queued;
}

/**
 * The session `id` names, from the cache while the epoch has not moved, else from `load`. The
 * epoch is read before `load` runs, and writers move it after their change: an answer loaded
 * across a change is cached under the old epoch and never served again.
 */
export async function cachedSession(
  id: string,
  load: () => Promise<ResolvedSession | null>,
): Promise<ResolvedSession | null> {
  const epoch = await epochNow();
  const key = `${mongoose.connection.name}:${id}`;
  const hit = entries.get(key);
  const now = Date.now();
  if (hit && hit.epoch === epoch && now - hit.at < ttlMs && hit.value.expiresAt.getTime() > now) {
    return { ...hit.value, user: { ...hit.value.user } }; // a request may not change another's user
  }
  const value = await load();
  if (!value) {
    entries.delete(key); // unknown tokens are not remembered: nobody can fill the cache with them
    return null;
  }
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(key, { at: now, epoch, value });
  return value;
}

/** After ending sessions or changing an account: every instance's cached sessions are stale now. */
export async function sessionsChanged() {
  await SessionEpochModel.updateOne({ _id: EPOCH_ID }, { $inc: { epoch: 1 } }, { upsert: true });
}
