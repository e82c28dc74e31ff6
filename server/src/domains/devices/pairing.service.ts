import { randomInt } from 'node:crypto';
import { Types, trusted } from 'mongoose';
import { TRACKING_CODE_ALPHABET } from '../../../../common/ids.js';
import type { Config } from '../../config.js';
import type { SessionUser } from '../../graphql/context.js';
import { AppError, invalidState, notFound } from '../../graphql/errors.js';
import { keyedHash, randomToken, sha256 } from '../../lib/crypto.js';
import { WindowModel, type Window } from '../windows/window.model.js';
import { DeviceInvitationModel, PairingCodeModel, RatingDeviceModel, type RatingDevice } from './device.model.js';

// Pairing a window's rating device: an admin issues a one-time code for the window (valid ten
// minutes), someone types it on the device, and the device gets a random credential it keeps in
// localStorage and sends as X-WFP-Device. The admin can revoke a device at any time: its next
// request is refused (DEVICE_REVOKED) and it shows the pairing screen again.

export const PAIRING_MINUTES = 10;
const CODE_LENGTH = 8; // 31^8: about 40 bits, for ten minutes, with attempts limited per address
const SEEN_EVERY_MS = 60_000;

const codeId = (config: Config, symbols: string) => keyedHash(config.secret, 'device-pairing', symbols);

/** The code's symbols as typed (case, spaces and the dash do not matter), or null. */
export function pairingSymbols(input: string) {
  const s = input.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return s.length === CODE_LENGTH && [...s].every((c) => TRACKING_CODE_ALPHABET.includes(c)) ? s : null;
}

export async function issuePairingCode(config: Config, user: SessionUser, windowId: string, name: string | null) {
  const win = await WindowModel.findById(windowId).lean<Window>();
  if (!win) throw notFound('Window');
  if (!win.active) throw invalidState('This window is inactive');
  const symbols = Array.from({ length: CODE_LENGTH }, () => TRACKING_CODE_ALPHABET[randomInt(31)]!).join('');
  const expiresAt = new Date(Date.now() + PAIRING_MINUTES * 60_000);
  await PairingCodeModel.create({
    _id: codeId(config, symbols),
    window: win._id,
    department: win.department,
    name: name?.trim() || `${win.code} 评价器`,
    issuedBy: new Types.ObjectId(user.id),
    expiresAt,
  });
  return { code: `${symbols.slice(0, 4)}-${symbols.slice(4)}`, expiresAt, window: win };
}

const invalidCode = () => new AppError('PAIRING_CODE_INVALID', 'Unknown or expired pairing code');

/** Spends a pairing code (once: it is deleted as it is read) and registers the device. */
export async function pairDevice(config: Config, typed: string) {
  const symbols = pairingSymbols(typed);
  if (!symbols) throw invalidCode();
  const code = await PairingCodeModel.findOneAndDelete({ _id: codeId(config, symbols) }).lean();
  if (!code || code.expiresAt <= new Date()) throw invalidCode();
  const credential = randomToken(32);
  const now = new Date();
  const device = await RatingDeviceModel.create({
    _id: sha256(credential),
    window: code.window,
    department: code.department,
    name: code.name,
    pairedBy: code.issuedBy,
    pairedAt: now,
    lastSeenAt: now,
  });
  return { credential, device: device.toObject<RatingDevice>() };
}

const unpaired = () =>
  new AppError('DEVICE_UNPAIRED', 'This device is not paired with a window', { http: { status: 401 } });

/** The paired, unrevoked device a credential names; otherwise DEVICE_UNPAIRED or DEVICE_REVOKED (401). */
export async function deviceFor(credential: string | undefined): Promise<RatingDevice> {
  if (!credential || credential.length < 20 || credential.length > 100) throw unpaired();
  const device = await RatingDeviceModel.findById(sha256(credential)).lean<RatingDevice>();
  if (!device) throw unpaired();
  if (device.revokedAt)
    throw new AppError('DEVICE_REVOKED', 'This device was revoked; ask an administrator to pair it again', {
      http: { status: 401 },
    });
  const now = new Date();
  if (now.getTime() - device.lastSeenAt.getTime() > SEEN_EVERY_MS)
    await RatingDeviceModel.updateOne({ _id: device._id }, { $set: { lastSeenAt: now } });
  return device;
}

export function listDevices(windowId: string | null) {
  const filter = windowId ? { window: new Types.ObjectId(windowId) } : {};
  return RatingDeviceModel.find(filter).sort({ pairedAt: -1 }).limit(500).lean<RatingDevice[]>();
}

/** Revokes a device for good (pairing again gives it a new credential); revoking twice changes nothing. */
export async function revokeDevice(user: SessionUser, id: string) {
  const device = await RatingDeviceModel.findById(id).lean<RatingDevice>();
  if (!device) throw notFound('Rating device');
  if (device.revokedAt) return device;
  const revoked = { revokedAt: new Date(), revokedBy: new Types.ObjectId(user.id) };
  await RatingDeviceModel.updateOne({ _id: device._id }, { $set: revoked });
  return { ...device, ...revoked };
}

/** Deletes expired pairing codes and invitations (the local engine never applies TTL). */
export async function sweepDevices(now = new Date()) {
  const expired = { expiresAt: trusted({ $lt: now }) };
  await Promise.all([PairingCodeModel.deleteMany(expired), DeviceInvitationModel.deleteMany(expired)]);
}
