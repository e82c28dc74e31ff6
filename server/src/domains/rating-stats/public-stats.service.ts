import { trusted } from 'mongoose';
import { bimonthRange, periodKeys } from '../../../../common/periods.js';
import { rankRows } from '../../../../common/ranking.js';
import { ttlCache } from '../../lib/cache.js';
import { registry } from '../../lib/metrics.js';
import { Counter } from 'prom-client';
import { DepartmentModel, type Department } from '../departments/department.model.js';
import { FollowUpModel } from '../follow-ups/follow-up.model.js';
import { overdueExpr, resolvedExpr } from '../follow-ups/follow-up.stats.js';
import { RatingModel } from '../ratings/rating.model.js';

// The public page (no login): each department's 好评率 and 差评整改率 for a bimonthly period,
// as the center publishes its results. Cached for a minute: anyone may ask, often.

export interface Row {
  departmentName: string;
  total: number;
  goodRate: number;
  bad: number;
  rectificationRate: number | null;
  rank: number | null;
}
export interface PeriodStats {
  period: string;
  from: string;
  to: string;
  departments: Row[];
}

const CACHE_MS = 60_000;
const cache = ttlCache<PeriodStats>(CACHE_MS);

/** Computations done (not answered from the cache): how tests see that aliases share one. */
export const publicStatsComputed = new Counter({
  name: 'wfp_public_stats_computed_total',
  help: 'Public department statistics computed rather than answered from the cache',
  registers: [registry],
});

async function compute(period: string): Promise<PeriodStats> {
  publicStatsComputed.inc();
  const [ratings, followUps, depts] = await Promise.all([
    RatingModel.aggregate<{ _id: unknown; total: number; good: number; bad: number }>([
      { $match: { counted: true, bimonth: period } },
      {
        $group: {
          _id: '$department',
          total: { $sum: 1 },
          good: { $sum: { $cond: ['$good', 1, 0] } },
          bad: { $sum: { $cond: ['$negative', 1, 0] } },
        },
      },
    ]),
    // Only what is closed or past its deadline is due: an item inside its deadline is not late.
    FollowUpModel.aggregate<{ _id: unknown; due: number; closed: number }>([
      { $match: { bimonth: period, state: trusted({ $ne: 'EXCLUDED' }) } },
      {
        $group: {
          _id: '$department',
          due: { $sum: { $cond: [{ $or: [{ $eq: ['$state', 'CLOSED'] }, overdueExpr(new Date())] }, 1, 0] } },
          closed: { $sum: { $cond: [resolvedExpr, 1, 0] } },
        },
      },
    ]),
    DepartmentModel.find({ active: true }).sort({ sortOrder: 1 }).lean<Department[]>(),
  ]);
  const rows = depts.map((d): Row => {
    const r = ratings.find((x) => String(x._id) === String(d._id));
    const f = followUps.find((x) => String(x._id) === String(d._id));
    return {
      departmentName: d.name,
      total: r?.total ?? 0,
      goodRate: r?.total ? r.good / r.total : 0,
      bad: r?.bad ?? 0,
      rectificationRate: f?.due ? f.closed / f.due : null,
      rank: null,
    };
  });
  const ranked = rankRows(
    rows.filter((r) => r.total > 0),
    (a, b) => b.goodRate - a.goodRate || b.total - a.total,
    (a, b) => a.goodRate === b.goodRate,
  );
  return { period, ...bimonthRange(period), departments: [...ranked, ...rows.filter((r) => r.total === 0)] };
}

/** A bimonth's figures (the current one if none is named), computed at most once a minute. */
export const periodStats = (period?: string | null) => {
  const key = period ?? periodKeys(new Date()).bimonth;
  return cache.get(key, () => compute(key));
};
