import { rankRows } from '../../../../common/ranking.js';
import { BAD_LEVELS, GOOD_LEVELS, RATING_LEVELS } from '../../../../common/ratings.js';
import { Types, trusted, type PipelineStage } from 'mongoose';
import type { SessionUser } from '../../graphql/context.js';
import { departmentFilter } from '../accounts/access.js';
import { followUpFigures } from '../follow-ups/follow-up.stats.js';
import { RatingModel } from '../ratings/rating.model.js';
import type { StatsFilter } from './stats.inputs.js';
import { endOfLocalDay, startOfLocalDay } from '../../../../common/time.js';

// Rating analytics, all computed by aggregation in MongoDB over counted ratings (neither suspect
// nor excluded). Periods are local dates; the precomputed day/week/month keys make grouping plain.

const oid = (id: string | null | undefined) => (id ? new Types.ObjectId(id) : undefined);
const rate = (part: number, whole: number) => (whole ? part / whole : 0);

function scope(user: SessionUser | null, f: StatsFilter) {
  return Object.fromEntries(
    Object.entries({
      department: oid(f.departmentId),
      ...departmentFilter(user),
      window: oid(f.windowId),
      staff: oid(f.staffId),
    }).filter(([, v]) => v !== undefined),
  );
}

export function ratingMatch(user: SessionUser | null, f: StatsFilter) {
  return { counted: true, day: trusted({ $gte: f.from, $lte: f.to }), ...scope(user, f) };
}

const COUNTS = {
  total: { $sum: 1 },
  good: { $sum: { $cond: ['$good', 1, 0] } },
  bad: { $sum: { $cond: ['$negative', 1, 0] } },
};

interface Counts {
  total: number;
  good: number;
  bad: number;
}
const withRates = <T extends Counts>(c: T) => ({
  ...c,
  goodRate: rate(c.good, c.total),
  badRate: rate(c.bad, c.total),
});

export async function summary(user: SessionUser | null, f: StatsFilter) {
  const rows = await RatingModel.aggregate<{ _id: string; n: number }>([
    { $match: ratingMatch(user, f) },
    { $group: { _id: '$level', n: { $sum: 1 } } },
  ]);
  const byLevel = RATING_LEVELS.map((level) => ({ level, count: rows.find((r) => r._id === level)?.n ?? 0 }));
  const count = (...levels: string[]) =>
    byLevel.filter((l) => levels.includes(l.level)).reduce((n, l) => n + l.count, 0);
  const total = count(...RATING_LEVELS);
  return {
    byLevel,
    ...withRates({
      total,
      good: count(...GOOD_LEVELS),
      bad: count(...BAD_LEVELS),
    }),
    followUps: await followUpSummary(user, f),
  };
}

/** 差评整改 of the period's bad ratings (follow-ups/follow-up.stats.ts). */
export function followUpSummary(user: SessionUser | null, f: StatsFilter) {
  return followUpFigures({
    ratedAt: trusted({ $gte: startOfLocalDay(f.from), $lte: endOfLocalDay(f.to) }),
    ...scope(user, f),
  });
}

export type Interval = 'DAY' | 'WEEK' | 'MONTH';
const INTERVAL_KEY: Record<Interval, string> = { DAY: '$day', WEEK: '$week', MONTH: '$month' };

export async function trend(user: SessionUser | null, f: StatsFilter, interval: Interval) {
  const rows = await RatingModel.aggregate<Counts & { _id: string }>([
    { $match: ratingMatch(user, f) },
    { $group: { _id: INTERVAL_KEY[interval], ...COUNTS } },
    { $sort: { _id: 1 } },
  ]);
  return rows.map((r) => withRates({ period: r._id, total: r.total, good: r.good, bad: r.bad }));
}

export async function heatmap(user: SessionUser | null, f: StatsFilter) {
  const rows = await RatingModel.aggregate<Counts & { _id: { weekday: number; hour: number } }>([
    { $match: ratingMatch(user, f) },
    { $group: { _id: { weekday: '$weekday', hour: '$hour' }, ...COUNTS } },
  ]);
  return rows.map((r) =>
    withRates({ weekday: r._id.weekday, hour: r._id.hour, total: r.total, good: r.good, bad: r.bad }),
  );
}

export type RankBy = 'WINDOW' | 'DEPARTMENT' | 'STAFF';
const RANK_FIELD: Record<RankBy, string> = { WINDOW: 'window', DEPARTMENT: 'department', STAFF: 'staff' };

/**
 * Ranks by good-rating rate, then by fewer bad ratings, then by volume. Equal rates share a rank
 * (1, 2, 2, 4: common/ranking.ts). Units with fewer than `minRatings` come after, unranked.
 */
export async function ranking(user: SessionUser | null, f: StatsFilter, by: RankBy, minRatings: number) {
  const field = RANK_FIELD[by];
  const pipeline: PipelineStage[] = [
    { $match: { ...ratingMatch(user, f), [field]: trusted({ $ne: null }) } },
    { $group: { _id: `$${field}`, ...COUNTS } },
  ];
  const rows = (await RatingModel.aggregate<Counts & { _id: Types.ObjectId }>(pipeline)).map((r) =>
    withRates({ id: String(r._id), total: r.total, good: r.good, bad: r.bad }),
  );
  const ranked = rankRows(
    rows.filter((r) => r.total >= minRatings),
    (a, b) => b.goodRate - a.goodRate || a.badRate - b.badRate || b.total - a.total,
    (a, b) => a.goodRate === b.goodRate && a.badRate === b.badRate,
  );
  const unranked = rows.filter((r) => r.total < minRatings).map((r) => ({ ...r, rank: null as number | null }));
  return [...ranked, ...unranked];
}
