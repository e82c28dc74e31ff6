// Finds or starts a local MongoDB-protocol server (DESIGN.md §6). In order:
//   1. MONGODB_URI, if set (nothing is started);
//   2. a `mongod` on PATH;
//   3. mongodb-memory-server (a real mongod, where it can be downloaded);
//   4. the mongo-java-server stand-in (Java 17; Maven fetches its jars on first use).
// The engine used is always printed. With `dataDir` the data survives restarts (mongod's dbpath
// or the stand-in's H2 file); without it everything lives in memory or a temporary directory.
// An engine that failed to start is remembered and skipped afterwards (its download costs seconds
// each time), until WFP_DB_RETRY=1 (or `npm start -- --retry-db`) asks to try it again.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { CACHE_DIR, compiledStandIn, ensureStandInJars, standInArgs, type Durability } from './db-standin.js';

export { ensureStandInJars };

export interface LocalDb {
  uri: string;
  engine: string;
  stop(): Promise<void>;
  /** Ends a server this process started at once (SIGKILL), as a crash would. */
  kill?(): Promise<void>;
}

export interface LocalDbOptions {
  dataDir?: string;
  /** Skip straight to the stand-in (e.g. a test that must stop and restart its database). */
  engine?: 'standin';
  port?: number;
  log?: (message: string) => void;
  /** The stand-in's H2 file: `sync` (default) makes every write durable before its answer. */
  durability?: Durability;
  /** Try engines that failed before (also WFP_DB_RETRY=1). */
  retryFailed?: boolean;
}

export async function startLocalDb(opts: LocalDbOptions = {}): Promise<LocalDb> {
  const log = opts.log ?? ((m: string) => console.log(`[db] ${m}`));
  const pick = (db: LocalDb) => (log(`engine: ${db.engine} at ${redact(db.uri)}`), db);

  if (process.env.MONGODB_URI && opts.engine !== 'standin') {
    return pick({ uri: process.env.MONGODB_URI, engine: 'MONGODB_URI (external server)', stop: async () => {} });
  }
  if (opts.engine !== 'standin') {
    if (onPath('mongod')) return pick(await startMongod(opts));
    const memory = await tryMemoryServer(opts, log);
    if (memory) return pick(memory);
  }
  return pick(await startStandIn(opts, log));
}

function onPath(cmd: string) {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function startMongod(opts: LocalDbOptions): Promise<LocalDb> {
  const dbPath = opts.dataDir ? path.join(opts.dataDir, 'mongod') : mkdtempSync(path.join(tmpdir(), 'wfp-mongod-'));
  mkdirSync(dbPath, { recursive: true });
  const port = opts.port ?? (await freePort());
  const child = spawn('mongod', ['--dbpath', dbPath, '--port', String(port), '--bind_ip', '127.0.0.1', '--quiet'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await waitForLine(child, /Waiting for connections|"msg":"Waiting for connections"/, 30_000);
  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    engine: 'mongod on PATH',
    stop: () => stopChild(child),
    kill: () => stopChild(child, 'SIGKILL'),
  };
}

async function tryMemoryServer(opts: LocalDbOptions, log: (m: string) => void) {
  const failed = failedBefore('mongodb-memory-server', opts);
  if (failed) {
    log(`mongodb-memory-server failed before (${failed}); skipped (WFP_DB_RETRY=1 tries it again)`);
    return undefined;
  }
  try {
    return await startMemoryServer(opts);
  } catch (err) {
    rememberFailure('mongodb-memory-server', firstLine(err));
    log(`mongodb-memory-server unavailable (${firstLine(err)}); using the mongo-java-server stand-in`);
    return undefined;
  }
}

async function startMemoryServer(opts: LocalDbOptions): Promise<LocalDb> {
  const { MongoMemoryServer } = await import('mongodb-memory-server-core');
  // It reports its own download failure at length on the console; we print one line instead.
  const { warn, error } = console;
  console.warn = console.error = () => {};
  try {
    return await createMemoryServer(MongoMemoryServer, opts);
  } finally {
    Object.assign(console, { warn, error });
  }
}

async function createMemoryServer(
  MongoMemoryServer: typeof import('mongodb-memory-server-core').MongoMemoryServer,
  opts: LocalDbOptions,
): Promise<LocalDb> {
  const dbPath = opts.dataDir ? path.join(opts.dataDir, 'mongod') : undefined;
  if (dbPath) mkdirSync(dbPath, { recursive: true });
  const server = await MongoMemoryServer.create({
    instance: { port: opts.port, dbPath, storageEngine: dbPath ? 'wiredTiger' : undefined },
  });
  return {
    uri: server.getUri(),
    engine: 'mongodb-memory-server',
    stop: async () => {
      await server.stop({ doCleanup: !dbPath });
    },
  };
}

async function startStandIn(opts: LocalDbOptions, log: (m: string) => void): Promise<LocalDb> {
  ensureStandInJars(log);
  const classes = compiledStandIn(log);
  let file: string | undefined;
  if (opts.dataDir) {
    mkdirSync(opts.dataDir, { recursive: true });
    file = path.join(opts.dataDir, 'standin.mv');
  }
  const args = standInArgs(classes, { port: opts.port, file, durability: opts.durability });
  // stdin stays open as a lifeline: the stand-in exits when this process goes away.
  const child = spawn('java', args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const line = await waitForLine(child, /^LISTENING /, 60_000);
  const port = Number(line.split(':').pop());
  const kind = file ? `H2 file, ${opts.durability === 'delayed' ? 'delayed writes' : 'durable writes'}` : 'in memory';
  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    engine: `mongo-java-server stand-in (${kind})`,
    stop: () => stopChild(child),
    kill: () => stopChild(child, 'SIGKILL'),
  };
}

const FAILED_FILE = path.join(CACHE_DIR, 'failed-engines.json');

type Failures = Record<string, { at: string; reason: string }>;

function failedEngines(): Failures {
  try {
    return JSON.parse(readFileSync(FAILED_FILE, 'utf8')) as Failures;
  } catch {
    return {};
  }
}

/** When and why the engine failed here before, unless a retry was asked for. */
function failedBefore(engine: string, opts: LocalDbOptions) {
  if (opts.retryFailed || process.env.WFP_DB_RETRY === '1') return undefined;
  const f = failedEngines()[engine];
  return f && `${f.at.slice(0, 10)}: ${f.reason}`;
}

function rememberFailure(engine: string, reason: string) {
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(
    FAILED_FILE,
    JSON.stringify({ ...failedEngines(), [engine]: { at: new Date().toISOString(), reason } }, null, 2),
  );
}

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = readline.createInterface({ input: child.stdout! });
    const timer = setTimeout(() => fail(new Error(`database did not start within ${timeoutMs} ms`)), timeoutMs);
    const fail = (err: Error) => {
      clearTimeout(timer);
      rl.close();
      child.kill('SIGKILL');
      reject(err);
    };
    const onExit = (code: number | null) => fail(new Error(`database process exited with code ${code}`));
    rl.on('line', (l) => {
      if (!pattern.test(l)) return;
      clearTimeout(timer);
      rl.removeAllListeners('line');
      child.off('exit', onExit);
      child.stdout!.resume(); // keep draining so the child never blocks on a full pipe
      resolve(l);
    });
    child.once('exit', onExit);
  });
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}

const redact = (uri: string) => uri.replace(/\/\/[^@/]*@/, '//***@');
const firstLine = (err: unknown) => String((err as Error)?.message ?? err).split('\n')[0] ?? '';
