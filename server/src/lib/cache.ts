import mongoose from 'mongoose';

/**
 * A short-lived per-process cache of reads that many requests share (settings, the holiday
 * calendar, public figures). Keys are per database, since one process may serve several (tests).
 * A failed load is never cached.
 */
export function ttlCache<T>(ms: number) {
  const entries = new Map<string, { at: number; value: Promise<T> }>();
  return {
    get(key: string, load: () => Promise<T>): Promise<T> {
      const k = `${mongoose.connection.name}:${key}`;
      const hit = entries.get(k);
      if (hit && Date.now() - hit.at < ms) return hit.value;
      const value = load();
      value.catch(() => entries.delete(k));
      entries.set(k, { at: Date.now(), value });
      return value;
    },
    clear() {
      entries.clear();
    },
  };
}
