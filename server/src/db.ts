import mongoose from 'mongoose';
import { ensureLimiterIndexes } from './lib/rate-limit.js';

// Queries with unknown fields throw instead of silently matching everything, and filters built
// from user input cannot smuggle operators such as {$ne: null} or {$where: ...}.
mongoose.set('strictQuery', 'throw');
mongoose.set('sanitizeFilter', true);
// While disconnected, queued operations give up after 3 s (→ 503) rather than the default 10 s.
mongoose.set('bufferTimeoutMS', 3000);

export interface ConnectOptions {
  dbName?: string;
  /** Build indexes on model compile. Off in production: `ensureIndexes` is an explicit step. */
  autoIndex?: boolean;
}

export async function connectDb(uri: string, opts: ConnectOptions = {}) {
  await mongoose.connect(uri, {
    dbName: opts.dbName,
    autoIndex: opts.autoIndex ?? false,
    // Collections come into being with their indexes (migrate) or their first write, not in a
    // burst of createCollection calls racing the index build at connect.
    autoCreate: false,
    // Fail fast while the database is away, so requests get a 503 instead of hanging; the driver
    // keeps reconnecting in the background and the service recovers by itself.
    serverSelectionTimeoutMS: 5000,
    heartbeatFrequencyMS: 2000,
  });
  return mongoose.connection;
}

export async function disconnectDb() {
  await mongoose.disconnect();
}

/**
 * Creates the indexes of every registered model and rate limiter (import the schema first so all
 * models are registered). Run by `migrate()` (`npm run db:migrate`, `npm start`, the Docker image, the tests).
 */
export async function ensureIndexes() {
  for (const model of Object.values(mongoose.connection.models)) {
    await model.createIndexes();
  }
  await ensureLimiterIndexes();
}

/** True when the database answers a ping within the timeout. */
export async function pingDb(timeoutMs = 1500): Promise<{ ok: true } | { ok: false; reason: string }> {
  const db = mongoose.connection.db;
  if (!db || mongoose.connection.readyState !== mongoose.ConnectionStates.connected) {
    return { ok: false, reason: `database ${mongoose.STATES[mongoose.connection.readyState]}` };
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.admin().command({ ping: 1 }),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

const UNAVAILABLE_ERRORS = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
]);

/** Whether an error means "the database is unreachable" (→ 503) rather than a bug. */
export function isDbUnavailable(err: unknown): boolean {
  let e = err as { name?: string; message?: string; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 5; depth++) {
    if (e.name && UNAVAILABLE_ERRORS.has(e.name)) return true;
    // Mongoose's own buffering timeout ("Operation `x.find()` buffering timed out").
    if (e.name === 'MongooseError' && e.message?.includes('buffering timed out')) return true;
    e = e.cause as typeof e;
  }
  return false;
}

export function isDuplicateKey(err: unknown): err is { code: 11000; keyPattern?: Record<string, unknown> } {
  return (err as { code?: number }).code === 11000;
}
