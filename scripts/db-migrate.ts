// `npm run db:migrate`: builds every index and applies the idempotent data upgrades; production
// runs this before starting the app.
import '../server/src/graphql/schema.js'; // registers every model
import { connectDb, disconnectDb } from '../server/src/db.js';
import { migrate } from '../server/src/migrations.js';

const uri = process.env.MONGODB_URI;
if (!uri) {
  console.error('Set MONGODB_URI.');
  process.exit(1);
}
await connectDb(uri);
await migrate(console.log);
console.log('database is up to date');
await disconnectDb();
