// The shapes of the identifiers that cross the API: database ids, the codes citizens read out
// and type, and the keys clients make for idempotent submissions.

/** A MongoDB ObjectId as text: 24 hex digits (what the API's ID fields carry). */
export const OBJECT_ID = /^[a-f0-9]{24}$/i;
/** The same, as a vue-router path parameter pattern, e.g. `:id(${OBJECT_ID_PARAM})`. */
export const OBJECT_ID_PARAM = '[a-f0-9]{24}';
export const isObjectId = (s: string) => OBJECT_ID.test(s);

/** A client's idempotency key for a submission (rating, complaint): a UUID it makes once. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID v4 from 16 random bytes (the caller brings them: crypto.randomUUID needs HTTPS). */
export function uuidFromBytes(b: Uint8Array): string {
  const bytes = Uint8Array.from(b.subarray(0, 16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const h = [...bytes].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A window's code as printed on the counter and in its QR link, e.g. B07. */
export const WINDOW_CODE = /^[A-Z0-9-]{2,16}$/;
/** A case number (办件编号) from the approval system (GB/T 39046: an..50; ours are shorter). */
export const CASE_NUMBER = /^[A-Z0-9-]{4,32}$/;
/** The stored form of a case number: upper case, no spaces, so a typed one matches the system's. */
export const normalizeCaseNumber = (input: string) => input.trim().toUpperCase().replace(/\s+/g, '');

// Complaint tracking codes are read out over the phone and typed on small keyboards, so the
// alphabet leaves out the look-alikes 0/O, 1/I/L. 12 symbols of 31 are about 59 bits.
export const TRACKING_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const TRACKING_CODE_LENGTH = 12;
/** The two-letter prefix says what a code tracks: 投诉 (complaint) or 评价 (a bad rating's follow-up). */
export const TRACKING_PREFIXES = { complaint: 'TS', ratingFix: 'PJ' } as const;
export type TrackingPrefix = (typeof TRACKING_PREFIXES)[keyof typeof TRACKING_PREFIXES];
/** TS-7KQ4-M9XR-2HCW (or PJ-…) from the 12 symbols. */
export const formatTrackingCode = (symbols: string, prefix: TrackingPrefix = TRACKING_PREFIXES.complaint) =>
  [prefix, symbols.slice(0, 4), symbols.slice(4, 8), symbols.slice(8, 12)].join('-');

/**
 * The canonical form of what a citizen typed: case, spaces, dashes and the prefix do not
 * matter. Null when it cannot be a tracking code of that kind at all.
 */
export function normalizeTrackingCode(
  input: string,
  prefix: TrackingPrefix = TRACKING_PREFIXES.complaint,
): string | null {
  let s = input.toUpperCase().replace(/[^0-9A-Z]/g, '');
  if (s.length === TRACKING_CODE_LENGTH + prefix.length && s.startsWith(prefix)) s = s.slice(prefix.length);
  if (s.length !== TRACKING_CODE_LENGTH || [...s].some((c) => !TRACKING_CODE_ALPHABET.includes(c))) return null;
  return formatTrackingCode(s, prefix);
}
