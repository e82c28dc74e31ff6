import { Types, trusted, type PipelineStage } from 'mongoose';
import type { z } from 'zod';
import { periodKeys } from '../../../../common/periods.js';
import { CENTER_UTC_OFFSET_MS, endOfLocalDay, localInstant, startOfLocalDay } from '../../../../common/time.js';
import type { SessionUser } from '../../graphql/context.js';
import type { patrolStatsFilter } from './inspection.inputs.js';
import { RoundModel } from './round.model.js';
import { visibleTo } from './round.service.js';
import { ViolationModel } from './violation.model.js';
import { violationScope } from './violation.service.js';

// Patrol analytics (巡查统计): violations grouped by department, window, staff and rule, their trend,
// and how punctually rounds were submitted. Everything is aggregated in MongoDB; the caller's
// visibility is the violations list's own (a liaison: its department's confirmed ones).

export type PatrolStatsFilter = z.output<typeof patrolStatsFilter>;
export type StatGroup = 'DEPARTMENT' | 'WINDOW' | 'STAFF' | 'CODE';
export type PatrolInterval = 'WEEK' | 'MONTH';

const GROUP_FIELD: Record<StatGroup, string> = {
  DEPARTMENT: '$department',
  WINDOW: '$window',
  STAFF: '$staff',
  CODE: '$code',
};

/** Dismissed violations do not count: they were judged not to be breaches. */
function violationMatch(user: SessionUser, f: PatrolStatsFilter) {
  return {
    status: trusted({ $ne: 'DISMISSED' }),
    observedAt: trusted({ $gte: startOfLocalDay(f.from), $lte: endOfLocalDay(f.to) }),
    ...(f.departmentId ? { department: new Types.ObjectId(f.departmentId) } : {}),
    ...violationScope(user),
  };
}

const FIGURES = {
  count: { $sum: 1 },
  confirmed: { $sum: { $cond: [{ $eq: ['$status', 'CONFIRMED'] }, 1, 0] } },
  points: { $sum: { $cond: [{ $eq: ['$status', 'CONFIRMED'] }, '$points', 0] } },
};

interface Figures {
  count: number;
  confirmed: number;
  points: number;
}
export type StatRow = Figures & { id: string | null; label: string; by: StatGroup };

const groupStage = (by: StatGroup): PipelineStage.FacetPipelineStage[] => [
  { $group: { _id: GROUP_FIELD[by], ...FIGURES, label: { $last: '$label' } } },
  { $sort: { count: -1, points: -1, _id: 1 } },
];

type Grouped = Figures & { _id: Types.ObjectId | string | null; label: string };
type DayRow = Figures & { _id: string };

/** The figures of a period, one facet per grouping plus the local days for the trend. */
export async function patrolStats(user: SessionUser, f: PatrolStatsFilter) {
  const groups = ['DEPARTMENT', 'WINDOW', 'STAFF', 'CODE'] as const;
  // The center's local day of each violation; weeks and months are folded from the days below.
  const day = { $dateToString: { format: '%Y-%m-%d', date: { $add: ['$observedAt', CENTER_UTC_OFFSET_MS] } } };
  const [facets] = await ViolationModel.aggregate<Record<StatGroup | 'days', Grouped[]> & { total: Figures[] }>([
    { $match: violationMatch(user, f) },
    {
      $facet: {
        ...Object.fromEntries(groups.map((g) => [g, groupStage(g)])),
        total: [{ $group: { _id: null, ...FIGURES } }],
        days: [{ $group: { _id: day, ...FIGURES } }],
      },
    },
  ]);
  const rows = (by: StatGroup) =>
    (facets?.[by] ?? []).map((r): StatRow => ({ ...figures(r), id: r._id ? String(r._id) : null, label: r.label, by }));
  return {
    ...figures(facets?.total[0]),
    byDepartment: rows('DEPARTMENT'),
    byWindow: rows('WINDOW'),
    byStaff: rows('STAFF'),
    byCode: rows('CODE'),
    trend: foldDays((facets?.days ?? []) as DayRow[], f.interval),
  };
}

const figures = (r?: Figures): Figures => ({
  count: r?.count ?? 0,
  confirmed: r?.confirmed ?? 0,
  points: r?.points ?? 0,
});

/** Sums local days into ISO weeks or months, in order; periods without violations are left out. */
export function foldDays(days: DayRow[], interval: PatrolInterval) {
  const by = new Map<string, Figures>();
  for (const d of days) {
    const keys = periodKeys(localInstant(d._id, '12:00'));
    const period = interval === 'WEEK' ? keys.week : keys.month;
    const sum = by.get(period) ?? figures();
    by.set(period, {
      count: sum.count + d.count,
      confirmed: sum.confirmed + d.confirmed,
      points: sum.points + d.points,
    });
  }
  return [...by.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([period, s]) => ({ period, ...s }));
}

/**
 * How the rounds planned in the period ended, as far as the caller may see rounds: submitted by
 * their due time, submitted late, started but not submitted past due (overdue), never started
 * past due (missed), and not yet due (open, left out of the on-time rate).
 */
export async function roundTimeliness(user: SessionUser, f: Pick<PatrolStatsFilter, 'from' | 'to'>) {
  const now = new Date();
  const pastDue = { $lt: ['$dueAt', now] };
  const when = (cond: object) => ({ $sum: { $cond: [cond, 1, 0] } });
  const [row] = await RoundModel.aggregate<Record<'onTime' | 'late' | 'overdue' | 'missed' | 'open', number>>([
    { $match: { date: trusted({ $gte: f.from, $lte: f.to }), ...visibleTo(user) } },
    {
      $group: {
        _id: null,
        onTime: when({ $and: [{ $eq: ['$status', 'SUBMITTED'] }, { $lte: ['$submittedAt', '$dueAt'] }] }),
        late: when({ $and: [{ $eq: ['$status', 'SUBMITTED'] }, { $gt: ['$submittedAt', '$dueAt'] }] }),
        overdue: when({ $and: [{ $eq: ['$status', 'IN_PROGRESS'] }, pastDue] }),
        missed: when({ $and: [{ $eq: ['$status', 'PLANNED'] }, pastDue] }),
        open: when({ $and: [{ $ne: ['$status', 'SUBMITTED'] }, { $not: [pastDue] }] }),
      },
    },
  ]);
  const r = { onTime: row?.onTime ?? 0, late: row?.late ?? 0, overdue: row?.overdue ?? 0, missed: row?.missed ?? 0 };
  const due = r.onTime + r.late + r.overdue + r.missed;
  return { ...r, open: row?.open ?? 0, due, onTimeRate: due ? r.onTime / due : 0 };
}
