import { builder } from '../../graphql/builder.js';
import { ComplaintCategoryEnum, ComplaintStateEnum } from './complaint-public.schema.js';
import { complaintStatsFilter } from './complaint.inputs.js';
import { complaintStats } from './complaint-stats.service.js';

type Stats = Awaited<ReturnType<typeof complaintStats>>;

const CategoryCount = builder.objectRef<Stats['byCategory'][number]>('ComplaintCategoryCount').implement({
  fields: (t) => ({
    category: t.field({ type: ComplaintCategoryEnum, resolve: (r) => r.category }),
    count: t.exposeInt('count'),
  }),
});
const StateCount = builder.objectRef<Stats['byState'][number]>('ComplaintStateCount').implement({
  fields: (t) => ({
    state: t.field({ type: ComplaintStateEnum, resolve: (r) => r.state }),
    count: t.exposeInt('count'),
  }),
});
const DepartmentCount = builder.objectRef<Stats['byDepartment'][number]>('ComplaintDepartmentCount').implement({
  fields: (t) => ({
    departmentId: t.exposeID('departmentId'),
    name: t.exposeString('name'),
    count: t.exposeInt('count'),
  }),
});

const StatsRef = builder.objectRef<Stats>('ComplaintStats').implement({
  description: 'Complaints filed in a period: counts, reply punctuality, handling time',
  fields: (t) => ({
    total: t.exposeInt('total'),
    open: t.exposeInt('open', { description: 'Not yet closed or rejected' }),
    overdue: t.exposeInt('overdue', { description: 'Past a deadline now' }),
    byCategory: t.field({ type: [CategoryCount], resolve: (s) => s.byCategory }),
    byState: t.field({ type: [StateCount], resolve: (s) => s.byState }),
    byDepartment: t.field({
      type: [DepartmentCount],
      description: 'The 10 departments most complained about',
      resolve: (s) => s.byDepartment,
    }),
    repliesDue: t.exposeInt('repliesDue', { description: 'Answered, or past the reply deadline unanswered' }),
    repliedOnTime: t.exposeInt('repliedOnTime'),
    onTimeReplyRate: t.exposeFloat('onTimeReplyRate', { nullable: true, description: 'repliedOnTime / repliesDue' }),
    closed: t.exposeInt('closed'),
    averageHandlingDays: t.exposeFloat('averageHandlingDays', {
      nullable: true,
      description: 'Filing to closing, in days',
    }),
  }),
});

builder.queryField('complaintStats', (t) =>
  t.field({
    type: StatsRef,
    description: 'Dashboard figures for complaints filed in [from, to); a liaison gets its assigned ones',
    authScopes: { can: 'handleComplaints' },
    args: {
      from: t.arg({ type: 'DateTime' }),
      to: t.arg({ type: 'DateTime' }),
      departmentId: t.arg.id({ validate: complaintStatsFilter.shape.departmentId }),
    },
    resolve: (_, a, ctx) => complaintStats(ctx.user, a),
  }),
);
