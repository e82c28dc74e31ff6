import type { Server } from 'node:http';
import mongoose from 'mongoose';
import type { Config } from './config.js';
import { connectDb, disconnectDb } from './db.js';
import { createApp } from './app.js';
import type { Logger } from './lib/logger.js';

/**
 * Listens first and connects to the database in the background, retrying: the process is alive
 * (/healthz) even while the database is not yet reachable, and /readyz tells the difference.
 */
export async function startServer(config: Config, logger: Logger) {
  const { app } = await createApp({ config, logger });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ port }, 'listening');

  let stopping = false;
  const connecting = (async () => {
    if (mongoose.connection.readyState === mongoose.ConnectionStates.connected) return; // the caller connected already
    for (let attempt = 1; !stopping; attempt++) {
      try {
        await connectDb(config.mongodbUri, { autoIndex: !config.isProduction });
        logger.info('database connected');
        return;
      } catch (err) {
        logger.warn({ err: (err as Error).message, attempt }, 'database not reachable; retrying');
        await new Promise((r) => setTimeout(r, Math.min(10_000, 500 * attempt)));
      }
    }
  })();

  async function close() {
    stopping = true;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      // Idle keep-alive sockets would hold close() open; in-flight requests still finish.
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), 10_000).unref();
    });
    await connecting;
    await disconnectDb();
  }

  return { server, port, close };
}
