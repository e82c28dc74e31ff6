import type { SessionUser } from '../../graphql/context.js';
import { forbidden, notFound } from '../../graphql/errors.js';
import { canSeeDepartment, departmentFilter } from '../accounts/access.js';

// What of a document a department liaison sees. The centre's staff see every document in every
// state. A liaison sees published documents only (drafts do not exist for it), of those only the
// ones addressed to its department, and of each only its own department's part: its rows,
// its receipt, its figures.

/** The department a user is confined to (a liaison's), or null for the centre's staff. */
export const confinedTo = (user: SessionUser): string | null => departmentFilter(user).department?.toString() ?? null;

/** Of a document's department-bound rows, those the user may see. */
export const visibleParts = <T>(user: SessionUser | null, rows: T[], department: (row: T) => unknown) =>
  rows.filter((r) => canSeeDepartment(user, department(r)));

/**
 * The filter of a document list: a liaison's lists hold published documents only and, when
 * `addressees` names the field listing whom a document is addressed to, only its department's.
 */
export function listScope(user: SessionUser, addressees?: string): Record<string, unknown> {
  const own = departmentFilter(user).department;
  if (!own) return {};
  return { status: 'PUBLISHED', ...(addressees ? { [addressees]: own } : {}) };
}

/**
 * A document read by id, or the reason it may not be: NOT_FOUND when it does not exist (or is
 * unpublished, for a liaison), FORBIDDEN when it is addressed to other departments only.
 */
export function readable<T extends { status: string }>(
  user: SessionUser,
  doc: T | null,
  what: string,
  addressees?: (doc: T) => unknown[],
): T {
  const own = confinedTo(user);
  if (!doc || (own && doc.status !== 'PUBLISHED')) throw notFound(what);
  if (own && addressees && !addressees(doc).some((d) => String(d) === own))
    throw forbidden(`this ${what.toLowerCase()}`); // 'this notice', 'this bulletin' are catalogue keys;
  return doc;
}

/**
 * Which department's part of a document a user gets: a liaison always its own (asking for
 * another's is refused); the centre the part it asks for, or the whole document (null).
 */
export function partFor(user: SessionUser, asked?: string | null): string | null {
  const own = confinedTo(user);
  if (own && asked && asked !== own) throw forbidden("another department's part");
  return own ?? asked ?? null;
}
