import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

// Cases handled (办件) as the approval system counts them: per department, window (optional) and
// service item, over a range of local dates. The natural key is unique, so importing the same
// file again overwrites the same records and changes nothing.
const caseRecordSchema = new Schema(
  {
    department: { type: Schema.Types.ObjectId, ref: 'Department', required: true },
    /** Null when the approval system counts the department's cases without a window. */
    window: { type: Schema.Types.ObjectId, ref: 'Window', default: null },
    serviceItem: { type: Schema.Types.ObjectId, ref: 'ServiceItem', required: true },
    /** Local dates, YYYY-MM-DD, inclusive. A bulletin counts the records lying inside its period. */
    periodFrom: { type: String, required: true },
    periodTo: { type: String, required: true },
    /** 受理 */
    accepted: { type: Number, required: true, min: 0 },
    /** 办结 */
    completed: { type: Number, required: true, min: 0 },
    /** 按时办结: completed within the promised time limit. */
    onTime: { type: Number, required: true, min: 0 },
    /** 超期: past the promised limit, completed late or still open. */
    overdue: { type: Number, required: true, min: 0 },
    source: { type: String, enum: ['IMPORT', 'MANUAL'], required: true },
    updatedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
  },
  { timestamps: true },
);

caseRecordSchema.index({ department: 1, window: 1, serviceItem: 1, periodFrom: 1, periodTo: 1 }, { unique: true });
caseRecordSchema.index({ periodFrom: 1, periodTo: 1 });

export type CaseRecord = InferSchemaType<typeof caseRecordSchema> & { _id: Types.ObjectId; updatedAt: Date };
export const CaseRecordModel = model('CaseRecord', caseRecordSchema, 'case_records');
