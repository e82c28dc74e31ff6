import mongoose from 'mongoose';
import { sweepDevices } from './domains/devices/pairing.service.js';
import { sweepTickets } from './domains/ratings/ticket.service.js';
import type { Logger } from './lib/logger.js';
import { sweepCounters } from './lib/counters.js';

// Expired rating tickets, their uses, rolling-counter slices, device pairing codes and invitations are never read again, but the
// local engine never applies TTL: this sweep deletes them every few minutes, beside the TTL
// indexes that real MongoDB applies. Each instance sweeps; deleting twice is harmless.
const EVERY_MS = 5 * 60_000;

export function startSweeps(logger: Logger) {
  const timer = setInterval(() => {
    if (mongoose.connection.readyState !== mongoose.ConnectionStates.connected) return;
    Promise.all([sweepTickets(), sweepCounters(), sweepDevices()]).catch((err: unknown) =>
      logger.warn({ err }, 'sweep failed'),
    );
  }, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
