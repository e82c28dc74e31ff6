import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

// Sessions live in MongoDB so any app instance can serve any request. The cookie carries a random
// token; only its SHA-256 is stored, so a database leak does not hand out live sessions.
const sessionSchema = new Schema({
  _id: { type: String }, // sha256(token) in hex
  user: { type: Schema.Types.ObjectId, ref: 'User', required: true, index: true },
  createdAt: { type: Date, required: true },
  /** Checked on every read; the TTL index only cleans up (the local stand-in never expires). */
  expiresAt: { type: Date, required: true },
  ipHash: { type: String, default: null },
  userAgent: { type: String, default: null },
});

sessionSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export type Session = InferSchemaType<typeof sessionSchema> & { _id: string; user: Types.ObjectId };
export const SessionModel = model('Session', sessionSchema);
