import { Types } from 'mongoose';
import { isLiaison } from '../../../../common/roles.js';
import type { SessionUser } from '../../graphql/context.js';
import { forbidden, unauthenticated } from '../../graphql/errors.js';

// Role gates live in Pothos scopes; this is the second gate: a DEPARTMENT liaison only ever sees
// and touches its own department's records. Lists are filtered, by-id lookups are refused.

export function requireUser(user: SessionUser | null): SessionUser {
  if (!user) throw unauthenticated();
  return user;
}

/** A filter fragment that limits a query to what the user may see. */
export function departmentFilter(user: SessionUser | null): { department?: Types.ObjectId } {
  const u = requireUser(user);
  return isLiaison(u.role) ? { department: new Types.ObjectId(u.departmentId ?? undefined) } : {};
}

export function canSeeDepartment(user: SessionUser | null, departmentId: unknown): boolean {
  if (!user) return false;
  if (!isLiaison(user.role)) return true;
  return !!user.departmentId && String(departmentId) === user.departmentId;
}

/** Throws FORBIDDEN when a liaison reaches for another department's record. */
export function assertDepartment(user: SessionUser | null, departmentId: unknown, what = 'this record') {
  if (!canSeeDepartment(requireUser(user), departmentId)) throw forbidden(what);
}
