import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { ROLES } from '../../../../common/roles.js';

const userSchema = new Schema(
  {
    username: { type: String, required: true, unique: true, lowercase: true, trim: true },
    displayName: { type: String, required: true, trim: true },
    role: { type: String, enum: ROLES, required: true },
    /** The department a DEPARTMENT liaison belongs to; null for center staff. */
    department: { type: Schema.Types.ObjectId, ref: 'Department', default: null },
    passwordHash: { type: String, required: true },
    active: { type: Boolean, default: true },
    lastLoginAt: { type: Date, default: null },
    passwordChangedAt: { type: Date, default: null },
  },
  { timestamps: true },
);

userSchema.index({ role: 1, department: 1 });

export type User = InferSchemaType<typeof userSchema> & { _id: Types.ObjectId };
export const UserModel = model('User', userSchema);
