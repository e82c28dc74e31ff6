import { Types, trusted } from 'mongoose';
import type { SessionUser } from '../../graphql/context.js';
import { paginate, textMatch } from '../../graphql/pagination.js';
import { canSeeComplaint, complaintScope } from './complaint.access.js';
import { overdueFilter } from './complaint.deadlines.js';
import type { ComplaintFilter } from './complaint.inputs.js';
import { ComplaintModel, FINISHED, type Complaint } from './complaint.model.js';
import { normalizeTrackingCode } from '../../../../common/ids.js';

const NEWEST = { createdAt: -1, _id: -1 } as const;
export const EXPORT_LIMIT = 5000;

function searchFilter(q: string | null | undefined) {
  const code = q ? normalizeTrackingCode(q) : null;
  if (code) return { trackingCode: code };
  return textMatch(q, ['description', 'subject.windowCode', 'subject.windowName', 'subject.staffName']);
}

function filterFor(user: SessionUser | null, f: ComplaintFilter) {
  const dept = f.departmentId ? new Types.ObjectId(f.departmentId) : null;
  const clauses: Record<string, unknown>[] = [
    complaintScope(user), // a liaison's own department overrides whatever was asked
    ...(dept ? [{ $or: [{ assignedTo: dept }, { assignedTo: null, 'subject.department': dept }] }] : []),
    ...(f.state ? [{ state: f.state }] : []),
    ...(f.category ? [{ category: f.category }] : []),
    ...(f.overdue ? [overdueFilter()] : []),
    searchFilter(f.search),
  ].filter((c) => Object.keys(c).length);
  return clauses.length ? { $and: clauses } : {};
}

export function pageComplaints(user: SessionUser | null, f: ComplaintFilter, page: number, pageSize: number) {
  return paginate<Complaint>(ComplaintModel, filterFor(user, f), NEWEST, page, pageSize);
}

export function exportComplaints(user: SessionUser | null, f: ComplaintFilter) {
  return ComplaintModel.find(filterFor(user, f)).sort(NEWEST).limit(EXPORT_LIMIT).lean<Complaint[]>();
}

/** How many of the user's complaints are overdue now: the inbox's escalation banner. */
export function countOverdue(user: SessionUser | null) {
  return ComplaintModel.countDocuments({ $and: [complaintScope(user), overdueFilter()] });
}

const DUPLICATE_WINDOW_MS = 7 * 86_400_000;

/**
 * Open complaints that may report the same thing: same window (or, without one, same
 * department) and category, filed within 7 days either side, not already linked.
 */
export async function possibleDuplicates(user: SessionUser | null, c: Complaint) {
  const around = c.createdAt.getTime();
  const found = await ComplaintModel.find({
    _id: trusted({ $ne: c._id }),
    ...(c.subject.window
      ? { 'subject.window': c.subject.window }
      : { 'subject.department': c.subject.department, 'subject.window': null }),
    category: c.category,
    state: trusted({ $nin: FINISHED }),
    duplicateOf: null,
    createdAt: trusted({ $gte: new Date(around - DUPLICATE_WINDOW_MS), $lte: new Date(around + DUPLICATE_WINDOW_MS) }),
  })
    .sort(NEWEST)
    .limit(10)
    .lean<Complaint[]>();
  return found.filter((d) => canSeeComplaint(user, d) && String(c.duplicateOf ?? '') !== String(d._id));
}

/** Complaints linked to this one as its duplicates (those the user may see). */
export async function linkedDuplicates(user: SessionUser | null, c: Complaint) {
  const found = await ComplaintModel.find({ duplicateOf: c._id }).sort(NEWEST).lean<Complaint[]>();
  return found.filter((d) => canSeeComplaint(user, d));
}

/** The original this one duplicates, if the user may see it. */
export async function originalOf(user: SessionUser | null, c: Complaint) {
  if (!c.duplicateOf) return null;
  const original = await ComplaintModel.findById(c.duplicateOf).lean<Complaint>();
  return original && canSeeComplaint(user, original) ? original : null;
}
