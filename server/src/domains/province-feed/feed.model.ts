import { Schema, model } from 'mongoose';

// A rating the provincial receiver acknowledged (answered 2xx to its push): what the daily
// reconciliation counts against the ratings stored. One per rating, by its `_id`.
const ackSchema = new Schema({
  _id: { type: String }, // the rating's id (评价编号)
  day: { type: String, required: true }, // the rating's local date
  at: { type: Date, required: true },
});
ackSchema.index({ day: 1 });
export const ProvinceAckModel = model('ProvinceAck', ackSchema, 'province_acks');
