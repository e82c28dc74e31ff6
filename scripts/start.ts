// `npm start`: the whole platform on this machine in one command. Builds the web if needed,
// starts a local database (see scripts/db.ts; data kept under .data/), seeds the demo center when
// the data is missing or older than the seed, serves web + API and prints where to go and how to
// log in. `npm start -- --retry-db` tries database engines again that failed here before.
// This file stays light: the database boots in its own process while Node loads the app.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startLocalDb } from './db.js';
import { buildWebIfStale } from './web-build.js';

const step = (m: string) => console.log(`[start] ${m}`);
// WFP_DATA_DIR: another place for the local data (the benchmark times first starts with it).
const dataDir = path.resolve(process.env.WFP_DATA_DIR ?? path.join(import.meta.dirname, '..', '.data'));
mkdirSync(dataDir, { recursive: true });

await buildWebIfStale(step);
const [db, app] = await Promise.all([
  startLocalDb({ dataDir, retryFailed: process.argv.includes('--retry-db') }),
  import('./start-app.js'),
]);
await app.serve(db, dataDir, step);
