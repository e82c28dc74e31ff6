import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { receiptFields } from '../documents/receipts.js';

export const NOTICE_STATUSES = ['DRAFT', 'APPROVED', 'PUBLISHED'] as const;
export const APPEAL_DECISIONS = ['UPHELD', 'OVERTURNED'] as const;

const appealSchema = new Schema(
  {
    text: { type: String, required: true },
    at: { type: Date, required: true },
    by: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    byName: { type: String, default: '' },
    /** The lines (violations) contested: upholding the appeal dismisses these only. */
    violations: { type: [Schema.Types.ObjectId], ref: 'Violation', default: [] },
    /** Evidence (files/evidence.ts): photos or PDFs. */
    attachments: {
      type: [new Schema({ file: Schema.Types.ObjectId, contentType: String }, { _id: false })],
      default: [],
    },
    /** UPHELD: the notice stands; OVERTURNED: the department's violations in it are dismissed. */
    decision: { type: String, enum: [...APPEAL_DECISIONS, null], default: null },
    reason: { type: String, default: '' },
    decidedAt: { type: Date, default: null },
    decidedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    decidedByName: { type: String, default: '' },
  },
  { _id: false },
);

/** Each department named in a published notice acknowledges it and may appeal once. */
const receiptSchema = new Schema({ ...receiptFields, appeal: { type: appealSchema, default: null } }, { _id: false });

// A violation notice (通报): DRAFT → APPROVED (gets its number 〔YYYY〕第N号) → PUBLISHED (the
// departments see it). The number is given at approval (documents/numbering.ts), so discarded
// drafts leave no gaps.
const noticeSchema = new Schema(
  {
    year: { type: Number, default: null },
    seq: { type: Number, default: null },
    number: { type: String, default: '' },
    title: { type: String, required: true, trim: true },
    body: { type: String, required: true },
    /** Local dates, YYYY-MM-DD, of the violations it covers. */
    periodFrom: { type: String, required: true },
    periodTo: { type: String, required: true },
    departments: { type: [Schema.Types.ObjectId], ref: 'Department', default: [] },
    violations: { type: [Schema.Types.ObjectId], ref: 'Violation', default: [] },
    status: { type: String, enum: NOTICE_STATUSES, default: 'DRAFT' },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    approvedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    approvedAt: { type: Date, default: null },
    publishedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    publishedAt: { type: Date, default: null },
    appealDeadline: { type: Date, default: null },
    receipts: { type: [receiptSchema], default: [] },
  },
  { timestamps: true },
);

noticeSchema.index({ status: 1, publishedAt: -1 });
noticeSchema.index({ departments: 1, status: 1 });

export type Notice = InferSchemaType<typeof noticeSchema> & { _id: Types.ObjectId };
export type Receipt = Notice['receipts'][number];
export const NoticeModel = model('ViolationNotice', noticeSchema, 'violation_notices');
