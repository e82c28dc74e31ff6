import { Types } from 'mongoose';
import { notFound } from '../../graphql/errors.js';
import { enqueue, registerChannel } from '../../lib/outbox/outbox.js';
import type { OutboxMessage } from '../../lib/outbox/outbox.model.js';
import { signature } from '../../lib/outbox/webhook.js';
import type { Rating } from '../ratings/rating.model.js';
import { RatingWebhookModel, type RatingWebhook } from './api-key.model.js';
import { ratingRecords } from './rating-record.js';

// Signed webhooks for new ratings. Each new rating is queued once per configured receiver in the
// outbox (one channel per receiver, the rating's id as event key), so it is delivered once to
// each, retried with backoff across an outage, whichever app instance stored the rating.

export const RATING_WEBHOOK_CHANNEL = 'rating-webhook';
const channelOf = (hook: { _id: Types.ObjectId }) => `${RATING_WEBHOOK_CHANNEL}:${String(hook._id)}`;
const TIMEOUT_MS = 10_000;

/** After a rating is stored: queues `rating.created` for every active receiver. */
export async function publishRating(rating: Rating) {
  const hooks = await RatingWebhookModel.find({ active: true }).limit(20).lean<RatingWebhook[]>();
  if (!hooks.length) return;
  const [record] = await ratingRecords([rating]);
  for (const hook of hooks) await enqueue(channelOf(hook), String(rating._id), { ...record });
}

/** Sends one queued rating to its receiver, signed as the notification webhook is (lib/outbox/webhook.ts). */
async function send(m: OutboxMessage) {
  const id = m.channel.slice(RATING_WEBHOOK_CHANNEL.length + 1);
  const hook = Types.ObjectId.isValid(id) ? await RatingWebhookModel.findById(id).lean<RatingWebhook>() : null;
  if (!hook?.active) throw new Error('接收方已删除或停用');
  const body = JSON.stringify({
    id: m.eventKey,
    type: 'rating.created',
    createdAt: m.createdAt,
    data: m.payload as unknown,
  });
  const res = await fetch(hook.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-wfp-event': 'rating.created',
      'x-wfp-event-id': m.eventKey,
      'x-wfp-signature': signature(hook.secret, body),
    },
    body,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  await res.body?.cancel();
  if (!res.ok) throw new Error(`接收方返回 HTTP ${res.status}`);
}

/**
 * Makes the receivers' channels known to this process's outbox worker. Called at startup and
 * after each change here; an instance that did not make the change picks it up on its next call
 * (the worker's refresh, see startRatingWebhooks).
 */
export async function registerRatingWebhooks() {
  const hooks = await RatingWebhookModel.find().lean<RatingWebhook[]>();
  for (const hook of hooks) registerChannel(channelOf(hook), { send, maxAttempts: 12 });
}

export const listRatingWebhooks = () => RatingWebhookModel.find().sort({ createdAt: 1 }).lean<RatingWebhook[]>();

export async function addRatingWebhook(url: string, secret: string) {
  const hook = await RatingWebhookModel.create({ url, secret, createdAt: new Date() });
  await registerRatingWebhooks();
  return hook.toObject<RatingWebhook>();
}

export async function setRatingWebhookActive(id: string, active: boolean) {
  const hook = await RatingWebhookModel.findByIdAndUpdate(
    id,
    { $set: { active } },
    { new: true },
  ).lean<RatingWebhook>();
  if (!hook) throw notFound('webhook');
  return hook;
}

export async function deleteRatingWebhook(id: string) {
  const gone = await RatingWebhookModel.findByIdAndDelete(id).lean<RatingWebhook>();
  if (!gone) throw notFound('webhook');
  return true;
}

/** At startup: the receivers' channels, refreshed each minute for changes made on other instances. */
export function startRatingWebhooks(logger: { warn(o: object, msg: string): void }) {
  const refresh = () => {
    registerRatingWebhooks().catch((err: unknown) =>
      logger.warn({ err: (err as Error).message }, 'rating webhooks not registered; retrying'),
    );
  };
  refresh();
  const timer = setInterval(refresh, 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
