// Mocha global fixtures: one database server for the whole run (each test file then uses its own
// database on it), and the built web for the browser tests. Everything started here is stopped.
import { startLocalDb, type LocalDb } from '../../scripts/db.js';
import { buildWebIfStale } from '../../scripts/web-build.js';

let db: LocalDb | undefined;

export async function mochaGlobalSetup() {
  db = await startLocalDb({ log: (m) => console.log(`  [test db] ${m}`) });
  process.env.TEST_MONGODB_URI = db.uri;
  await buildWebIfStale((m) => console.log(`  [test web] ${m}`));
}

export async function mochaGlobalTeardown() {
  await db?.stop();
}
