import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

export const ALERT_RULES = ['NEGATIVE_SHARE', 'VERY_DISSATISFIED'] as const;
export const ALERT_STATES = ['OPEN', 'ACKNOWLEDGED', 'CLOSED'] as const;

// A live alert on the dashboard: too many unhappy citizens at a window right now, or one very
// unhappy one. Staff acknowledge it (someone is on it) and close it.
const alertSchema = new Schema({
  /** Unique per triggering rating or gate opening, so a retried evaluation raises nothing twice. */
  dedupeKey: { type: String, required: true, unique: true },
  rule: { type: String, enum: ALERT_RULES, required: true },
  window: { type: Schema.Types.ObjectId, ref: 'Window', required: true },
  department: { type: Schema.Types.ObjectId, ref: 'Department', required: true },
  staff: { type: Schema.Types.ObjectId, ref: 'Staff', default: null },
  rating: { type: Schema.Types.ObjectId, ref: 'Rating', default: null },
  /** The figures that fired the rule. */
  total: { type: Number, default: 0 },
  negative: { type: Number, default: 0 },
  minutes: { type: Number, default: 0 },
  createdAt: { type: Date, required: true },
  state: { type: String, enum: ALERT_STATES, default: 'OPEN' },
  acknowledgedAt: { type: Date, default: null },
  acknowledgedBy: { type: String, default: null },
  closedAt: { type: Date, default: null },
  closedBy: { type: String, default: null },
  note: { type: String, default: '' },
});

alertSchema.index({ createdAt: -1 });
alertSchema.index({ state: 1, createdAt: -1 });

export type Alert = InferSchemaType<typeof alertSchema> & { _id: Types.ObjectId };
export const AlertModel = model('Alert', alertSchema);

// "At most one alert of this rule at this window per period": a gate document per rule and
// window, reopened atomically once its time has passed. Works across app instances.
const alertGateSchema = new Schema({
  _id: { type: String }, // rule:window
  until: { type: Date, required: true },
});
export const AlertGateModel = model('AlertGate', alertGateSchema, 'alert_gates');
