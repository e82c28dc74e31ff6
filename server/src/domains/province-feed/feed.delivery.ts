import mongoose from 'mongoose';
import type { Logger } from '../../lib/logger.js';
import { registerChannel } from '../../lib/outbox/outbox.js';
import { dailyCatchUp, PROVINCE_CHANNEL, provinceChannel } from './feed.service.js';

const CATCH_UP_MS = 10 * 60_000;

/**
 * Makes the provincial channel known to this instance's outbox worker, and runs the catch-up
 * (yesterday and today) every few minutes: each instance may, since the outbox stores a rating's
 * message once.
 */
export function startProvinceFeed(logger: Logger) {
  registerChannel(PROVINCE_CHANNEL, provinceChannel());
  const timer = setInterval(() => {
    if (mongoose.connection.readyState !== mongoose.ConnectionStates.connected) return;
    dailyCatchUp().catch((err: unknown) =>
      logger.warn({ err: (err as Error).message }, 'provincial feed catch-up failed'),
    );
  }, CATCH_UP_MS);
  timer.unref();
  return () => clearInterval(timer);
}
