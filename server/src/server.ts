import { createServer, type Server } from 'node:http';
import type { Express } from 'express';
import mongoose from 'mongoose';
import type { Config } from './config.js';
import { connectDb, disconnectDb } from './db.js';
import { createApp } from './app.js';
import type { Logger } from './lib/logger.js';
import { startMetricsServer } from './lib/metrics.js';
import { startNotificationDelivery } from './domains/notifications/delivery.js';
import { startProvinceFeed } from './domains/province-feed/feed.delivery.js';
import { startRatingWebhooks } from './domains/integration/rating-webhook.service.js';
import { startSweeps } from './sweep.js';

/**
 * The HTTP server with its limits for slow or greedy clients (settings HTTP_*): headers and
 * whole requests have deadlines, idle keep-alive sockets close, and connections past
 * maxConnections are dropped at once instead of exhausting file descriptors.
 */
export function createHttpServer(app: Express, limits: Config['http']): Server {
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // How often the deadlines above are checked (Node's default, 30 s, lets a slow client
      // overstay a short headers timeout by that much).
      connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs),
    },
    app,
  );
  server.maxConnections = limits.maxConnections;
  return server;
}

/**
 * Listens first and connects to the database in the background, retrying: the process is alive
 * (/healthz) even while the database is not yet reachable, and /readyz tells the difference.
 */
export async function startServer(config: Config, logger: Logger) {
  const { app } = await createApp({ config, logger });
  const server = createHttpServer(app, config.http);
  await new Promise<void>((resolve) => server.listen(config.port, config.host, () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ port }, 'listening');
  const metrics = config.metrics.port === undefined ? undefined : await startMetricsServer(config.metrics, logger);

  // Notifications leave through the outbox: every instance runs a worker; claims keep them apart.
  const stopFeed = startProvinceFeed(logger);
  const delivery = startNotificationDelivery(logger);
  const stopRatingWebhooks = startRatingWebhooks(logger);
  const stopSweeps = startSweeps(logger);
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
    stopRatingWebhooks();
    await delivery.stop();
    stopFeed();
    stopSweeps();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      // Idle keep-alive sockets would hold close() open; in-flight requests still finish.
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), 10_000).unref();
    });
    await metrics?.close();
    await connecting;
    await disconnectDb();
  }

  return { server, port, metricsPort: metrics?.port, close };
}
