// Whether the connected database already holds the demo center this seed would load: the seed's
// version (a hash of its source) is stored beside the data once a seed has finished. `npm start`
// seeds only when it is missing or different, instead of upserting everything at every start.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import mongoose from 'mongoose';

const SEED_DIR = import.meta.dirname;
const MARK = { _id: 'demo-seed' };

/** Changes whenever any file of the seed changes (its data, its rules, its activity). */
export function seedVersion(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(SEED_DIR)
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    hash.update(`${file}\0`).update(readFileSync(path.join(SEED_DIR, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

// A collection of the seed's own, not a model: the app never reads it.
const marks = () => mongoose.connection.db!.collection<{ _id: string; version: string; at: Date }>('seed_marks');

/** The version of the seed the data came from, or null if it was never seeded to the end. */
export async function seededVersion(): Promise<string | null> {
  return (await marks().findOne(MARK))?.version ?? null;
}

/** Records that a seed of this version finished (written last, so a crash mid-seed reseeds). */
export async function markSeeded(version: string) {
  await marks().updateOne(MARK, { $set: { version, at: new Date() } }, { upsert: true });
}
