import { builder } from '../../graphql/builder.js';
import { refKey } from '../../graphql/loaders.js';
import { pageArgs, pageType } from '../../graphql/pagination.js';
import { canSeeDepartment, requireUser } from '../accounts/access.js';
import { DepartmentRef } from '../departments/department.schema.js';
import { StaffRef } from '../staff/staff.schema.js';
import { WindowRef } from '../windows/window.schema.js';
import { alertStream } from './alert.feed.js';
import { alertFilter, alertMove } from './alert.inputs.js';
import { ALERT_RULES, ALERT_STATES, type Alert } from './alert.model.js';
import * as service from './alert.service.js';

const RuleEnum = builder.enumType('AlertRule', { values: ALERT_RULES });
const AlertStateEnum = builder.enumType('AlertState', { values: ALERT_STATES });

const AlertRef = builder.objectRef<Alert>('Alert').implement({
  description: 'A live alert: many unhappy citizens at a window just now, or one very unhappy one',
  authScopes: (a, ctx) => canSeeDepartment(ctx.user, a.department),
  fields: (t) => ({
    id: t.exposeID('_id'),
    rule: t.field({ type: RuleEnum, resolve: (a) => a.rule }),
    window: t.field({ type: WindowRef, resolve: (a) => refKey(a.window) }),
    department: t.field({ type: DepartmentRef, resolve: (a) => refKey(a.department) }),
    staff: t.field({ type: StaffRef, nullable: true, resolve: (a) => refKey(a.staff) }),
    ratingId: t.exposeID('rating', { nullable: true }),
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
      departmentId: t.arg.id({ validate: alertFilter.shape.departmentId }),
      ...pageArgs(t.arg),
    },
    resolve: (_, a, ctx) => service.pageAlerts(ctx.user, a, a.page, a.pageSize),
  }),
);

builder.mutationFields((t) => {
  const args = {
    id: t.arg.id({ required: true, validate: alertMove.shape.id }),
    note: t.arg.string({ validate: alertMove.shape.note }),
  };
  return {
    acknowledgeAlert: t.field({
      type: AlertRef,
      authScopes: { can: 'handleAlerts' },
      args,
      resolve: (_, a, ctx) => service.moveAlert(requireUser(ctx.user), a.id, 'ACKNOWLEDGED', a.note),
    }),
    closeAlert: t.field({
      type: AlertRef,
      authScopes: { can: 'handleAlerts' },
      args,
      resolve: (_, a, ctx) => service.moveAlert(requireUser(ctx.user), a.id, 'CLOSED', a.note),
    }),
  };
});

builder.subscriptionField('alertRaised', (t) =>
  t.field({
    type: AlertRef,
    description: 'Alerts as they are raised (GraphQL over SSE), limited to what the viewer may see',
    authScopes: { can: 'viewRatingStats' },
    subscribe: (_, __, ctx) => alertStream((a) => canSeeDepartment(ctx.user, a.department), ctx.logger),
    resolve: (a) => a,
  }),
);
