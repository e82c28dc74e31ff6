import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

// A day's sign-in record (考勤打卡) imported from the center's attendance machine as CSV.
// One per staff member and date: importing the same file again updates, never duplicates.
const signInSchema = new Schema(
  {
    staff: { type: Schema.Types.ObjectId, ref: 'Staff', required: true },
    department: { type: Schema.Types.ObjectId, ref: 'Department', required: true },
    /** Local date, YYYY-MM-DD. */
    date: { type: String, required: true },
    /** Local times "HH:MM"; either may be missing (forgot to sign out). */
    signIn: { type: String, default: null },
    signOut: { type: String, default: null },
  },
  { timestamps: true },
);

signInSchema.index({ staff: 1, date: 1 }, { unique: true });
signInSchema.index({ date: 1, department: 1 });

export type SignIn = InferSchemaType<typeof signInSchema> & { _id: Types.ObjectId };
export const SignInModel = model('SignIn', signInSchema, 'sign_ins');
