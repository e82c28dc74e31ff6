import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

// The duty roster: who sits at which window from when until when (open-ended while `to` is null).
// A rating or a patrol finding is attributed to whoever was on duty at that instant.
const dutySchema = new Schema(
  {
    window: { type: Schema.Types.ObjectId, ref: 'Window', required: true },
    staff: { type: Schema.Types.ObjectId, ref: 'Staff', required: true },
    department: { type: Schema.Types.ObjectId, ref: 'Department', required: true, index: true },
    from: { type: Date, required: true },
    to: { type: Date, default: null },
    note: { type: String, default: '', trim: true },
  },
  { timestamps: true },
);

dutySchema.index({ window: 1, from: -1 });
dutySchema.index({ staff: 1, from: -1 });

export type Duty = InferSchemaType<typeof dutySchema> & { _id: Types.ObjectId };
export const DutyModel = model('Duty', dutySchema, 'duty_roster');
