import { randomInt } from 'node:crypto';
import {
  formatTrackingCode,
  TRACKING_CODE_ALPHABET,
  TRACKING_CODE_LENGTH,
  type TrackingPrefix,
} from '../../../../common/ids.js';

// Tracking codes (their shape: common/ids.ts) are random: guessing one is hopeless, and every
// lookup also needs the contact digits and is rate-limited.

/** A fresh code like TS-7KQ4-M9XR-2HCW (complaints) or PJ-… (a bad rating's follow-up). */
export function newTrackingCode(prefix?: TrackingPrefix): string {
  const symbols = Array.from(
    { length: TRACKING_CODE_LENGTH },
    () => TRACKING_CODE_ALPHABET[randomInt(TRACKING_CODE_ALPHABET.length)]!,
  ).join('');
  return formatTrackingCode(symbols, prefix);
}

/** A 4-digit lookup code for anonymous complaints, which have no phone to take digits from. */
export const newLookupPin = () => String(randomInt(10_000)).padStart(4, '0');
