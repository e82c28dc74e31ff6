import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { TRACKING_PREFIXES } from '../../../../common/ids.js';
import { newTrackingCode } from '../complaints/complaint.codes.js';

// 差评整改: every bad rating is verified, rectified and the citizen called back, within a
// deadline in working days; or appealed as malicious/mistaken and, if a manager agrees, excluded.
export const FOLLOW_UP_STATES = [
  'OPEN',
  'VERIFIED',
  'RECTIFIED',
  'CALLED_BACK',
  'CLOSED',
  'APPEALED',
  'EXCLUDED',
] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];
/** NO_CONTACT (无法回访) is the only outcome of an anonymous rating, and never that of a real-name one. */
export const CALLBACK_OUTCOMES = ['SATISFIED', 'UNSATISFIED', 'UNREACHABLE', 'NO_CONTACT'] as const;
/**
 * GB/T 39734 §9 classes of a bad rating, chosen when it is verified: POLICY (制度政策原因) is
 * answered by an explanation (解释说明) instead of a fix, MISTAKEN (误评/恶意) only by an appeal.
 */
export const BAD_RATING_CLASSES = ['ATTITUDE', 'EFFICIENCY', 'COMPETENCE', 'POLICY', 'MISTAKEN', 'OTHER'] as const;
export type BadRatingClass = (typeof BAD_RATING_CLASSES)[number];
/** How a closed follow-up ended: closure means fixed, so "closed unresolved" is reported apart. */
export const RESOLUTIONS = ['RESOLVED', 'UNRESOLVED'] as const;

const stepSchema = new Schema(
  {
    at: { type: Date, required: true },
    by: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    byName: { type: String, required: true },
    action: { type: String, required: true },
    from: { type: String, required: true },
    to: { type: String, required: true },
    note: { type: String, default: '' },
  },
  { _id: false },
);

/** A photo or PDF (files/evidence.ts) recorded with a verify, rectify or appeal step. */
const attachmentSchema = new Schema(
  {
    file: { type: Schema.Types.ObjectId, required: true },
    contentType: { type: String, required: true },
    action: { type: String, required: true },
    at: { type: Date, required: true },
    byName: { type: String, default: '' },
  },
  { _id: false },
);

const followUpSchema = new Schema(
  {
    rating: { type: Schema.Types.ObjectId, ref: 'Rating', required: true, unique: true },
    /**
     * The code the citizen gets on the thanks screen (PJ-7KQ4-M9XR-2HCW) to follow the fix on a
     * public page: random, so the code alone is the key (the page shows nothing personal).
     */
    trackingCode: {
      type: String,
      required: true,
      unique: true,
      default: () => newTrackingCode(TRACKING_PREFIXES.ratingFix),
    },
    window: { type: Schema.Types.ObjectId, ref: 'Window', required: true },
    department: { type: Schema.Types.ObjectId, ref: 'Department', required: true },
    staff: { type: Schema.Types.ObjectId, ref: 'Staff', default: null },
    level: { type: String, required: true },
    ratedAt: { type: Date, required: true },
    bimonth: { type: String, required: true },
    state: { type: String, enum: FOLLOW_UP_STATES, default: 'OPEN' },
    dueAt: { type: Date, required: true },
    /** Whether the citizen left a phone (real-name): decides which call-back outcomes exist. */
    realName: { type: Boolean, default: false },
    category: { type: String, enum: [...BAD_RATING_CLASSES, null], default: null },
    /** Rectification rounds: a call-back finding the citizen still unsatisfied starts another. */
    rounds: { type: Number, default: 0 },
    resolution: { type: String, enum: [...RESOLUTIONS, null], default: null },
    /** What happened and who was responsible. */
    finding: { type: String, default: '' },
    responsible: { type: String, default: '' },
    /** What was done about it. */
    action: { type: String, default: '' },
    callbackOutcome: { type: String, enum: [...CALLBACK_OUTCOMES, null], default: null },
    callbackNote: { type: String, default: '' },
    appealReason: { type: String, default: '' },
    /** The last moment an appeal may be filed (settings: appealDays working days after the rating). */
    appealDueAt: { type: Date, default: null },
    /** Four eyes: who filed the appeal, and who decided it (never the same person). */
    appealedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    decidedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    decidedByName: { type: String, default: '' },
    decidedAt: { type: Date, default: null },
    attachments: { type: [attachmentSchema], default: [] },
    /** The state an appeal interrupted, to return to when it is turned down. */
    stateBeforeAppeal: { type: String, default: null },
    decisionReason: { type: String, default: '' },
    /** What was done, in words for the public (the citizen's tracking page, 您说，我们改): set on closing. */
    publicResult: { type: String, default: '' },
    closedAt: { type: Date, default: null },
    /** Closed (or excluded) by the deadline. */
    onTime: { type: Boolean, default: null },
    timeline: { type: [stepSchema], default: [] },
  },
  { timestamps: true },
);

followUpSchema.index({ department: 1, state: 1, dueAt: 1 });
followUpSchema.index({ state: 1, dueAt: 1 });
followUpSchema.index({ bimonth: 1, department: 1 });

export type FollowUp = InferSchemaType<typeof followUpSchema> & { _id: Types.ObjectId; createdAt: Date };
export const FollowUpModel = model('FollowUp', followUpSchema, 'follow_ups');
