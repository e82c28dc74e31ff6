import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

export const PRESENCES = ['ON_POST', 'AWAY', 'ABSENT'] as const;

const markSchema = new Schema(
  {
    staff: { type: Schema.Types.ObjectId, ref: 'Staff', required: true },
    presence: { type: String, enum: PRESENCES, required: true },
    /** Why someone is away (e.g. 取材料); away with a reason is excused. */
    reason: { type: String, default: '', trim: true },
  },
  { _id: false },
);

const failureSchema = new Schema(
  {
    code: { type: String, required: true },
    staff: { type: Schema.Types.ObjectId, ref: 'Staff', default: null },
  },
  { _id: false },
);

// What one round saw at one window (巡查记录). Saved as the inspector goes; the phone may resend a
// save after a lost connection, so each save carries the client's key and edit number (`seq`):
// a save is applied only when its seq is newer than the stored one.
const findingSchema = new Schema(
  {
    round: { type: Schema.Types.ObjectId, ref: 'PatrolRound', required: true },
    window: { type: Schema.Types.ObjectId, ref: 'Window', required: true },
    department: { type: Schema.Types.ObjectId, ref: 'Department', required: true },
    observedAt: { type: Date, required: true },
    marks: { type: [markSchema], default: [] },
    /** Checklist items this window failed. */
    failures: { type: [failureSchema], default: [] },
    photos: { type: [Schema.Types.ObjectId], default: [] },
    note: { type: String, default: '', trim: true },
    clientKey: { type: String, required: true },
    seq: { type: Number, required: true },
    savedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    /** Copied from the round on submit: only submitted rounds count for attendance. */
    submitted: { type: Boolean, default: false },
  },
  { timestamps: true },
);

findingSchema.index({ round: 1, window: 1 }, { unique: true });
findingSchema.index({ submitted: 1, observedAt: 1 });

export type Finding = InferSchemaType<typeof findingSchema> & { _id: Types.ObjectId };
export const FindingModel = model('PatrolFinding', findingSchema, 'patrol_findings');
