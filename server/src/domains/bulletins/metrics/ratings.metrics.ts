import { FollowUpModel } from '../../follow-ups/follow-up.model.js';
import { resolvedExpr, unresolvedExpr } from '../../follow-ups/follow-up.stats.js';
import { RatingModel } from '../../ratings/rating.model.js';
import { countIf, groupCells } from './cells.js';
import type { Frame } from './figures.js';
import { endOfLocalDay, startOfLocalDay } from '../../../../../common/time.js';

const BIMONTH = /^\d{4}-B[1-6]$/;

/**
 * Counted ratings (neither suspect nor excluded) of both periods in one pass, by unit and month.
 * Two bimonths match on the stored `bimonth` key; any other period on the local `day` key.
 */
export function ratingCells(f: Frame) {
  const byBimonth = BIMONTH.test(f.current.key) && BIMONTH.test(f.previous.key);
  const match = byBimonth
    ? { counted: true, bimonth: { $in: [f.previous.key, f.current.key] } }
    : { counted: true, day: { $gte: f.previous.from, $lte: f.current.to } };
  const current = byBimonth ? { $eq: ['$bimonth', f.current.key] } : { $gte: ['$day', f.current.from] };
  return groupCells(
    RatingModel,
    [{ $match: match }],
    { department: '$department', window: '$window', staff: '$staff', current, month: '$month' },
    { ratings: { $sum: 1 }, good: countIf('$good'), bad: countIf('$negative') },
  );
}

/**
 * 差评整改: the follow-ups of the periods' bad ratings; excluded ones (approved appeals) are not
 * due. Late: closed after the deadline, or still open past it at `now`.
 */
export function followUpCells(f: Frame, now: Date) {
  const start = startOfLocalDay(f.current.from);
  const closed = { $eq: ['$state', 'CLOSED'] };
  return groupCells(
    FollowUpModel,
    [{ $match: { ratedAt: { $gte: startOfLocalDay(f.previous.from), $lte: endOfLocalDay(f.current.to) } } }],
    { department: '$department', window: '$window', staff: '$staff', current: { $gte: ['$ratedAt', start] } },
    {
      followUps: countIf({ $ne: ['$state', 'EXCLUDED'] }),
      followUpsClosed: countIf(closed),
      followUpsResolved: countIf(resolvedExpr),
      followUpsUnresolved: countIf(unresolvedExpr),
      followUpsOnTime: countIf({ $and: [closed, { $eq: ['$onTime', true] }] }),
      followUpsLate: countIf({
        $or: [
          { $and: [closed, { $eq: ['$onTime', false] }] },
          { $and: [{ $not: [{ $in: ['$state', ['CLOSED', 'EXCLUDED']] }] }, { $lt: ['$dueAt', now] }] },
        ],
      }),
    },
  );
}
