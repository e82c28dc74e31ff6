import { Schema, model, type InferSchemaType } from 'mongoose';

// Exceptions to "Monday–Friday are working days": public holidays (HOLIDAY) and the weekend days
// China makes into working days around them (调休, WORKDAY). Seeded from the State Council's
// schedule via the chinese-days package; admins add local closures or correct entries.
const calendarDaySchema = new Schema(
  {
    /** Local date in Asia/Shanghai, "YYYY-MM-DD". */
    _id: { type: String },
    kind: { type: String, enum: ['HOLIDAY', 'WORKDAY'], required: true },
    name: { type: String, default: '' },
    source: { type: String, enum: ['chinese-days', 'admin'], required: true },
  },
  { timestamps: true },
);

export type CalendarDay = InferSchemaType<typeof calendarDaySchema> & { _id: string };
export const CalendarDayModel = model('CalendarDay', calendarDaySchema, 'calendar');
