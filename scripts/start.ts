// `npm start`: the whole platform on this machine in one command. Builds the web if needed,
// starts a local database (see scripts/db.ts; data kept under .data/), seeds the demo center,
// serves web + API and prints where to go and how to log in.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import '../server/src/graphql/schema.js'; // registers every model
import { ConfigError, loadConfig } from '../server/src/config.js';
import { connectDb } from '../server/src/db.js';
import { migrate } from '../server/src/migrations.js';
import { createLogger } from '../server/src/lib/logger.js';
import { startServer } from '../server/src/server.js';
import { startLocalDb } from './db.js';
import { seedDemo } from './seed/seed.js';
import { buildWebIfStale } from './web-build.js';

const dataDir = path.resolve(import.meta.dirname, '..', '.data');
mkdirSync(dataDir, { recursive: true });
const passwordFile = path.join(dataDir, 'admin-password');

await buildWebIfStale();
const db = await startLocalDb({ dataDir });
const uri = process.env.MONGODB_URI ?? `${db.uri}wfp`;

let config;
try {
  config = loadConfig({ ...process.env, MONGODB_URI: uri });
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    await db.stop();
    process.exit(1);
  }
  throw err;
}

await connectDb(uri, { autoIndex: false });
await migrate();
// The generated admin password is kept beside the local data so later starts can print it.
const remembered = existsSync(passwordFile) ? readFileSync(passwordFile, 'utf8').trim() : undefined;
const given = process.env.SEED_ADMIN_PASSWORD || undefined;
const seeded = await seedDemo({ adminPassword: given ?? remembered });
const admin = seeded.accounts.find((a) => a.username === 'admin')!;
if (admin.password && !given) writeFileSync(passwordFile, `${admin.password}\n`, { mode: 0o600 });
const password = admin.password ?? given ?? remembered ?? '(unchanged; see README to reset)';

const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
const server = await startServer({ ...config, logLevel: config.logLevel }, logger);
const base = config.publicBaseUrl;

console.log(`
  Window feedback platform is running
    Staff admin   ${base}/admin/
    GraphQL API   ${base}/graphql
    Health        ${base}/healthz  ${base}/readyz
    Database      ${db.engine}
    Demo center   ${seeded.departments} departments, ${seeded.windows} windows, ${seeded.staff} staff, ${seeded.serviceItems} service items
    Log in        admin / ${password}   (also manager, inspector, liaison with the same password)
  Press Ctrl+C to stop.
`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void stop());
}

async function stop() {
  await server.close();
  await db.stop();
  process.exit(0);
}
