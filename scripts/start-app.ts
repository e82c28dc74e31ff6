// The app half of `npm start` (scripts/start.ts): connects to the local database, migrates, seeds
// the demo center unless this version of the seed already did, and serves web + API.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import mongoose from 'mongoose';
import '../server/src/graphql/schema.js'; // registers every model
import { ConfigError, loadConfig } from '../server/src/config.js';
import { connectDb } from '../server/src/db.js';
import { migrate } from '../server/src/migrations.js';
import { createLogger } from '../server/src/lib/logger.js';
import { startServer } from '../server/src/server.js';
import type { LocalDb } from './db.js';
import { markSeeded, seededVersion, seedVersion } from './seed/freshness.js';
import { seedDemo } from './seed/seed.js';

export async function serve(db: LocalDb, dataDir: string, step: (m: string) => void) {
  const uri = process.env.MONGODB_URI ?? `${db.uri}wfp`;
  let config;
  try {
    config = loadConfig({ ...process.env, MONGODB_URI: uri });
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    await db.stop();
    process.exit(1);
  }

  await connectDb(uri, { autoIndex: false });
  step('indexes and data migrations...');
  await migrate();
  const password = await seedIfStale(path.join(dataDir, 'admin-password'), step);

  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const server = await startServer({ ...config, logLevel: config.logLevel }, logger);
  await printBanner(config.publicBaseUrl, db.engine, password);

  const stop = async () => {
    await server.close();
    await db.stop();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop());
}

/**
 * Loads the demo center unless this version of the seed already did; returns the admin password
 * to print. The generated password is kept beside the local data so later starts can print it.
 */
async function seedIfStale(passwordFile: string, step: (m: string) => void): Promise<string> {
  const remembered = existsSync(passwordFile) ? readFileSync(passwordFile, 'utf8').trim() : undefined;
  const given = process.env.SEED_ADMIN_PASSWORD || undefined;
  const unchanged = '(unchanged; see README to reset)';
  const version = seedVersion();
  if ((await seededVersion()) === version) {
    step(`demo data is current (seed ${version})`);
    return given ?? remembered ?? unchanged;
  }
  step('loading the demo center: registry, calendar, accounts and 180 days of activity...');
  const seeded = await seedDemo({ adminPassword: given ?? remembered, log: (m) => step(`  ${m}`) });
  await markSeeded(version);
  const admin = seeded.accounts.find((a) => a.username === 'admin')!;
  if (admin.password && !given) writeFileSync(passwordFile, `${admin.password}\n`, { mode: 0o600 });
  return admin.password ?? given ?? remembered ?? unchanged;
}

async function printBanner(base: string, engine: string, password: string) {
  const count = (model: string) => mongoose.model(model).estimatedDocumentCount();
  const [departments, windows, staff, items] = await Promise.all(
    ['Department', 'Window', 'Staff', 'ServiceItem'].map(count),
  );
  console.log(`
  Window feedback platform is running (ready ${(performance.now() / 1000).toFixed(1)} s after Node started)
    Staff admin   ${base}/admin/
    GraphQL API   ${base}/graphql
    Health        ${base}/healthz  ${base}/readyz
    Database      ${engine}
    Demo center   ${departments} departments, ${windows} windows, ${staff} staff, ${items} service items
    Log in        admin / ${password}   (also manager, inspector, liaison with the same password)
  Press Ctrl+C to stop.
`);
}
