import { Types } from 'mongoose';
import { can, isLiaison } from '../../../../common/roles.js';
import type { SessionUser } from '../../graphql/context.js';
import { forbidden } from '../../graphql/errors.js';
import { requireUser } from '../accounts/access.js';
import type { Complaint } from './complaint.model.js';

// Who sees complaints: managers and admins all of them; a department liaison only those assigned
// to its department (not those merely about it: the center decides first); inspectors none, as
// complaints carry citizens' personal data and patrols have no part in handling them.

export const isManager = (user: SessionUser | null) => can(user?.role, 'manageComplaints');

type Assigned = Pick<Complaint, 'assignedTo'>;

export function canSeeComplaint(user: SessionUser | null, c: Assigned): boolean {
  if (!user) return false;
  if (isManager(user)) return true;
  return isLiaison(user.role) && !!c.assignedTo && String(c.assignedTo) === user.departmentId;
}

/** Throws FORBIDDEN when the complaint is not the user's to see. */
export function assertComplaint(user: SessionUser | null, c: Assigned) {
  if (!canSeeComplaint(requireUser(user), c)) throw forbidden('this complaint');
}

/** A filter fragment limiting a query to the complaints the user may see. */
export function complaintScope(user: SessionUser | null): { assignedTo?: Types.ObjectId } {
  const u = requireUser(user);
  if (isManager(u)) return {};
  if (isLiaison(u.role) && u.departmentId) return { assignedTo: new Types.ObjectId(u.departmentId) };
  throw forbidden('complaints');
}

/** The phone in full is for managers and the liaison who took the complaint on (the call back). */
export function canSeePhone(user: SessionUser | null, c: Pick<Complaint, 'handler'>) {
  return isManager(user) || (!!user && !!c.handler && String(c.handler) === user.id);
}
