import mongoose from 'mongoose';
import { sweepAttempts } from './domains/accounts/login-throttle.js';
import { sweepUnclaimedFiles } from './domains/files/unclaimed.js';
import { sweepDevices } from './domains/devices/pairing.service.js';
import { sweepTickets } from './domains/ratings/ticket.service.js';
import type { Logger } from './lib/logger.js';
import { sweepCounters } from './lib/counters.js';

// Expired rating tickets, their uses, rolling-counter slices, password-attempt slots, device pairing codes and
// invitations are never read again, but the local engine never applies TTL: this sweep deletes them every few minutes,
// beside the TTL indexes that real MongoDB applies. It also deletes uploads no record claimed
// within a day (files/unclaimed.ts). Each instance sweeps; deleting twice is harmless.
const EVERY_MS = 5 * 60_000;

/** One sweep of everything (the timer's work; tests call it directly). */
export const sweepOnce = (now = Date.now()) =>
  Promise.all([
    sweepTickets(new Date(now)),
    sweepCounters(new Date(now)),
    sweepAttempts(new Date(now)),
    sweepUnclaimedFiles(now),
    sweepDevices(new Date(now)),
  ]);

export function startSweeps(logger: Logger) {
  const timer = setInterval(() => {
    if (mongoose.connection.readyState !== mongoose.ConnectionStates.connected) return;
    sweepOnce().catch((err: unknown) => logger.warn({ err }, 'sweep failed'));
  }, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
