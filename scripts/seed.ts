// `npm run seed`: loads the demo center into the database named by MONGODB_URI.
import '../server/src/graphql/schema.js'; // registers every model
import { mongodbUriFromEnv } from '../server/src/config.js';
import { connectDb, disconnectDb } from '../server/src/db.js';
import { migrate } from '../server/src/migrations.js';
import { seedDemo } from './seed/seed.js';

if (!process.env.MONGODB_URI) {
  console.error('Set MONGODB_URI to the database to seed (npm start seeds its local database by itself).');
  process.exit(1);
}
// With MONGODB_USERNAME and MONGODB_PASSWORD(_FILE) added as the server adds them.
const uri = mongodbUriFromEnv();
await connectDb(uri);
await migrate();
const result = await seedDemo({ adminPassword: process.env.SEED_ADMIN_PASSWORD || undefined, log: console.log });
for (const a of result.accounts) {
  console.log(
    `  ${a.username.padEnd(10)} ${a.role.padEnd(10)} ${a.password ? `password: ${a.password}` : '(exists, password unchanged)'}`,
  );
}
await disconnectDb();
