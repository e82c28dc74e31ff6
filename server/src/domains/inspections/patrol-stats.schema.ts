import { builder } from '../../graphql/builder.js';
import { requireUser } from '../accounts/access.js';
import { DepartmentRef } from '../departments/department.schema.js';
import { StaffRef } from '../staff/staff.schema.js';
import { WindowRef } from '../windows/window.schema.js';
import { patrolStatsFilter } from './inspection.inputs.js';
import * as stats from './patrol-stats.service.js';

interface Figures {
  count: number;
  confirmed: number;
  points: number;
}
const PatrolFigures = builder.interfaceRef<Figures>('PatrolFigures').implement({
  fields: (t) => ({
    count: t.exposeInt('count', { description: 'Violations pending or confirmed (dismissed ones do not count)' }),
    confirmed: t.exposeInt('confirmed'),
    points: t.exposeFloat('points', { description: 'Points of the confirmed ones' }),
  }),
});

const StatRow = builder.objectRef<stats.StatRow>('PatrolStatRow').implement({
  interfaces: [PatrolFigures],
  fields: (t) => ({
    id: t.exposeID('id', { nullable: true, description: "The unit's id, or the rule's code; null: nobody on duty" }),
    label: t.exposeString('label', { description: "The rule's label (latest raised)" }),
    department: t.field({ type: DepartmentRef, nullable: true, resolve: (r) => (r.by === 'DEPARTMENT' ? r.id : null) }),
    window: t.field({ type: WindowRef, nullable: true, resolve: (r) => (r.by === 'WINDOW' ? r.id : null) }),
    staff: t.field({ type: StaffRef, nullable: true, resolve: (r) => (r.by === 'STAFF' ? r.id : null) }),
  }),
});

const TrendPoint = builder
  .objectRef<ReturnType<typeof stats.foldDays>[number]>('PatrolTrendPoint')
  .implement({ interfaces: [PatrolFigures], fields: (t) => ({ period: t.exposeString('period') }) });

const PatrolStats = builder.objectRef<Awaited<ReturnType<typeof stats.patrolStats>>>('PatrolStats').implement({
  description: "Violations of a period, as the caller may see them (a liaison: its department's confirmed ones)",
  interfaces: [PatrolFigures],
  fields: (t) => ({
    byDepartment: t.field({ type: [StatRow], resolve: (s) => s.byDepartment }),
    byWindow: t.field({ type: [StatRow], resolve: (s) => s.byWindow }),
    byStaff: t.field({ type: [StatRow], resolve: (s) => s.byStaff }),
    byCode: t.field({ type: [StatRow], description: 'By rule (检查项)', resolve: (s) => s.byCode }),
    trend: t.field({ type: [TrendPoint], description: 'ISO weeks or months with violations', resolve: (s) => s.trend }),
  }),
});

const Timeliness = builder.objectRef<Awaited<ReturnType<typeof stats.roundTimeliness>>>('PatrolTimeliness').implement({
  description: 'How the rounds planned in a period ended',
  fields: (t) => ({
    onTime: t.exposeInt('onTime', { description: 'Submitted by the due time' }),
    late: t.exposeInt('late', { description: 'Submitted after the due time' }),
    overdue: t.exposeInt('overdue', { description: 'Started, past due, not submitted' }),
    missed: t.exposeInt('missed', { description: 'Never started, past due (漏巡)' }),
    open: t.exposeInt('open', { description: 'Not yet due; not in the rate' }),
    due: t.exposeInt('due'),
    onTimeRate: t.exposeFloat('onTimeRate', { description: 'onTime / due' }),
  }),
});

const PeriodEnum = builder.enumType('PatrolInterval', { values: ['WEEK', 'MONTH'] as const });

const FilterInput = builder
  .inputType('PatrolStatsFilter', {
    fields: (t) => ({
      from: t.string({ required: true, description: 'First local day, YYYY-MM-DD' }),
      to: t.string({ required: true, description: 'Last local day, inclusive (at most a year after from)' }),
      departmentId: t.id(),
      interval: t.field({ type: PeriodEnum, description: 'The trend by ISO week (default) or month' }),
    }),
  })
  .validate(patrolStatsFilter);

builder.queryFields((t) => ({
  patrolStats: t.field({
    type: PatrolStats,
    description: "巡查统计: inspectors see what they raised, liaisons their department's confirmed violations",
    authScopes: { can: 'viewViolations' },
    args: { filter: t.arg({ type: FilterInput, required: true }) },
    resolve: (_, { filter }, ctx) => stats.patrolStats(requireUser(ctx.user), filter),
  }),
  patrolTimeliness: t.field({
    type: Timeliness,
    description: 'Rounds planned in the period by how they ended (inspectors: their own and unassigned ones)',
    authScopes: { can: 'runPatrols' },
    args: { filter: t.arg({ type: FilterInput, required: true }) },
    resolve: (_, { filter }, ctx) => stats.roundTimeliness(requireUser(ctx.user), filter),
  }),
}));
