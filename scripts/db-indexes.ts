// `npm run db:indexes`: builds every index; production runs this before starting the app.
import '../server/src/graphql/schema.js'; // registers every model
import { connectDb, disconnectDb, ensureIndexes } from '../server/src/db.js';

const uri = process.env.MONGODB_URI;
if (!uri) {
  console.error('Set MONGODB_URI.');
  process.exit(1);
}
await connectDb(uri);
await ensureIndexes();
console.log('indexes are up to date');
await disconnectDb();
