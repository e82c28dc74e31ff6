import { Types } from 'mongoose';
import type { SessionUser } from '../../graphql/context.js';
import { forbidden } from '../../graphql/errors.js';
import { requireUser } from '../accounts/access.js';
import type { Role } from '../accounts/roles.js';
import type { Complaint } from './complaint.model.js';

// Who sees complaints: managers and admins all of them; a department liaison only those assigned
// to its department (not those merely about it: the center decides first); inspectors none, as
// complaints carry citizens' personal data and patrols have no part in handling them.

export const COMPLAINT_MANAGERS: readonly Role[] = ['ADMIN', 'MANAGER'];
export const COMPLAINT_STAFF: readonly Role[] = ['ADMIN', 'MANAGER', 'DEPARTMENT'];

export const isManager = (user: SessionUser | null) => !!user && COMPLAINT_MANAGERS.includes(user.role);

type Assigned = Pick<Complaint, 'assignedTo'>;

export function canSeeComplaint(user: SessionUser | null, c: Assigned): boolean {
  if (!user) return false;
  if (isManager(user)) return true;
  return user.role === 'DEPARTMENT' && !!c.assignedTo && String(c.assignedTo) === user.departmentId;
}

/** Throws FORBIDDEN when the complaint is not the user's to see. */
export function assertComplaint(user: SessionUser | null, c: Assigned) {
  if (!canSeeComplaint(requireUser(user), c)) throw forbidden('this complaint');
}

/** A filter fragment limiting a query to the complaints the user may see. */
export function complaintScope(user: SessionUser | null): { assignedTo?: Types.ObjectId } {
  const u = requireUser(user);
  if (isManager(u)) return {};
  if (u.role === 'DEPARTMENT' && u.departmentId) return { assignedTo: new Types.ObjectId(u.departmentId) };
  throw forbidden('complaints');
}

/** The phone in full is for managers and the liaison who took the complaint on (the call back). */
export function canSeePhone(user: SessionUser | null, c: Pick<Complaint, 'handler'>) {
  return isManager(user) || (!!user && !!c.handler && String(c.handler) === user.id);
}
