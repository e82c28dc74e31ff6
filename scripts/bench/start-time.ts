// How long `npm start` takes to be ready: once on an empty data directory (the first start: the
// demo center is seeded) and then warm, several times on the data it left. The clock runs from
// spawning npm to the "is running" banner. Compiled stand-in and remembered engine failures live
// in node_modules/.cache/wfp and are not cleared: those are once per checkout, not per start.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { freePort } from '../db.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface StartTimes {
  firstSeconds: number;
  warmSeconds: number[];
}

async function timeStart(dataDir: string): Promise<number> {
  const env: NodeJS.ProcessEnv = { ...process.env, WFP_DATA_DIR: dataDir, PORT: String(await freePort()) };
  delete env.MONGODB_URI; // the local engine, as on a developer's machine
  const started = performance.now();
  // Its own process group, so the interrupt reaches npm, tsx and node as Ctrl+C would.
  const child = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const lines = readline.createInterface({ input: child.stdout });
  try {
    for await (const line of lines) {
      if (line.includes('Window feedback platform is running')) return (performance.now() - started) / 1000;
    }
    throw new Error('npm start ended without being ready');
  } finally {
    lines.close();
    child.stdout.resume();
    process.kill(-child.pid!, 'SIGINT'); // start.ts stops the server and the database
    await exited;
  }
}

export async function measureStarts(warmRuns: number, log: (m: string) => void): Promise<StartTimes> {
  const dir = mkdtempSync(path.join(tmpdir(), 'wfp-start-'));
  try {
    const firstSeconds = await timeStart(dir);
    log(`first start (empty data, seeding): ${firstSeconds.toFixed(1)} s`);
    const warmSeconds: number[] = [];
    for (let i = 0; i < warmRuns; i++) warmSeconds.push(await timeStart(dir));
    log(`warm starts: ${warmSeconds.map((s) => s.toFixed(1)).join(', ')} s`);
    return { firstSeconds, warmSeconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
