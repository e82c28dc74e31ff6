import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

/** What a machine client may do: report cases (queue or case system), read ratings. */
export const API_SCOPES = ['cases:write', 'ratings:read'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

// An integration API key. The secret is shown once, at creation; only its SHA-256 is stored, as
// `_id`, so a request's key is found by `_id` alone and a copy of the database holds no key.
const apiKeySchema = new Schema({
  _id: { type: String }, // sha256 of the secret
  name: { type: String, required: true },
  /** The first characters of the secret, so an admin can tell keys apart (wfp_ab12…). */
  prefix: { type: String, required: true },
  scopes: { type: [String], enum: API_SCOPES, default: [] },
  createdBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  createdAt: { type: Date, required: true },
  revokedAt: { type: Date, default: null },
  lastUsedAt: { type: Date, default: null },
});

export type ApiKey = InferSchemaType<typeof apiKeySchema> & { _id: string };
export const ApiKeyModel = model('ApiKey', apiKeySchema, 'api_keys');

// A receiver of signed webhooks for new ratings (the queue vendor's, a data warehouse's).
const ratingWebhookSchema = new Schema({
  url: { type: String, required: true },
  /** The HMAC key the receiver verifies signatures with (never read back). */
  secret: { type: String, required: true },
  active: { type: Boolean, default: true },
  createdAt: { type: Date, required: true },
});

export type RatingWebhook = InferSchemaType<typeof ratingWebhookSchema> & { _id: Types.ObjectId };
export const RatingWebhookModel = model('RatingWebhook', ratingWebhookSchema, 'rating_webhooks');
