import { trusted } from 'mongoose';
import { z } from 'zod';
import { builder } from '../../graphql/builder.js';
import { ttlCache } from '../../lib/cache.js';
import { BIMONTH_KEY, bimonthRange, periodKeys } from '../../../../common/periods.js';
import { rankRows } from '../../../../common/ranking.js';
import { DepartmentModel, type Department } from '../departments/department.model.js';
import { FollowUpModel } from '../follow-ups/follow-up.model.js';
import { RatingModel } from '../ratings/rating.model.js';

// The public page (no login): each department's 好评率 and 差评整改率 for a bimonthly period,
// as the center publishes its results. Cached for a minute: anyone may ask, often.

interface Row {
  departmentName: string;
  total: number;
  goodRate: number;
  bad: number;
  rectificationRate: number | null;
  rank: number | null;
}
interface PeriodStats {
  period: string;
  from: string;
  to: string;
  departments: Row[];
}

const CACHE_MS = 60_000;
const cache = ttlCache<PeriodStats>(CACHE_MS);

async function compute(period: string): Promise<PeriodStats> {
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
    FollowUpModel.aggregate<{ _id: unknown; due: number; closed: number }>([
      { $match: { bimonth: period, state: trusted({ $ne: 'EXCLUDED' }) } },
      {
        $group: {
          _id: '$department',
          due: { $sum: 1 },
          closed: { $sum: { $cond: [{ $eq: ['$state', 'CLOSED'] }, 1, 0] } },
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

const periodStats = (period: string) => cache.get(period, () => compute(period));

const PublicRow = builder.objectRef<Row>('PublicDepartmentStats').implement({
  fields: (t) => ({
    departmentName: t.exposeString('departmentName'),
    total: t.exposeInt('total'),
    goodRate: t.exposeFloat('goodRate', { description: '好评率' }),
    bad: t.exposeInt('bad'),
    rectificationRate: t.exposeFloat('rectificationRate', {
      nullable: true,
      description: '差评整改率; null without bad ratings',
    }),
    rank: t.exposeInt('rank', { nullable: true }),
  }),
});

const PublicPeriod = builder.objectRef<PeriodStats>('PublicPeriodStats').implement({
  fields: (t) => ({
    period: t.exposeString('period', { description: 'Bimonth key, e.g. 2026-B6 (Nov–Dec)' }),
    from: t.exposeString('from'),
    to: t.exposeString('to'),
    departments: t.field({ type: [PublicRow], resolve: (p) => p.departments }),
  }),
});

builder.queryField('publicDepartmentStats', (t) =>
  t.field({
    type: PublicPeriod,
    description: "Each department's good-rating and rectification rates for a bimonth (default: the current one)",
    args: { period: t.arg.string({ validate: z.string().regex(BIMONTH_KEY, 'like 2026-B6') }) },
    resolve: (_, a) => periodStats(a.period ?? periodKeys(new Date()).bimonth),
  }),
);
