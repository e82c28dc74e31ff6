// Runs Debian's wrk against the server, in its own process, with flow.lua: the cheapest request or
// the citizen flow (scan a QR code for a ticket, rate with it). wrk is C and multi-threaded, so on
// a two-core machine it takes far less of the server's CPU than a load generator in Node would.
import { execFile } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const LUA = path.join(import.meta.dirname, 'flow.lua');

export type WrkMode = 'trivial' | 'good' | 'bad';

export interface WrkResult {
  mode: WrkMode;
  seconds: number;
  requests: number;
  /** Requests per second; for a flow, completed flows (accepted ratings) per second. */
  rate: number;
  accepted: number;
  p50Ms: number;
  p99Ms: number;
  /** GraphQL errors, other non-2xx answers, socket errors and timeouts, all together. */
  errors: number;
  codes: Record<string, number>;
}

export interface WrkOptions {
  connections?: number;
  seconds?: number;
  /** QR codes of the windows to rate: [code, signature]. */
  windows?: Array<[string, string]>;
}

interface Raw {
  durationUs: number;
  requests: number;
  accepted: number;
  gqlErrors: number;
  codes: Record<string, number>;
  socketErrors: number;
  statusErrors: number;
  timeouts: number;
  p50Us: number;
  p99Us: number;
}

export async function runWrk(base: string, mode: WrkMode, opts: WrkOptions = {}): Promise<WrkResult> {
  const data = path.join(tmpdir(), `wfp-bench-${process.pid}-${mode}.lua`);
  const windows = (opts.windows ?? []).map(([c, s]) => `{${JSON.stringify(c)},${JSON.stringify(s)}}`);
  writeFileSync(
    data,
    `return { mode = "${mode}", nonce = ${randomInt(2 ** 31)}, windows = { ${windows.join(', ')} } }\n`,
  );
  const connections = opts.connections ?? 50;
  const args = ['-t2', `-c${connections}`, `-d${opts.seconds ?? 10}s`, '--timeout', '30s', '-s', LUA, base];
  const { stdout } = await promisify(execFile)('wrk', args, { env: { ...process.env, BENCH_DATA: data } });
  const line = stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
  if (!line) throw new Error(`wrk printed no result:\n${stdout}`);
  const r = JSON.parse(line.slice('BENCH_RESULT '.length)) as Raw;
  const seconds = r.durationUs / 1e6;
  return {
    mode,
    seconds,
    requests: r.requests,
    rate: (mode === 'trivial' ? r.requests - r.gqlErrors : r.accepted) / seconds,
    accepted: r.accepted,
    p50Ms: r.p50Us / 1000,
    p99Ms: r.p99Us / 1000,
    errors: r.gqlErrors + r.statusErrors + r.socketErrors + r.timeouts,
    codes: r.codes,
  };
}
