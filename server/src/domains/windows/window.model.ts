import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

const windowSchema = new Schema(
  {
    /** The window's public identifier, printed in its QR code and URL, e.g. "B07". */
    code: { type: String, required: true, unique: true, uppercase: true, trim: true },
    /** Hall zone letter(s) and seat number as signposted, e.g. zone "B", number 7. */
    zone: { type: String, required: true, uppercase: true, trim: true },
    number: { type: Number, required: true, min: 1 },
    name: { type: String, required: true, trim: true },
    department: { type: Schema.Types.ObjectId, ref: 'Department', required: true, index: true },
    serviceItems: { type: [Schema.Types.ObjectId], ref: 'ServiceItem', default: [] },
    active: { type: Boolean, default: true },
    /** Part of the QR signature: bumping it revokes every printed code of this window. */
    qrVersion: { type: Number, default: 1 },
  },
  { timestamps: true },
);

windowSchema.index({ zone: 1, number: 1 });

export type Window = InferSchemaType<typeof windowSchema> & { _id: Types.ObjectId };
export const WindowModel = model('Window', windowSchema);
