import { z } from 'zod';
import { builder } from '../../graphql/builder.js';
import type { SessionUser } from '../../graphql/context.js';
import { DepartmentRef } from '../departments/department.schema.js';
import { StaffRef } from '../staff/staff.schema.js';
import { WindowRef } from '../windows/window.schema.js';
import { RatingLevelEnum } from '../ratings/public.schema.js';
import { BadRatingClassEnum } from '../follow-ups/follow-up.schema.js';
import { ratingStatsFilter, type StatsFilter } from './stats.inputs.js';
import * as stats from './stats.service.js';
import { type RatingLevel } from '../../../../common/ratings.js';

type Parent = { user: SessionUser | null; filter: StatsFilter };
type Summary = Awaited<ReturnType<typeof stats.summary>>;
type Row = Awaited<ReturnType<typeof stats.ranking>>[number];

interface Figures {
  total: number;
  good: number;
  bad: number;
  goodRate: number;
  badRate: number;
}
/** The counts and rates every figure row shares. */
const RatingFigures = builder.interfaceRef<Figures>('RatingFigures').implement({
  fields: (t) => ({
    total: t.exposeInt('total'),
    good: t.exposeInt('good', { description: '非常满意 + 满意' }),
    bad: t.exposeInt('bad', { description: '不满意 + 非常不满意 (差评)' }),
    goodRate: t.exposeFloat('goodRate', { description: '好评率 = good / total' }),
    badRate: t.exposeFloat('badRate', { description: '差评率 = bad / total' }),
  }),
});

const LevelCount = builder.objectRef<{ level: RatingLevel; count: number }>('LevelCount').implement({
  fields: (t) => ({ level: t.field({ type: RatingLevelEnum, resolve: (l) => l.level }), count: t.exposeInt('count') }),
});

const ClassCount = builder.objectRef<Summary['followUps']['classes'][number]>('BadRatingClassCount').implement({
  fields: (t) => ({
    category: t.field({ type: BadRatingClassEnum, resolve: (c) => c.category }),
    count: t.exposeInt('count'),
  }),
});

const FollowUpStats = builder.objectRef<Summary['followUps']>('FollowUpStats').implement({
  fields: (t) => ({
    total: t.exposeInt('total'),
    closed: t.exposeInt('closed', { description: 'closed, resolved or not' }),
    resolved: t.exposeInt('resolved', { description: '办结（已解决）' }),
    unresolved: t.exposeInt('unresolved', { description: '办结（未解决）: closed by a manager with a reason' }),
    classes: t.field({ type: [ClassCount], description: '差评分类 counts', resolve: (f) => f.classes }),
    open: t.exposeInt('open'),
    excluded: t.exposeInt('excluded'),
    overdue: t.exposeInt('overdue'),
    onTime: t.exposeInt('onTime'),
    rectificationRate: t.exposeFloat('rectificationRate', {
      description:
        '差评整改率 = closed resolved / (closed + overdue): items still inside their deadline are not counted',
    }),
    onTimeRate: t.exposeFloat('onTimeRate', { description: 'closed by the deadline / closed' }),
  }),
});

const TrendPoint = builder.objectRef<Awaited<ReturnType<typeof stats.trend>>[number]>('RatingTrendPoint').implement({
  interfaces: [RatingFigures],
  fields: (t) => ({ period: t.exposeString('period') }),
});

const HeatCell = builder.objectRef<Awaited<ReturnType<typeof stats.heatmap>>[number]>('RatingHeatCell').implement({
  interfaces: [RatingFigures],
  fields: (t) => ({ weekday: t.exposeInt('weekday', { description: '1 = Monday' }), hour: t.exposeInt('hour') }),
});

const RankRow = builder.objectRef<Row & { by: stats.RankBy }>('RatingRankRow').implement({
  interfaces: [RatingFigures],
  fields: (t) => ({
    rank: t.exposeInt('rank', { nullable: true, description: 'Null when below the minimum number of ratings' }),
    id: t.exposeID('id'),
    window: t.field({ type: WindowRef, nullable: true, resolve: (r) => (r.by === 'WINDOW' ? r.id : null) }),
    department: t.field({ type: DepartmentRef, nullable: true, resolve: (r) => (r.by === 'DEPARTMENT' ? r.id : null) }),
    staff: t.field({ type: StaffRef, nullable: true, resolve: (r) => (r.by === 'STAFF' ? r.id : null) }),
  }),
});

const IntervalEnum = builder.enumType('StatsInterval', { values: ['DAY', 'WEEK', 'MONTH'] as const });
const RankByEnum = builder.enumType('RankBy', { values: ['WINDOW', 'DEPARTMENT', 'STAFF'] as const });

const RatingStats = builder.objectRef<Parent>('RatingStats').implement({
  description: 'Rating figures for a filter; each part is computed only when asked for',
  fields: (t) => ({
    summary: t.field({
      type: builder.objectRef<Summary>('RatingSummary').implement({
        interfaces: [RatingFigures],
        fields: (s) => ({
          byLevel: s.field({ type: [LevelCount], resolve: (x) => x.byLevel }),
          followUps: s.field({ type: FollowUpStats, resolve: (x) => x.followUps }),
        }),
      }),
      resolve: (p) => stats.summary(p.user, p.filter),
    }),
    trend: t.field({
      type: [TrendPoint],
      args: { interval: t.arg({ type: IntervalEnum, required: true }) },
      resolve: (p, a) => stats.trend(p.user, p.filter, a.interval),
    }),
    heatmap: t.field({
      type: [HeatCell],
      description: 'Weekday × hour',
      resolve: (p) => stats.heatmap(p.user, p.filter),
    }),
    ranking: t.field({
      type: [RankRow],
      args: {
        by: t.arg({ type: RankByEnum, required: true }),
        minRatings: t.arg.int({ required: true, defaultValue: 1, validate: z.number().int().min(1).max(10_000) }),
        limit: t.arg.int({ required: true, defaultValue: 50, validate: z.number().int().min(1).max(500) }),
      },
      resolve: async (p, a) =>
        (await stats.ranking(p.user, p.filter, a.by, a.minRatings)).slice(0, a.limit).map((r) => ({ ...r, by: a.by })),
    }),
  }),
});

const StatsFilterInput = builder
  .inputType('RatingStatsFilter', {
    fields: (t) => ({
      departmentId: t.id(),
      windowId: t.id(),
      staffId: t.id(),
      from: t.string({ required: true, description: 'First local day, YYYY-MM-DD' }),
      to: t.string({ required: true, description: 'Last local day, inclusive' }),
    }),
  })
  .validate(ratingStatsFilter);

builder.queryField('ratingStats', (t) =>
  t.field({
    type: RatingStats,
    authScopes: { can: 'viewRatingStats' },
    args: { filter: t.arg({ type: StatsFilterInput, required: true }) },
    resolve: (_, { filter }, ctx) => ({ user: ctx.user, filter }),
  }),
);
