import { Schema, model, type InferSchemaType } from 'mongoose';

export const CASE_STATES = ['SERVED', 'COMPLETED'] as const;
/** Who told the centre of the case: the queue or case system (API), an import, or the window's device. */
export const CASE_SOURCES = ['API', 'IMPORT', 'DEVICE'] as const;

// One case (办件) the centre knows was served at a window: reported by the queue or case system
// (integration API) or imported. Addressed by its normalised case number, so a citizen's typed
// number is looked up by `_id` alone, and a rating binds to a case only when it is here.
const servedCaseSchema = new Schema({
  _id: { type: String }, // the normalised case number (办件编号)
  window: { type: Schema.Types.ObjectId, ref: 'Window', required: true },
  department: { type: Schema.Types.ObjectId, ref: 'Department', required: true },
  /** The staff member who served it, when the reporting system names one. */
  staff: { type: Schema.Types.ObjectId, ref: 'Staff', default: null },
  serviceItem: { type: Schema.Types.ObjectId, ref: 'ServiceItem', default: null },
  state: { type: String, enum: CASE_STATES, required: true },
  servedAt: { type: Date, required: true },
  completedAt: { type: Date, default: null },
  /** Local date (YYYY-MM-DD) it was served: participation figures are per day. */
  day: { type: String, required: true },
  source: { type: String, enum: CASE_SOURCES, required: true },
  /** Who reported it: an API key's id or an import's user. */
  reportedBy: { type: String, required: true },
  /** Set once a rating is bound to it (the rating's clientKey): 一次一评. */
  ratedBy: { type: String, default: null },
  ratedAt: { type: Date, default: null },
});

servedCaseSchema.index({ window: 1, day: 1 });
servedCaseSchema.index({ department: 1, day: 1 });

export type ServedCase = InferSchemaType<typeof servedCaseSchema> & { _id: string };
export const ServedCaseModel = model('ServedCase', servedCaseSchema, 'served_cases');
