import { createHmac } from 'node:crypto';
import type { Config } from '../../config.js';
import { safeEqual } from '../../lib/crypto.js';

// The rotating QR code a window's device shows for the case being rated: a link to the citizen's
// rating page with ?case=<n>&slot=<t>&m=<kid>.<mac>, where t counts 30-second slots and the MAC
// binds window, case and slot to the QR keys (as the window's printed codes, windows/qr.ts). A
// phone that scans it was at the window within the last half minute or so: a photo of the code
// sent elsewhere stops working after its slot and one of grace.

type Keys = Config['qrKeys'];

export const SLOT_MS = 30_000;
/** Slots a code is accepted after its own: one of grace, for a scan at the turn of a slot. */
export const GRACE_SLOTS = 1;

export const slotAt = (ms: number) => Math.floor(ms / SLOT_MS);

const mac = (secret: string, windowId: string, caseNumber: string, slot: number) =>
  createHmac('sha256', secret).update(`case.${windowId}.${caseNumber}.${slot}`).digest('base64url').slice(0, 22);

export function signCaseQr(keys: Keys, windowId: string, caseNumber: string, slot: number) {
  const key = keys[0]!;
  return `${key.kid}.${mac(key.secret, windowId, caseNumber, slot)}`;
}

export type CaseQrCheck = 'OK' | 'EXPIRED' | 'INVALID';

/**
 * Judges a scanned code at `now`: a forged or altered MAC is INVALID; a genuine one is OK in its
 * slot and the next (and one slot early, so two app instances whose clocks differ by a second
 * agree at a slot's turn: only the server can make a MAC, so an early slot is never a forgery),
 * EXPIRED later.
 */
export function checkCaseQr(
  keys: Keys,
  windowId: string,
  caseNumber: string,
  slot: number,
  given: string,
  now = Date.now(),
): CaseQrCheck {
  const [kid, m] = given.split('.');
  const key = keys.find((k) => k.kid === kid);
  if (!key || !m || !Number.isSafeInteger(slot) || !safeEqual(mac(key.secret, windowId, caseNumber, slot), m))
    return 'INVALID';
  const current = slotAt(now);
  if (slot > current + 1) return 'INVALID';
  return slot < current - GRACE_SLOTS ? 'EXPIRED' : 'OK';
}

/** The link the device shows as a QR code for this case, in this slot. */
export function caseQrUrl(config: Config, windowCode: string, windowId: string, caseNumber: string, now = Date.now()) {
  const slot = slotAt(now);
  const q = new URLSearchParams({
    case: caseNumber,
    slot: String(slot),
    m: signCaseQr(config.qrKeys, windowId, caseNumber, slot),
  });
  return {
    url: `${config.publicBaseUrl}/r/${encodeURIComponent(windowCode)}?${q.toString()}`,
    slot,
    rotatesAt: new Date((slot + 1) * SLOT_MS),
  };
}
