import { Types } from 'mongoose';
import type { z } from 'zod';
import type { SessionUser } from '../../graphql/context.js';
import { complaintScope } from './complaint.access.js';
import type { complaintStatsFilter } from './complaint.inputs.js';
import { AWAITING_REPLY, CATEGORIES, ComplaintModel, STATES } from './complaint.model.js';

// The dashboard's figures, computed in MongoDB over the complaints filed in a period.

/** Complaints filed in [from, to) about one department (managers); a liaison gets its assigned ones. */
type StatsFilter = z.output<typeof complaintStatsFilter>;

interface Facets {
  byCategory: Array<{ _id: string; count: number }>;
  byState: Array<{ _id: string; count: number }>;
  byDepartment: Array<{ _id: Types.ObjectId; name: string; count: number }>;
  replies: Array<{ _id: boolean; count: number }>;
  lateUnanswered: Array<{ n: number }>;
  overdue: Array<{ n: number }>;
  handling: Array<{ avgMs: number; count: number }>;
}

const DAY_MS = 86_400_000;

// Aggregation stages are not cast by mongoose: ids and dates go in as their BSON types.
function matchFor(user: SessionUser | null, f: StatsFilter) {
  const createdAt = { ...(f.from ? { $gte: f.from } : {}), ...(f.to ? { $lt: f.to } : {}) };
  return {
    ...complaintScope(user),
    ...(f.departmentId ? { 'subject.department': new Types.ObjectId(f.departmentId) } : {}),
    ...(f.from || f.to ? { createdAt } : {}),
  };
}

export async function complaintStats(user: SessionUser | null, f: StatsFilter) {
  const now = new Date();
  const pastReplyDue = { state: { $in: AWAITING_REPLY }, replyDueAt: { $lt: now } };
  const [facets] = await ComplaintModel.aggregate<Facets>([
    { $match: matchFor(user, f) },
    {
      $facet: {
        byCategory: [{ $group: { _id: '$category', count: { $sum: 1 } } }],
        byState: [{ $group: { _id: '$state', count: { $sum: 1 } } }],
        byDepartment: [
          { $group: { _id: '$subject.department', name: { $first: '$subject.departmentName' }, count: { $sum: 1 } } },
          { $sort: { count: -1, name: 1 } },
          { $limit: 10 },
        ],
        replies: [
          { $match: { repliedOnTime: { $ne: null } } },
          { $group: { _id: '$repliedOnTime', count: { $sum: 1 } } },
        ],
        lateUnanswered: [{ $match: { ...pastReplyDue, repliedOnTime: null } }, { $count: 'n' }],
        overdue: [
          { $match: { $or: [{ state: 'RECEIVED', acceptDueAt: { $lt: now } }, pastReplyDue] } },
          { $count: 'n' },
        ],
        handling: [
          { $match: { state: 'CLOSED', closedAt: { $ne: null } } },
          { $group: { _id: null, avgMs: { $avg: { $subtract: ['$closedAt', '$createdAt'] } }, count: { $sum: 1 } } },
        ],
      },
    },
  ]);
  return summarize(facets!);
}

function summarize(f: Facets) {
  const count = (rows: Array<{ _id: unknown; count: number }>, key: unknown) =>
    rows.find((r) => r._id === key)?.count ?? 0;
  const onTime = count(f.replies, true);
  // Replies due: those given (on time or late) and those overdue with no reply yet.
  const due = onTime + count(f.replies, false) + (f.lateUnanswered[0]?.n ?? 0);
  const handling = f.handling[0];
  const byState = STATES.map((state) => ({ state, count: count(f.byState, state) }));
  return {
    total: byState.reduce((n, s) => n + s.count, 0),
    open: byState.filter((s) => s.state !== 'CLOSED' && s.state !== 'REJECTED').reduce((n, s) => n + s.count, 0),
    overdue: f.overdue[0]?.n ?? 0,
    byCategory: CATEGORIES.map((category) => ({ category, count: count(f.byCategory, category) })),
    byState,
    byDepartment: f.byDepartment.map((d) => ({ departmentId: String(d._id), name: d.name, count: d.count })),
    repliesDue: due,
    repliedOnTime: onTime,
    onTimeReplyRate: due ? onTime / due : null,
    closed: handling?.count ?? 0,
    averageHandlingDays: handling ? handling.avgMs / DAY_MS : null,
  };
}
