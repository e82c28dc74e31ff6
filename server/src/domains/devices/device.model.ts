import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

// A window's rating device (评价器 / tablet). It holds a random credential that only its sha256
// knows here; every request names the device by that `_id`, so a device costs one lookup.
const deviceSchema = new Schema({
  _id: { type: String }, // sha256 of the credential the device keeps
  window: { type: Schema.Types.ObjectId, ref: 'Window', required: true, index: true },
  department: { type: Schema.Types.ObjectId, ref: 'Department', required: true },
  /** What the admin called it when issuing the pairing code, e.g. "B07 评价器". */
  name: { type: String, required: true, trim: true },
  /** Who issued the pairing code it used. */
  pairedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
  pairedAt: { type: Date, required: true },
  /** Updated at most once a minute (the device polls every two seconds). */
  lastSeenAt: { type: Date, required: true },
  revokedAt: { type: Date, default: null },
  revokedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
});

export type RatingDevice = InferSchemaType<typeof deviceSchema> & { _id: string };
export const RatingDeviceModel = model('RatingDevice', deviceSchema, 'rating_devices');

// A one-time pairing code an admin issued for a window. Stored as a keyed hash of the code as
// `_id`: the device's typed code is found by `_id` alone, and the database never holds the code.
const pairingCodeSchema = new Schema({
  _id: { type: String },
  window: { type: Schema.Types.ObjectId, ref: 'Window', required: true },
  department: { type: Schema.Types.ObjectId, ref: 'Department', required: true },
  name: { type: String, required: true },
  issuedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
  expiresAt: { type: Date, required: true },
});
pairingCodeSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export type PairingCode = InferSchemaType<typeof pairingCodeSchema> & { _id: string };
export const PairingCodeModel = model('DevicePairingCode', pairingCodeSchema, 'device_pairing_codes');

// The case a window's device should offer for rating now: one per window (`_id` = the window),
// written when a case is completed there, read by the device's poll. In MongoDB, not in memory,
// so the instance that heard of the case and the one the device polls need not be the same.
const invitationSchema = new Schema({
  _id: { type: Schema.Types.ObjectId }, // the window
  servedCase: { type: String, required: true },
  createdAt: { type: Date, required: true },
  expiresAt: { type: Date, required: true },
});
invitationSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export type DeviceInvitation = InferSchemaType<typeof invitationSchema> & { _id: Types.ObjectId };
export const DeviceInvitationModel = model('DeviceInvitation', invitationSchema, 'device_invitations');
