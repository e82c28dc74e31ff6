import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

const departmentSchema = new Schema(
  {
    /** Short code used in item codes and exports, e.g. "GSJ". */
    code: { type: String, required: true, unique: true, uppercase: true, trim: true },
    name: { type: String, required: true, unique: true, trim: true },
    shortName: { type: String, required: true, trim: true },
    sortOrder: { type: Number, default: 0 },
    active: { type: Boolean, default: true },
  },
  { timestamps: true },
);

export type Department = InferSchemaType<typeof departmentSchema> & { _id: Types.ObjectId };
export const DepartmentModel = model('Department', departmentSchema);
