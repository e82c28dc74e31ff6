import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

export const ROUND_STATUSES = ['PLANNED', 'IN_PROGRESS', 'SUBMITTED'] as const;
/** What a round shows: the stored status, or MISSED / OVERDUE once its due time has passed. */
export const ROUND_STATES = ['PLANNED', 'IN_PROGRESS', 'SUBMITTED', 'MISSED', 'OVERDUE'] as const;
export type RoundState = (typeof ROUND_STATES)[number];

// One walk through the hall (巡查). Scheduled rounds are generated per working day, one per
// configured time ("S1".."S4"); unscheduled ones get a slot "U-<client key>". The unique
// (date, slot) index makes generation idempotent, also across several app instances.
const roundSchema = new Schema(
  {
    /** Local date, YYYY-MM-DD. */
    date: { type: String, required: true },
    slot: { type: String, required: true },
    kind: { type: String, enum: ['SCHEDULED', 'UNSCHEDULED'], required: true },
    plannedAt: { type: Date, required: true },
    /** Not submitted by then: MISSED (never started) or OVERDUE (started). */
    dueAt: { type: Date, required: true },
    inspector: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    inspectorName: { type: String, default: '' },
    status: { type: String, enum: ROUND_STATUSES, default: 'PLANNED' },
    startedAt: { type: Date, default: null },
    submittedAt: { type: Date, default: null },
    note: { type: String, default: '', trim: true },
    /** Set once the violations of a submitted round exist (see raisePending). */
    violationsRaised: { type: Boolean, default: false },
  },
  { timestamps: true },
);

roundSchema.index({ date: 1, slot: 1 }, { unique: true });
roundSchema.index({ plannedAt: 1 });
roundSchema.index({ status: 1, violationsRaised: 1 });

export type Round = InferSchemaType<typeof roundSchema> & { _id: Types.ObjectId };
export const RoundModel = model('PatrolRound', roundSchema, 'patrol_rounds');

export function roundState(r: Pick<Round, 'status' | 'dueAt'>, now = new Date()): RoundState {
  if (r.status === 'PLANNED' && r.dueAt < now) return 'MISSED';
  if (r.status === 'IN_PROGRESS' && r.dueAt < now) return 'OVERDUE';
  return r.status;
}
