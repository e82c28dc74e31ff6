// `npm run bench`: the platform's performance figures, measured from outside. Builds production,
// runs it as the Docker image does, drives it with wrk (scripts/bench/wrk.ts) and Chromium, times
// the bulletin in a child process and `npm start` as a developer runs it. Prints every figure
// beside its target and rewrites docs/benchmarks.md. Settings (env): BENCH_SECONDS (10 per run),
// BENCH_CONNECTIONS (50), BENCH_WINDOWS (200), BENCH_STORED (100000), BENCH_BULLETIN_RATINGS
// (1000000), BENCH_START_RUNS (3 warm starts), BENCH_SKIP_BUILD=1, MONGODB_URI (a real MongoDB).
import { execFile } from 'node:child_process';
import { loadavg } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildProduction } from './app.js';
import type { BulletinBench } from './bulletin.js';
import { targetRows, writeBenchmarksDoc, type Figures } from './doc.js';
import { measureHttp } from './http.js';
import { measureStarts } from './start-time.js';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const log = (m: string) => console.log(`[bench] ${m}`);
// The machine may be shared: its load at each stage goes into the doc beside the figures.
const load: Array<[string, number]> = [];
const noteLoad = (stage: string) => {
  load.push([stage, loadavg()[0]!]);
  log(`load average (1 min) ${stage}: ${loadavg()[0]!.toFixed(1)}`);
};
noteLoad('at the start');

if (!process.env.BENCH_SKIP_BUILD) await buildProduction(log);

const bulletinRatings = env('BENCH_BULLETIN_RATINGS', 1_000_000);
log(`bulletin over ${bulletinRatings} ratings, in its own process (inserting them takes a while)...`);
const bulletin = await benchBulletinChild(bulletinRatings);
noteLoad('after the bulletin');

const http = await measureHttp(
  {
    seconds: env('BENCH_SECONDS', 10),
    connections: env('BENCH_CONNECTIONS', 50),
    windows: env('BENCH_WINDOWS', 200),
    stored: env('BENCH_STORED', 100_000),
  },
  log,
);

noteLoad('after the HTTP runs');
log('npm start: a first start on an empty data directory, then warm starts...');
const starts = await measureStarts(env('BENCH_START_RUNS', 3), log);

noteLoad('at the end');

const figures: Figures = { http, bulletin, starts, connections: env('BENCH_CONNECTIONS', 50), load };
console.log(`\n${summary(figures)}`);
writeBenchmarksDoc(figures);
log('written to docs/benchmarks.md');

async function benchBulletinChild(total: number): Promise<BulletinBench> {
  const script = path.join(import.meta.dirname, 'bulletin.ts');
  const { stdout } = await promisify(execFile)('npx', ['tsx', script, String(total), '--json'], {
    maxBuffer: 16 << 20,
  });
  const line = stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
  if (!line) throw new Error(`the bulletin benchmark printed no result:\n${stdout}`);
  return JSON.parse(line.slice('BENCH_RESULT '.length)) as BulletinBench;
}

function summary(f: Figures): string {
  return [
    'figure                                         measured      target',
    ...targetRows(f).map(
      ([name, value, target, met]) => `${name.padEnd(46)} ${value.padEnd(13)} ${target}  ${met ? 'met' : 'MISSED'}`,
    ),
  ].join('\n');
}
