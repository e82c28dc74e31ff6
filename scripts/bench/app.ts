// The production build as the Docker image runs it (`node dist/...`, NODE_ENV=production,
// LOG_LEVEL=warn, real secrets), driven over HTTP only: the benchmark imports no server code for
// the load it measures. A staff client sets up a center the way an admin would.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import argon2 from 'argon2';
import mongoose from 'mongoose';
import { ROLE } from '../../common/roles.js';
import { freePort } from '../db.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
// What the Dockerfile's CMD runs.
const MIGRATE = 'dist/scripts/db-migrate.js';
const SERVER = 'dist/server/src/index.js';

export async function buildProduction(log: (m: string) => void) {
  log('npm run build (both web faces and the server, as the Docker image does)...');
  await promisify(execFile)('npm', ['run', 'build', '--silent'], { cwd: ROOT, maxBuffer: 64 << 20 });
}

export interface ProductionServer {
  base: string;
  /** Where its log goes (warnings and errors only, LOG_LEVEL=warn). */
  logFile: string;
  stop(): Promise<void>;
}

/** Migrates the database (indexes), then starts the server on it and waits until it is ready. */
export async function startProduction(uri: string): Promise<ProductionServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    MONGODB_URI: uri,
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    QR_KEYS: `b1:${randomBytes(24).toString('base64url')}`,
    PUBLIC_BASE_URL: base,
    HOST: '127.0.0.1',
    PORT: String(port),
  };
  await promisify(execFile)('node', [MIGRATE], { cwd: ROOT, env });
  const logFile = path.join(tmpdir(), `wfp-bench-server-${port}.log`);
  const out = openSync(logFile, 'w');
  const child = spawn('node', [SERVER], { cwd: ROOT, env, stdio: ['ignore', out, out] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitReady(base, child);
  return {
    base,
    logFile,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function waitReady(base: string, child: ChildProcess) {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    const ok = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100)); // polling a separate process: no event to await
  }
  throw new Error('the server did not become ready within 30 s');
}

/** GraphQL over HTTP with a session cookie, as the admin pages talk to the server. */
export class Staff {
  private cookie = '';
  constructor(readonly base: string) {}

  async gql<T = Record<string, unknown>>(query: string, variables?: object): Promise<T> {
    const res = await fetch(`${this.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wfp-csrf': '1', cookie: this.cookie },
      body: JSON.stringify({ query, variables }),
    });
    const set = res.headers.getSetCookie().map((c) => c.split(';')[0]);
    if (set.length) this.cookie = set.join('; ');
    const body = (await res.json()) as { data?: T; errors?: unknown[] };
    if (body.errors || !body.data) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(body.errors)}`);
    return body.data;
  }
}

/**
 * An admin account written straight into the database (the image has no other way to make the
 * first one besides the demo seed), then logged in over HTTP.
 */
export async function adminClient(uri: string, base: string): Promise<Staff> {
  const password = randomBytes(12).toString('base64url');
  const conn = await mongoose.createConnection(uri).asPromise();
  const now = new Date();
  await conn.collection('users').insertOne({
    username: 'bench',
    displayName: '基准测试',
    role: ROLE.ADMIN,
    department: null,
    passwordHash: await argon2.hash(password, { type: argon2.argon2id }),
    active: true,
    lastLoginAt: null,
    passwordChangedAt: null,
    createdAt: now,
    updatedAt: now,
  });
  await conn.close();
  const staff = new Staff(base);
  await staff.gql('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { user { id } } }', {
    u: 'bench',
    p: password,
  });
  return staff;
}

/** A department with `count` windows, one staff member on duty at each; returns the QR codes. */
export async function setUpCenter(staff: Staff, count: number): Promise<Array<[string, string]>> {
  const { createDepartment: dept } = await staff.gql<{ createDepartment: { id: string } }>(
    'mutation($i: DepartmentInput!) { createDepartment(input: $i) { id } }',
    { i: { code: 'BENCH', name: '基准测试局', shortName: '基准' } },
  );
  const from = new Date(Date.now() - 86_400_000).toISOString();
  await inBatches(count, async (i) => {
    const n = String(i + 1).padStart(3, '0');
    const { createWindow: w } = await staff.gql<{ createWindow: { id: string } }>(
      'mutation($i: WindowInput!) { createWindow(input: $i) { id } }',
      { i: { code: `B${n}`, zone: 'B', number: i + 1, name: `窗口${n}`, departmentId: dept.id } },
    );
    const { createStaff: s } = await staff.gql<{ createStaff: { id: string } }>(
      'mutation($i: StaffInput!) { createStaff(input: $i) { id } }',
      { i: { staffNo: `BS${n}`, name: `人员${n}`, departmentId: dept.id } },
    );
    await staff.gql(
      'mutation($w: ID!, $s: ID!, $f: DateTime!) { assignDuty(windowId: $w, staffId: $s, from: $f) { id } }',
      {
        w: w.id,
        s: s.id,
        f: from,
      },
    );
  });
  const { windows } = await staff.gql<{ windows: Array<{ code: string; qrUrl: string }> }>(
    '{ windows { code qrUrl } }',
  );
  return windows.map((w) => [w.code, new URL(w.qrUrl).searchParams.get('s')!]);
}

/** Lifts the per-address limits: every request of the benchmark comes from one address. */
export async function liftAbuseLimits(staff: Staff) {
  await staff.gql('mutation($i: RatingSettingsInput!) { updateRatingSettings(input: $i) { ipLimitPerHour } }', {
    i: { ipLimitPerHour: 1_000_000, ticketsPerIpHour: 1_000_000, burstCount: 100, cooldownMinutes: 0 },
  });
}

async function inBatches(count: number, job: (i: number) => Promise<void>, width = 8) {
  for (let i = 0; i < count; i += width) {
    await Promise.all(Array.from({ length: Math.min(width, count - i) }, (_, k) => job(i + k)));
  }
}
