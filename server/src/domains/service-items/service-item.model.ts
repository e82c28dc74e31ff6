import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

export const ITEM_CATEGORIES = ['LICENSING', 'NON_LICENSING', 'PUBLIC_SERVICE'] as const;

// 审批服务事项: one kind of application a department handles, with its legal time limit and the
// (shorter) limit the center promises. Limits are in working days; 0 promised means 即办.
const serviceItemSchema = new Schema(
  {
    code: { type: String, required: true, unique: true, uppercase: true, trim: true },
    name: { type: String, required: true, trim: true },
    department: { type: Schema.Types.ObjectId, ref: 'Department', required: true, index: true },
    category: { type: String, enum: ITEM_CATEGORIES, required: true },
    legalDays: { type: Number, required: true, min: 0 },
    promisedDays: { type: Number, required: true, min: 0 },
    /** 基本编码 (GB/T 39046: an..10) and 实施编码 (an..24) of the item in the national catalogue. */
    basicCode: { type: String, default: '' },
    implementationCode: { type: String, default: '' },
    active: { type: Boolean, default: true },
  },
  { timestamps: true },
);

export type ServiceItem = InferSchemaType<typeof serviceItemSchema> & { _id: Types.ObjectId };
export const ServiceItemModel = model('ServiceItem', serviceItemSchema);
