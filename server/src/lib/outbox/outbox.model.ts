import { Schema, model, type InferSchemaType } from 'mongoose';

// A message waiting to go out on one channel (a webhook, later the provincial ratings feed).
// Its _id is "<channel>:<event key>", so enqueueing one event twice stores it once: each event is
// delivered once per channel, however often the code that raised it runs.
export const OUTBOX_STATES = ['PENDING', 'DELIVERED', 'FAILED'] as const;

const outboxSchema = new Schema(
  {
    _id: { type: String },
    channel: { type: String, required: true },
    eventKey: { type: String, required: true },
    payload: { type: Schema.Types.Mixed, required: true },
    state: { type: String, enum: OUTBOX_STATES, default: 'PENDING' },
    /** Attempts made so far; attempt n is claimed by inserting claim "<_id>#n" (outbox_claims). */
    attempts: { type: Number, default: 0 },
    nextAttemptAt: { type: Date, required: true },
    lastError: { type: String, default: '' },
    deliveredAt: { type: Date, default: null },
    createdAt: { type: Date, required: true },
  },
  { minimize: false },
);
outboxSchema.index({ state: 1, nextAttemptAt: 1 });

export type OutboxMessage = InferSchemaType<typeof outboxSchema> & { _id: string };
export const OutboxModel = model('OutboxMessage', outboxSchema, 'outbox');

// One claim per attempt. A unique-_id insert succeeds for exactly one worker on every engine
// (the local stand-in's findOneAndUpdate is not atomic under concurrency), so an attempt is made
// by one worker only, across every app instance.
const claimSchema = new Schema({
  _id: { type: String },
  by: { type: String, required: true },
  at: { type: Date, required: true },
});
claimSchema.index({ at: 1 }, { expireAfterSeconds: 7 * 86_400 });
export const OutboxClaimModel = model('OutboxClaim', claimSchema, 'outbox_claims');
