// `npm run db:migrate`: builds every index and applies the idempotent data upgrades; production
// runs this before starting each app. Every step, marked done or not: in a rolling upgrade the
// instances not yet replaced still write the old shapes (server/src/migrations.ts).
import '../server/src/graphql/schema.js'; // registers every model
import { mongodbUriFromEnv } from '../server/src/config.js';
import { connectDb, disconnectDb } from '../server/src/db.js';
import { migrate } from '../server/src/migrations.js';

if (!process.env.MONGODB_URI) {
  console.error('Set MONGODB_URI.');
  process.exit(1);
}
// With MONGODB_USERNAME and MONGODB_PASSWORD(_FILE) added as the server adds them.
const uri = mongodbUriFromEnv();
await connectDb(uri);
await migrate(console.log, { everyStep: true });
console.log('database is up to date');
await disconnectDb();
