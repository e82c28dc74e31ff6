// The figures measured over HTTP against the production server: the trivial request, the citizen
// flow with good and bad ratings on an empty database and with many stored ratings and tickets,
// the rating page's bytes on the wire, and the same flow on the local engine with delayed writes
// (what durability costs).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { startLocalDb, type LocalDb } from '../db.js';
import { adminClient, liftAbuseLimits, setUpCenter, startProduction, type ProductionServer } from './app.js';
import { bulkLoad, storedCounts } from './bulk.js';
import { ratingPageBytes, type WireBytes } from './wire.js';
import { runWrk, type WrkMode, type WrkOptions, type WrkResult } from './wrk.js';

export interface HttpSettings {
  seconds: number;
  connections: number;
  windows: number;
  stored: number;
}

export interface HttpFigures {
  engine: string;
  trivial: WrkResult;
  empty: { good: WrkResult; bad: WrkResult };
  /** Counted after the bulk load and again after the runs (the server's sweep runs meanwhile). */
  stored: {
    ratings: number;
    tickets: number;
    ticketUses: number;
    after: { ratings: number; tickets: number; ticketUses: number };
    good: WrkResult;
    bad: WrkResult;
  };
  wire: WireBytes;
  /** The good flow on the stand-in with H2's delayed writes; null on an external MongoDB. */
  delayed: WrkResult | null;
}

interface Center {
  db: LocalDb;
  uri: string;
  server: ProductionServer;
  windows: Array<[string, string]>;
  stop(): Promise<void>;
}

/** A database (the stand-in on an H2 file, or MONGODB_URI), the server on it, a center in it. */
async function openCenter(s: HttpSettings, durability: 'sync' | 'delayed', log: (m: string) => void): Promise<Center> {
  const dir = mkdtempSync(path.join(tmpdir(), 'wfp-bench-'));
  const external = durability === 'sync' && process.env.MONGODB_URI;
  const db = await startLocalDb({ engine: external ? undefined : 'standin', dataDir: dir, durability, log });
  const url = new URL(db.uri);
  url.pathname = `/bench_${randomBytes(4).toString('hex')}`;
  const uri = url.toString();
  const server = await startProduction(uri);
  const staff = await adminClient(uri, server.base);
  const windows = await setUpCenter(staff, s.windows);
  await liftAbuseLimits(staff);
  log(`${db.engine}: production server at ${server.base}, ${windows.length} windows`);
  return {
    db,
    uri,
    server,
    windows,
    async stop() {
      await drain(server.base, windows[0]![0], log);
      await server.stop();
      if (external) {
        const conn = await mongoose.createConnection(uri).asPromise();
        await conn.dropDatabase();
        await conn.close();
      }
      await db.stop(); // a stand-in takes its H2 file with it
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * wrk stops at its deadline, but the server goes on with the requests it had taken (seconds of
 * work when each one scans a big collection). The next run must not pay for them: wait until a
 * citizen's page load (a database read) is answered quickly again.
 */
async function drain(base: string, code: string, log: (m: string) => void) {
  const started = Date.now();
  const body = JSON.stringify({
    query: 'query($c: String!) { publicWindow(code: $c) { code } }',
    variables: { c: code },
  });
  const headers = { 'content-type': 'application/json', 'x-wfp-csrf': '1' };
  while (Date.now() - started < 300_000) {
    const t = Date.now();
    await fetch(`${base}/graphql`, { method: 'POST', headers, body });
    if (Date.now() - t < 500) break;
  }
  const waited = (Date.now() - started) / 1000;
  if (waited > 2) log(`(waited ${waited.toFixed(0)} s for the server to finish the run's requests)`);
}

function runner(c: Center, s: HttpSettings, log: (m: string) => void) {
  const opts: WrkOptions = { seconds: s.seconds, connections: s.connections, windows: c.windows };
  return async (label: string, mode: WrkMode) => {
    const r = await runWrk(c.server.base, mode, opts);
    log(
      `${label}: ${r.rate.toFixed(1)}/s, p50 ${r.p50Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms, errors ${r.errors} (load ${loadavg()[0]!.toFixed(1)})`,
    );
    await drain(c.server.base, c.windows[0]![0], log);
    return r;
  };
}

/** Three seconds of each kind first: JIT, connection pools and caches warm on both sides. */
async function warmUp(c: Center, s: HttpSettings) {
  for (const mode of ['trivial', 'good'] as const) {
    await runWrk(c.server.base, mode, { seconds: 3, connections: s.connections, windows: c.windows });
  }
  await drain(c.server.base, c.windows[0]![0], () => {});
}

export async function measureHttp(s: HttpSettings, log: (m: string) => void): Promise<HttpFigures> {
  const c = await openCenter(s, 'sync', log);
  let figures: Omit<HttpFigures, 'delayed'>;
  try {
    const run = runner(c, s, log);
    await warmUp(c, s);
    const trivial = await run('{ __typename }', 'trivial');
    const empty = {
      good: await run('flow, good ratings, empty database', 'good'),
      bad: await run('flow, bad ratings, empty database', 'bad'),
    };
    const [code, sig] = c.windows[0]!;
    const wire = await ratingPageBytes(`${c.server.base}/r/${code}?s=${sig}`);
    log(`rating page, cold: ${(wire.total / 1024).toFixed(1)} KB in ${wire.requests} responses`);
    log(`bulk-loading ${s.stored} ratings and tickets into MongoDB...`);
    const counts = await bulkLoad(
      c.uri,
      c.windows.map(([w]) => w),
      s.stored,
    );
    log(`stored: ${counts.ratings} ratings, ${counts.tickets} tickets (${counts.ticketUses} spent)`);
    // The same warm-up as on the empty database: the bulk load wrote 200,000 documents through
    // another connection, and the first seconds after it measured that, not the stored history.
    await warmUp(c, s);
    const good = await run(`flow, good ratings, ${counts.ratings} stored`, 'good');
    const bad = await run(`flow, bad ratings, ${counts.ratings} stored`, 'bad');
    const after = await storedCounts(c.uri);
    log(`stored after the runs: ${after.ratings} ratings, ${after.tickets} tickets (${after.ticketUses} spent)`);
    figures = { engine: c.db.engine, trivial, empty, stored: { ...counts, after, good, bad }, wire };
  } finally {
    await c.stop();
  }
  if (process.env.MONGODB_URI) return { ...figures, delayed: null };
  const d = await openCenter(s, 'delayed', log);
  try {
    await warmUp(d, s);
    return {
      ...figures,
      delayed: await runner(d, s, log)('flow, good ratings, empty database, delayed writes', 'good'),
    };
  } finally {
    await d.stop();
  }
}
