import { builder } from '../../graphql/builder.js';
import { validationFailed } from '../../graphql/errors.js';
import { ratingStatsFilter } from '../rating-stats/stats.inputs.js';
import { StaffRef } from '../staff/staff.schema.js';
import { WindowRef } from '../windows/window.schema.js';
import { participation, type ParticipationRow } from './participation.service.js';

// 参评率: participation and integrity figures per window and staff member (issue 16 item 5).

type Figures = Awaited<ReturnType<typeof participation>>;

/** The same counts for a window and for a staff member. */
function rowType(name: string, description: string) {
  return builder.objectRef<ParticipationRow>(name).implement({
    description,
    fields: (t) => ({
      cases: t.exposeInt('cases', { description: 'Cases served (known from the integration or an import)' }),
      rated: t.exposeInt('rated', { description: 'Of them, rated (一次一评)' }),
      rate: t.exposeFloat('rate', { description: 'rated / cases (0 when there were no cases)' }),
      ratings: t.exposeInt('ratings', { description: 'Counted ratings in the period' }),
      unbound: t.exposeInt('unbound', { description: 'Of them, not bound to a served case' }),
    }),
  });
}

const WindowRow = rowType('WindowParticipation', 'A window’s cases served and rated');
builder.objectField(WindowRow, 'window', (t) => t.field({ type: WindowRef, resolve: (r) => r.key! }));
const StaffRow = rowType('StaffParticipation', 'A staff member’s cases served and rated');
builder.objectField(StaffRow, 'staff', (t) =>
  t.field({ type: StaffRef, nullable: true, description: 'Null: cases reported without staff', resolve: (r) => r.key }),
);

const Totals = builder.objectRef<Figures['totals']>('ParticipationTotals').implement({
  fields: (t) => ({
    cases: t.exposeInt('cases'),
    rated: t.exposeInt('rated'),
    rate: t.exposeFloat('rate'),
    ratings: t.exposeInt('ratings'),
    bound: t.exposeInt('bound', { description: 'Ratings bound to a served case' }),
    unbound: t.exposeInt('unbound', {
      description: 'Ratings not bound to a case (QR at the window, typed unknown number)',
    }),
  }),
});

const Steering = builder.objectRef<Figures['steering']>('SteeringFigures').implement({
  description: '工作人员是否要求您给好评？ after good ratings (51号 forbids steering ratings)',
  fields: (t) => ({
    goodRatings: t.exposeInt('goodRatings'),
    answered: t.exposeInt('answered', { description: 'Good ratings whose rater answered the question' }),
    yes: t.exposeInt('yes', { description: 'Answered “yes, the staff asked me”' }),
    yesShare: t.exposeFloat('yesShare', { description: 'yes / answered (0 when none answered)' }),
  }),
});

const Participation = builder.objectRef<Figures>('RatingParticipation').implement({
  fields: (t) => ({
    totals: t.field({ type: Totals, resolve: (p) => p.totals }),
    windows: t.field({ type: [WindowRow], resolve: (p) => p.windows }),
    staff: t.field({ type: [StaffRow], resolve: (p) => p.staff }),
    steering: t.field({ type: Steering, resolve: (p) => p.steering }),
  }),
});

const { shape } = ratingStatsFilter;

builder.queryField('ratingParticipation', (t) =>
  t.field({
    type: Participation,
    description: '参评率: cases served and rated per window and staff; a liaison sees its own department',
    authScopes: { can: 'readRatings' },
    args: {
      from: t.arg.string({ required: true, validate: shape.from }),
      to: t.arg.string({ required: true, validate: shape.to }),
      departmentId: t.arg.id({ validate: shape.departmentId }),
    },
    resolve: (_, a, ctx) => {
      if (a.from > a.to) throw validationFailed([{ path: 'to', message: 'must not be before from' }]);
      return participation(ctx.user, a);
    },
  }),
);
