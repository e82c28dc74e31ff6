import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

// 窗口工作人员: people seconded by a department to sit at the center's windows. Not accounts:
// most never log in; they are rated, inspected and ranked.
const staffSchema = new Schema(
  {
    staffNo: { type: String, required: true, unique: true, uppercase: true, trim: true },
    name: { type: String, required: true, trim: true },
    department: { type: Schema.Types.ObjectId, ref: 'Department', required: true, index: true },
    /** 岗位, e.g. 首席代表 or 受理员. */
    title: { type: String, default: '', trim: true },
    /** GridFS id of the photo shown to citizens on the rating page. */
    photo: { type: Schema.Types.ObjectId, default: null },
    active: { type: Boolean, default: true },
  },
  { timestamps: true },
);

export type Staff = InferSchemaType<typeof staffSchema> & { _id: Types.ObjectId };
export const StaffModel = model('Staff', staffSchema, 'staff');
