// Entry of a second app instance (see instance.ts): its own process, so nothing in memory is
// shared with the first one; only the database is. Tells its parent the port over IPC and
// exits when the parent goes away.
import { createApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { connectDb } from '../../server/src/db.js';
import '../../server/src/graphql/schema.js';
import { createLogger } from '../../server/src/lib/logger.js';

const { env, dbName } = JSON.parse(process.env.TEST_INSTANCE!) as { env: Record<string, string>; dbName: string };
const config = loadConfig(env);
await connectDb(config.mongodbUri, { dbName });
const { app } = await createApp({ config, logger: createLogger(config.logLevel) });
const server = app.listen(0, '127.0.0.1', () => {
  process.send!({ port: (server.address() as { port: number }).port });
});
process.on('disconnect', () => process.exit(0));
