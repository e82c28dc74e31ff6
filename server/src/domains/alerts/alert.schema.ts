import { Types } from 'mongoose';
import { builder } from '../../graphql/builder.js';
import { invalidState, notFound } from '../../graphql/errors.js';
import { objectId, optionalText } from '../../graphql/inputs.js';
import { pageArgs, pageType, paginate } from '../../graphql/pagination.js';
import { assertDepartment, canSeeDepartment, departmentFilter, requireUser } from '../accounts/access.js';
import { DepartmentRef } from '../departments/department.schema.js';
import { StaffRef } from '../staff/staff.schema.js';
import { WindowRef } from '../windows/window.schema.js';
import { alertStream } from './alert.feed.js';
import { ALERT_RULES, ALERT_STATES, AlertModel, type Alert } from './alert.model.js';

const RuleEnum = builder.enumType('AlertRule', { values: ALERT_RULES });
const AlertStateEnum = builder.enumType('AlertState', { values: ALERT_STATES });

const AlertRef = builder.objectRef<Alert>('Alert').implement({
  description: 'A live alert: many unhappy citizens at a window just now, or one very unhappy one',
  authScopes: (a, ctx) => canSeeDepartment(ctx.user, a.department),
  fields: (t) => ({
    id: t.id({ resolve: (a) => String(a._id) }),
    rule: t.field({ type: RuleEnum, resolve: (a) => a.rule }),
    window: t.field({ type: WindowRef, resolve: (a) => String(a.window) }),
    department: t.field({ type: DepartmentRef, resolve: (a) => String(a.department) }),
    staff: t.field({ type: StaffRef, nullable: true, resolve: (a) => (a.staff ? String(a.staff) : null) }),
    ratingId: t.id({ nullable: true, resolve: (a) => (a.rating ? String(a.rating) : null) }),
    total: t.exposeInt('total', { description: 'Ratings at the window within the rule period' }),
    negative: t.exposeInt('negative', { description: 'Of those, bad ones' }),
    minutes: t.exposeInt('minutes'),
    createdAt: t.field({ type: 'DateTime', resolve: (a) => a.createdAt }),
    state: t.field({ type: AlertStateEnum, resolve: (a) => a.state }),
    acknowledgedBy: t.exposeString('acknowledgedBy', { nullable: true }),
    acknowledgedAt: t.field({ type: 'DateTime', nullable: true, resolve: (a) => a.acknowledgedAt }),
    closedBy: t.exposeString('closedBy', { nullable: true }),
    closedAt: t.field({ type: 'DateTime', nullable: true, resolve: (a) => a.closedAt }),
    note: t.exposeString('note'),
  }),
});

const AlertPage = pageType<Alert>('AlertPage', AlertRef);

builder.queryField('alerts', (t) =>
  t.field({
    type: AlertPage,
    description: 'Alerts, newest first',
    authScopes: { can: 'viewRatingStats' },
    args: {
      state: t.arg({ type: AlertStateEnum }),
      departmentId: t.arg.id({ validate: objectId }),
      ...pageArgs(t.arg),
    },
    resolve: (_, a, ctx) =>
      paginate<Alert>(
        AlertModel,
        {
          ...(a.departmentId ? { department: new Types.ObjectId(String(a.departmentId)) } : {}),
          ...departmentFilter(ctx.user),
          ...(a.state ? { state: a.state } : {}),
        },
        { createdAt: -1 },
        a.page,
        a.pageSize,
      ),
  }),
);

async function move(
  id: string,
  ctxUser: Parameters<typeof requireUser>[0],
  to: 'ACKNOWLEDGED' | 'CLOSED',
  note?: string | null,
) {
  const user = requireUser(ctxUser);
  const alert = await AlertModel.findById(id).lean<Alert>();
  if (!alert) throw notFound('Alert');
  assertDepartment(user, alert.department, 'this alert');
  const from = to === 'ACKNOWLEDGED' ? ['OPEN'] : ['OPEN', 'ACKNOWLEDGED'];
  if (!from.includes(alert.state)) throw invalidState(`The alert is already ${alert.state.toLowerCase()}`);
  const stamp =
    to === 'ACKNOWLEDGED'
      ? { acknowledgedAt: new Date(), acknowledgedBy: user.displayName }
      : { closedAt: new Date(), closedBy: user.displayName };
  const updated = await AlertModel.findOneAndUpdate(
    { _id: alert._id, state: alert.state },
    { state: to, ...stamp, ...(note ? { note } : {}) },
    { new: true },
  ).lean<Alert>();
  if (!updated) throw invalidState('The alert changed meanwhile; reload and try again');
  return updated;
}

builder.mutationFields((t) => ({
  acknowledgeAlert: t.field({
    type: AlertRef,
    authScopes: { can: 'handleAlerts' },
    args: { id: t.arg.id({ required: true, validate: objectId }), note: t.arg.string({ validate: optionalText(200) }) },
    resolve: (_, a, ctx) => move(String(a.id), ctx.user, 'ACKNOWLEDGED', a.note),
  }),
  closeAlert: t.field({
    type: AlertRef,
    authScopes: { can: 'handleAlerts' },
    args: { id: t.arg.id({ required: true, validate: objectId }), note: t.arg.string({ validate: optionalText(200) }) },
    resolve: (_, a, ctx) => move(String(a.id), ctx.user, 'CLOSED', a.note),
  }),
}));

builder.subscriptionField('alertRaised', (t) =>
  t.field({
    type: AlertRef,
    description: 'Alerts as they are raised (GraphQL over SSE), limited to what the viewer may see',
    authScopes: { can: 'viewRatingStats' },
    subscribe: (_, __, ctx) => alertStream((a) => canSeeDepartment(ctx.user, a.department), ctx.logger),
    resolve: (a) => a,
  }),
);
