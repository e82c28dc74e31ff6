import { Types } from 'mongoose';

/**
 * An id as its 24-hex text, whether it comes from the client (a string) or from the database (an
 * ObjectId, e.g. a `$group` key); null when there is none.
 */
export function idText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (v instanceof Types.ObjectId) return v.toHexString();
  throw new TypeError(`not an id: ${typeof v}`);
}
