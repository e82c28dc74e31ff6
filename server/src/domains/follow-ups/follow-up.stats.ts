import type { PipelineStage } from 'mongoose';
import { BAD_RATING_CLASSES, FollowUpModel, type BadRatingClass } from './follow-up.model.js';

// 差评整改 figures over a set of follow-ups, computed in MongoDB. Closure means fixed: a follow-up
// closed 未解决 counts as closed but not as rectified, and both are reported apart.

const FINISHED = ['CLOSED', 'EXCLUDED'];
const isClosed = { $eq: ['$state', 'CLOSED'] };
const isUnresolved = { $and: [isClosed, { $eq: ['$resolution', 'UNRESOLVED'] }] };
const countIf = (cond: unknown) => ({ $sum: { $cond: [cond, 1, 0] } });

/** Closed resolved (legacy records closed before resolutions existed count as resolved). */
export const resolvedExpr = { $and: [isClosed, { $ne: ['$resolution', 'UNRESOLVED'] }] };
export const unresolvedExpr = isUnresolved;
/** Still open past its deadline at `now`. */
export const overdueExpr = (now: Date) => ({
  $and: [{ $not: [{ $in: ['$state', FINISHED] }] }, { $lt: ['$dueAt', now] }],
});

const rate = (part: number, whole: number) => (whole ? part / whole : 0);

interface Row {
  total: number;
  excluded: number;
  closed: number;
  resolved: number;
  unresolved: number;
  onTime: number;
  overdue: number;
}

/** The summary of the follow-ups `match` selects; 差评整改率 counts only what is closed or past its deadline. */
export async function followUpFigures(match: Record<string, unknown>) {
  const now = new Date();
  const [facet] = await FollowUpModel.aggregate<{ all: Row[]; classes: Array<{ _id: BadRatingClass; n: number }> }>([
    { $match: match },
    {
      $facet: {
        all: [
          {
            $group: {
              _id: null,
              total: { $sum: 1 },
              excluded: countIf({ $eq: ['$state', 'EXCLUDED'] }),
              closed: countIf(isClosed),
              resolved: countIf(resolvedExpr),
              unresolved: countIf(isUnresolved),
              onTime: countIf({ $and: [isClosed, { $eq: ['$onTime', true] }] }),
              overdue: countIf(overdueExpr(now)),
            },
          },
        ],
        classes: [{ $match: { category: { $ne: null } } }, { $group: { _id: '$category', n: { $sum: 1 } } }],
      },
    },
  ] as PipelineStage[]);
  const r = facet?.all[0] ?? { total: 0, excluded: 0, closed: 0, resolved: 0, unresolved: 0, onTime: 0, overdue: 0 };
  const due = r.total - r.excluded;
  return {
    ...r,
    open: due - r.closed,
    rectificationRate: rate(r.resolved, r.closed + r.overdue),
    onTimeRate: rate(r.onTime, r.closed),
    classes: BAD_RATING_CLASSES.map((c) => ({ category: c, count: facet?.classes.find((x) => x._id === c)?.n ?? 0 })),
  };
}
