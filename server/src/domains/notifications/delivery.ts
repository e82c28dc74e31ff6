import type { Logger } from '../../lib/logger.js';
import { registerChannel, startOutboxWorker, type WorkerOptions } from '../../lib/outbox/outbox.js';
import { webhookChannel } from '../../lib/outbox/webhook.js';
import { notificationSettings } from './notification.settings.js';
import { WEBHOOK_CHANNEL } from './notification.service.js';
import { sweepFollowUpDeadlines } from '../follow-ups/follow-up.deadlines.js';

/** Registers the webhook channel (target from the settings) and starts this instance's outbox worker. */
export function startNotificationDelivery(logger: Logger, options: WorkerOptions & { pollMs?: number } = {}) {
  registerChannel(
    WEBHOOK_CHANNEL,
    webhookChannel(async () => {
      const s = await notificationSettings.get();
      return s.webhookUrl ? { url: s.webhookUrl, secret: s.webhookSecret } : null;
    }),
  );
  const worker = startOutboxWorker(logger, options);
  // Deadlines coming and missed are found by a sweep; every instance may run it (keys dedupe).
  const sweep = setInterval(() => {
    sweepFollowUpDeadlines().catch((err: unknown) =>
      logger.warn({ err: (err as Error).message }, 'deadline sweep failed'),
    );
  }, SWEEP_MS);
  sweep.unref();
  return {
    async stop() {
      clearInterval(sweep);
      await worker.stop();
    },
  };
}

const SWEEP_MS = 5 * 60_000;
