import mongoose from 'mongoose';
import { RateLimiterMongo, RateLimiterRes } from 'rate-limiter-flexible';
import { rollingCounter } from './counters.js';

// Limits are counted in MongoDB (rate-limiter-flexible) so every app instance shares them.
const registry: RateLimiterMongo[] = [];

export function createLimiter(name: string, points: number, durationSec: number) {
  const limiter = new RateLimiterMongo({
    storeClient: mongoose.connection,
    tableName: `ratelimit_${name}`,
    keyPrefix: name,
    points,
    duration: durationSec,
    // Indexes are built with the others by ensureIndexes(), not as a side effect of import.
    disableIndexesCreation: true,
  });
  registry.push(limiter);
  return limiter;
}

export async function ensureLimiterIndexes() {
  for (const limiter of registry) await limiter.createIndexes();
}

/**
 * A shared counter per key over a rolling window (no limit of its own): callers compare the count
 * with a threshold they may change at run time (from settings). Its documents are addressed by
 * `_id` only (lib/counters.ts), so a citizen's request costs the same whatever is stored.
 */
export function createCounter(name: string, durationSec: number) {
  const counter = rollingCounter(name, durationSec);
  return (key: string) => counter.hit(key);
}

/** Consumes a point; resolves to the seconds to wait when the limit is exhausted, else null. */
export async function consumeOrRetryAfter(limiter: RateLimiterMongo, key: string, points = 1) {
  try {
    await limiter.consume(key, points);
    return null;
  } catch (res) {
    if (res instanceof RateLimiterRes) return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    throw res; // a database error, not a rejection
  }
}

/** Seconds to wait if the key is already over its limit, without consuming anything. */
export async function retryAfterIfBlocked(limiter: RateLimiterMongo, key: string) {
  const res = await limiter.get(key);
  if (res && res.consumedPoints >= limiter.points) return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  return null;
}
