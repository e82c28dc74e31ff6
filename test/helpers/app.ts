// Hosts the real app on a random port against a fresh database per test file.
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { Writable } from 'node:stream';
import mongoose from 'mongoose';
import { createApp } from '../../server/src/app.js';
import { loadConfig, type Config } from '../../server/src/config.js';
import { connectDb, disconnectDb } from '../../server/src/db.js';
import { migrate } from '../../server/src/migrations.js';
import '../../server/src/graphql/schema.js';
import { createLogger } from '../../server/src/lib/logger.js';

/** One pino line, parsed. */
export type LogLine = Record<string, any> & { level: number; msg: string };

export interface TestApp {
  url: string;
  config: Config;
  /** Where its data lives, so a second instance (test/helpers/instance.ts) can share it. */
  db: { uri: string; name: string };
  /** The environment it was configured from; a second instance starts from the same. */
  env: Record<string, string>;
  /** What the server logged, when started with `logs: true` (else empty). */
  logs: LogLine[];
  /** Another app instance in this process on the same database, with some settings changed. */
  sibling(env: Record<string, string>): Promise<{ url: string; close(): Promise<void> }>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  web?: boolean;
  env?: Record<string, string>;
  uri?: string;
  /** Capture the server's log lines (at level info) in `logs` instead of discarding them. */
  logs?: boolean;
}

/** A destination for pino that keeps every line, parsed. */
function logSink(lines: LogLine[]) {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
}

async function listen(config: Config, logger = createLogger(config.logLevel)) {
  const { app } = await createApp({ config, logger });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

export async function startTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const uri = opts.uri ?? process.env.TEST_MONGODB_URI;
  if (!uri) throw new Error('TEST_MONGODB_URI is not set: run the tests through mocha (npm test)');
  const dbName = `test_${randomBytes(6).toString('hex')}`;
  await connectDb(uri, { dbName });
  await migrate();
  const env = {
    NODE_ENV: 'test',
    MONGODB_URI: uri,
    LOG_LEVEL: opts.logs ? 'info' : (process.env.TEST_LOG_LEVEL ?? 'silent'),
    SERVE_WEB: opts.web ? 'true' : 'false',
    ...opts.env,
  };
  const config = loadConfig(env);
  const logs: LogLine[] = [];
  const main = await listen(config, createLogger(config.logLevel, opts.logs ? logSink(logs) : undefined));
  const siblings: Array<() => Promise<void>> = [];
  return {
    url: main.url,
    config,
    db: { uri, name: dbName },
    env,
    logs,
    async sibling(more) {
      const other = await listen(loadConfig({ ...env, ...more }));
      siblings.push(other.close);
      return other;
    },
    async close() {
      for (const closeSibling of siblings) await closeSibling();
      await main.close();
      // The stand-in now and then fails a drop with "index not found" (its own bookkeeping); a
      // second attempt finds the database in order.
      await mongoose.connection.dropDatabase().catch(() => mongoose.connection.dropDatabase());
      await disconnectDb();
    },
  };
}
