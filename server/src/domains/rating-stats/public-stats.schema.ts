import { z } from 'zod';
import { BIMONTH_KEY } from '../../../../common/periods.js';
import { builder } from '../../graphql/builder.js';
import { MAX_WORK } from '../../graphql/armor.js';
import { periodStats, type PeriodStats, type Row } from './public-stats.service.js';

// The public page's figures (no login): see public-stats.service.ts.

/** A request may ask for three periods at most (the page asks for one). */
const PUBLIC_STATS_COST = MAX_WORK / 3;

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
    // Two aggregations over a bimonth of ratings and follow-ups, when not cached (graphql/armor.ts).
    extensions: { cost: PUBLIC_STATS_COST },
    resolve: (_, a) => periodStats(a.period),
  }),
);
