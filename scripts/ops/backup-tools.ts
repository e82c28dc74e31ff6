// Runs mongodump and mongorestore (MongoDB's database tools, installed in the image's `backup`
// target) and checks a restore against its dump. The connection string goes to the tools in a
// private config file, never on the command line where `ps` would show the password.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import {
  compareCounts,
  countCollections,
  manifestPath,
  parseDumpLog,
  type Counts,
  type Manifest,
} from './backup-lib.js';

/** Runs a database tool with the URI in a 0600 config file; resolves to its log (stderr). */
async function runTool(tool: string, uri: string, args: string[]) {
  const dir = mkdtempSync(path.join(tmpdir(), 'wfp-tool-'));
  const config = path.join(dir, 'config.yaml');
  writeFileSync(config, `uri: ${JSON.stringify(uri)}\n`, { mode: 0o600 });
  try {
    return await new Promise<string>((resolve, reject) => {
      const child = spawn(tool, [`--config=${config}`, ...args], { stdio: ['ignore', 'inherit', 'pipe'] });
      let log = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        log += chunk;
        process.stderr.write(chunk);
      });
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve(log) : reject(new Error(`${tool} exited with ${code}`))));
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Dumps `db` into `archive` (gzip) and writes its manifest; a failed dump leaves no archive. */
export async function dumpDatabase(uri: string, db: string, archive: string): Promise<Manifest> {
  const partial = `${archive}.part`;
  try {
    const log = await runTool('mongodump', uri, [`--db=${db}`, `--archive=${partial}`, '--gzip']);
    const manifest: Manifest = { db, createdAt: new Date().toISOString(), counts: parseDumpLog(log, db) };
    if (!Object.keys(manifest.counts).length) throw new Error(`mongodump reported no collection of ${db}`);
    renameSync(partial, archive);
    writeFileSync(manifestPath(archive), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
}

/**
 * The count check: every collection of the dump is in `scratch` with exactly as many documents,
 * and nothing else is. Returns the problems (none: the restore is good).
 */
export async function checkRestoredCounts(conn: mongoose.Connection, scratch: string, expected: Counts) {
  const db = conn.useDb(scratch, { useCache: false }).db;
  if (!db) throw new Error('not connected');
  return compareCounts(expected, await countCollections(db));
}

/** Drops the scratch copy collection by collection (the backup user may not drop databases). */
async function dropScratch(conn: mongoose.Connection, scratch: string) {
  const db = conn.useDb(scratch, { useCache: false }).db;
  if (!db) return;
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) await db.dropCollection(name);
}

/** Restores `archive` into a scratch database, checks the counts against its manifest, cleans up. */
export async function restoreCheck(uri: string, archive: string, scratch = '') {
  const manifest = JSON.parse(readFileSync(manifestPath(archive), 'utf8')) as Manifest;
  const target = scratch || `${manifest.db}_restore_check`;
  if (target === manifest.db) throw new Error('the scratch database must not be the live one');
  const conn = await mongoose.createConnection(uri).asPromise();
  try {
    await dropScratch(conn, target);
    await runTool('mongorestore', uri, [
      `--archive=${archive}`,
      '--gzip',
      `--nsInclude=${manifest.db}.*`,
      `--nsFrom=${manifest.db}.*`,
      `--nsTo=${target}.*`,
      '--drop',
      '--stopOnError',
    ]);
    return { manifest, scratch: target, problems: await checkRestoredCounts(conn, target, manifest.counts) };
  } finally {
    await dropScratch(conn, target).catch(() => {});
    await conn.close();
  }
}
