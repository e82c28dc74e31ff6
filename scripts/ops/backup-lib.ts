// The parts of the backup service that decide things: when to run, what an archive holds, which
// archives to delete and whether a restore matches its dump. The tools (mongodump, mongorestore)
// are run by backup.ts; everything here is tested against the local database.
import { readdirSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import type mongoose from 'mongoose';

export type Counts = Record<string, number>;

export interface Manifest {
  db: string;
  createdAt: string;
  /** Documents per collection, as mongodump reported writing them into the archive. */
  counts: Counts;
}

// Backups run on Beijing time (UTC+8 all year: China has no daylight saving).
const BEIJING_MS = 8 * 3600_000;

/** The next instant at `at` ("HH:MM", Beijing time) strictly after `now`. */
export function nextRun(now: Date, at: string) {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(at);
  if (!match) throw new Error(`BACKUP_AT: "${at}" is not HH:MM`);
  const local = new Date(now.getTime() + BEIJING_MS);
  local.setUTCHours(Number(match[1]), Number(match[2]), 0, 0);
  let next = local.getTime() - BEIJING_MS;
  if (next <= now.getTime()) next += 86_400_000;
  return new Date(next);
}

/** `wfp-2026-11-26T0230.archive.gz`: sorts by time, in Beijing time as operators read it. */
export function archiveName(db: string, at: Date) {
  const stamp = new Date(at.getTime() + BEIJING_MS).toISOString().slice(0, 16).replace(':', '');
  return `${db}-${stamp}.archive.gz`;
}

export const manifestPath = (archive: string) => `${archive}.counts.json`;

/** Documents per collection of `db` from mongodump's log ("done dumping wfp.ratings (12 documents)"). */
export function parseDumpLog(log: string, db: string): Counts {
  const counts: Counts = {};
  const line = /done dumping ([^\s.]+)\.(\S+) \((\d+) documents?\)/g;
  for (const [, dbName, collection, n] of log.matchAll(line)) {
    if (dbName === db && collection) counts[collection] = Number(n);
  }
  return counts;
}

/** Every collection of the database with its exact document count. */
export async function countCollections(db: mongoose.mongo.Db): Promise<Counts> {
  const counts: Counts = {};
  const collections = await db.listCollections({}, { nameOnly: true }).toArray();
  for (const { name } of collections) {
    if (name.startsWith('system.')) continue;
    counts[name] = await db.collection(name).countDocuments({});
  }
  return counts;
}

/** What differs between the dump's counts and the restored database's, one line per problem. */
export function compareCounts(expected: Counts, actual: Counts) {
  const problems: string[] = [];
  if (!Object.keys(expected).length) problems.push('the manifest lists no collection');
  for (const [name, n] of Object.entries(expected)) {
    if (!(name in actual)) problems.push(`${name}: missing after restore (dumped ${n})`);
    else if (actual[name] !== n) problems.push(`${name}: ${actual[name]} restored, ${n} dumped`);
  }
  for (const name of Object.keys(actual)) {
    if (!(name in expected)) problems.push(`${name}: restored but not in the manifest`);
  }
  return problems;
}

/** Deletes archives (and their manifests) of `db` older than `keepDays`; returns the names. */
export function pruneArchives(dir: string, db: string, keepDays: number, now = new Date()) {
  const cutoff = now.getTime() - keepDays * 86_400_000;
  const archive = new RegExp(`^${db}-\\d{4}-\\d{2}-\\d{2}T\\d{4}\\.archive\\.gz$`);
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (!archive.test(name) || statSync(file).mtimeMs >= cutoff) continue;
    unlinkSync(file);
    try {
      unlinkSync(manifestPath(file));
    } catch {
      // an archive whose manifest was never written (the dump failed half way) has none
    }
    removed.push(name);
  }
  return removed.sort();
}
