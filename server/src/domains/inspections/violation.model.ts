import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

export const VIOLATION_STATUSES = ['PENDING', 'CONFIRMED', 'DISMISSED'] as const;

// A breach of a rule seen on a round (违规行为). Raised PENDING on submit; a manager confirms or
// dismisses it. Only CONFIRMED violations count in notices, scores and bulletins. The rule's label
// and points are copied so later edits of the rulebook do not rewrite history.
const violationSchema = new Schema(
  {
    round: { type: Schema.Types.ObjectId, ref: 'PatrolRound', required: true },
    finding: { type: Schema.Types.ObjectId, ref: 'PatrolFinding', required: true },
    window: { type: Schema.Types.ObjectId, ref: 'Window', required: true },
    department: { type: Schema.Types.ObjectId, ref: 'Department', required: true },
    /** Who was on duty per the roster; null when nobody was (e.g. hall order at an empty window). */
    staff: { type: Schema.Types.ObjectId, ref: 'Staff', default: null },
    code: { type: String, required: true },
    label: { type: String, required: true },
    points: { type: Number, required: true },
    observedAt: { type: Date, required: true },
    photos: { type: [Schema.Types.ObjectId], default: [] },
    note: { type: String, default: '' },
    raisedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    status: { type: String, enum: VIOLATION_STATUSES, default: 'PENDING' },
    decidedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    decidedAt: { type: Date, default: null },
    reason: { type: String, default: '' },
    /** The notice (通报) that published it; one notice at most. */
    notice: { type: Schema.Types.ObjectId, ref: 'ViolationNotice', default: null },
    /** Dismissed because the department's appeal against the notice succeeded. */
    overturned: { type: Boolean, default: false },
  },
  { timestamps: true },
);

violationSchema.index({ finding: 1, code: 1, staff: 1 }, { unique: true });
violationSchema.index({ status: 1, observedAt: -1 });
violationSchema.index({ department: 1, status: 1, observedAt: -1 });
violationSchema.index({ notice: 1 });

export type Violation = InferSchemaType<typeof violationSchema> & { _id: Types.ObjectId };
export const ViolationModel = model('Violation', violationSchema);
