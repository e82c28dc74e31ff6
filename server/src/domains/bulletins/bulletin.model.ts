import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { receiptFields } from '../documents/receipts.js';
import { PERIOD_KINDS } from './period.js';
import type { Snapshot } from './snapshot.js';

export const BULLETIN_STATUSES = ['DRAFT', 'IN_REVIEW', 'PUBLISHED'] as const;
export type BulletinStatus = (typeof BULLETIN_STATUSES)[number];

const periodSchema = new Schema(
  {
    kind: { type: String, enum: PERIOD_KINDS, required: true },
    key: { type: String, required: true },
    from: { type: String, required: true },
    to: { type: String, required: true },
    label: { type: String, required: true },
  },
  { _id: false },
);

/** Each department acknowledges (签收) its part of a published bulletin. */
const receiptSchema = new Schema(receiptFields, { _id: false });

// A bimonthly bulletin (简报): DRAFT (generated, may be regenerated) → IN_REVIEW → PUBLISHED
// (numbered 〔YYYY〕第N期 by documents/numbering.ts, seen by the departments). One per period. The snapshot holds every figure
// as generated; nothing is recomputed from the data after that.
const bulletinSchema = new Schema(
  {
    period: { type: periodSchema, required: true },
    status: { type: String, enum: BULLETIN_STATUSES, default: 'DRAFT' },
    title: { type: String, required: true, trim: true },
    commentary: { type: String, default: '' },
    snapshot: { type: Schema.Types.Mixed, required: true },
    /** Staff ids of the smile stars (微笑之星) a manager picked from the candidates. */
    stars: { type: [String], default: [] },
    generatedAt: { type: Date, required: true },
    generatedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    submittedAt: { type: Date, default: null },
    returnedReason: { type: String, default: '' },
    year: { type: Number, default: null },
    seq: { type: Number, default: null },
    number: { type: String, default: '' },
    publishedAt: { type: Date, default: null },
    publishedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    receipts: { type: [receiptSchema], default: [] },
  },
  { timestamps: true, minimize: false },
);

bulletinSchema.index({ 'period.key': 1 }, { unique: true });
bulletinSchema.index({ status: 1, publishedAt: -1 });

export type Bulletin = Omit<InferSchemaType<typeof bulletinSchema>, 'snapshot'> & {
  _id: Types.ObjectId;
  snapshot: Snapshot;
  createdAt: Date;
};
export type BulletinReceipt = Bulletin['receipts'][number];
export const BulletinModel = model('Bulletin', bulletinSchema);
