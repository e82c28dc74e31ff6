import { randomInt } from 'node:crypto';

// Tracking codes are read out over the phone and typed on small keyboards, so the alphabet
// leaves out the look-alikes 0/O, 1/I/L. 12 symbols of 31 are about 59 bits: guessing one is
// hopeless, and every lookup also needs the contact digits and is rate-limited.

export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_LENGTH = 12;
const PREFIX = 'TS'; // 投诉

/** A fresh code like TS-7KQ4-M9XR-2HCW. */
export function newTrackingCode(): string {
  const symbols = Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]!).join('');
  return formatTrackingCode(symbols);
}

function formatTrackingCode(symbols: string) {
  return [PREFIX, symbols.slice(0, 4), symbols.slice(4, 8), symbols.slice(8, 12)].join('-');
}

/**
 * The canonical form of what a citizen typed: case, spaces, dashes and the TS prefix do not
 * matter. Returns null when it cannot be a tracking code at all.
 */
export function normalizeTrackingCode(input: string): string | null {
  let s = input.toUpperCase().replace(/[^0-9A-Z]/g, '');
  if (s.length === CODE_LENGTH + PREFIX.length && s.startsWith(PREFIX)) s = s.slice(PREFIX.length);
  if (s.length !== CODE_LENGTH || [...s].some((c) => !CODE_ALPHABET.includes(c))) return null;
  return formatTrackingCode(s);
}

/** A 4-digit lookup code for anonymous complaints, which have no phone to take digits from. */
export const newLookupPin = () => String(randomInt(10_000)).padStart(4, '0');

/** Mobile numbers (11 digits from 1) or landlines with area code (7–12 digits from 0). */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{9,11}|[2-9]\d{6,7})$/;

export const normalizePhone = (phone: string) => phone.replace(/[\s()-]/g, '');

/** 13812341234 → 138****1234: enough to recognize, not enough to call. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  if (phone.length <= 7) return `${'*'.repeat(phone.length - 4)}${phone.slice(-4)}`;
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}
