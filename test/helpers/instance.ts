// A second app instance on the database of a running test app, in a process of its own. Claims
// that something is "shared through MongoDB" (sessions, rate limits, tickets, alert gates, the
// live feed) need it: two apps in one process would also share every module-level Map, so a
// counter moved into memory would still look shared.
import { fork } from 'node:child_process';
import path from 'node:path';
import { loadConfig } from '../../server/src/config.js';
import type { TestApp } from './app.js';

export type Instance = Pick<TestApp, 'url' | 'config'> & { close(): Promise<void> };

/** Starts another instance of `app`, configured alike except for `env` (e.g. another secret). */
export async function startInstance(app: TestApp, env: Record<string, string> = {}): Promise<Instance> {
  const merged = { ...app.env, ...env, SERVE_WEB: 'false' };
  const child = fork(path.join(import.meta.dirname, 'instance-main.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, TEST_INSTANCE: JSON.stringify({ env: merged, dbName: app.db.name }) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`the second instance exited with code ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    config: loadConfig(merged),
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.disconnect();
      }),
  };
}
