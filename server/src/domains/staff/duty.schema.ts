import { builder } from '../../graphql/builder.js';
import { objectId } from '../../graphql/inputs.js';
import { refKey } from '../../graphql/loaders.js';
import { requireUser } from '../accounts/access.js';
import { WindowRef } from '../windows/window.schema.js';
import type { Duty } from './duty.model.js';
import * as duties from './duty.service.js';
import { dutyFilter, dutyInput } from './staff.inputs.js';
import { StaffRef } from './staff.schema.js';

const DutyRef = builder.objectRef<Duty>('DutyAssignment').implement({
  description: 'Who sits at which window from when until when (the duty roster)',
  fields: (t) => ({
    id: t.exposeID('_id'),
    window: t.field({ type: WindowRef, resolve: (d) => refKey(d.window) }),
    staff: t.field({ type: StaffRef, resolve: (d) => refKey(d.staff) }),
    from: t.field({ type: 'DateTime', resolve: (d) => d.from }),
    to: t.field({ type: 'DateTime', nullable: true, description: 'Null while open-ended', resolve: (d) => d.to }),
    note: t.exposeString('note'),
  }),
});

// Who is at each window right now, batched over all windows of a request.
builder.objectField(WindowRef, 'onDuty', (t) =>
  t.loadableList({
    type: StaffRef,
    description: 'Staff on duty at this window now, per the roster',
    load: (windowIds: string[]) => duties.staffOnDuty(windowIds, new Date()),
    resolve: (w) => refKey(w._id),
  }),
);

const { shape } = dutyInput;

builder.queryField('roster', (t) =>
  t.field({
    type: [DutyRef],
    description: 'Duty assignments, newest first (at most 500)',
    authScopes: { can: 'viewRegistry' },
    args: {
      windowId: t.arg.id({ validate: dutyFilter.shape.windowId }),
      staffId: t.arg.id({ validate: dutyFilter.shape.staffId }),
      departmentId: t.arg.id({ validate: dutyFilter.shape.departmentId }),
      at: t.arg({ type: 'DateTime', description: 'Only assignments covering this instant' }),
    },
    resolve: (_, a, ctx) => duties.listDuties(ctx.user, a),
  }),
);

builder.mutationFields((t) => ({
  assignDuty: t.field({
    type: DutyRef,
    authScopes: { can: 'editRoster' },
    args: {
      windowId: t.arg.id({ required: true, validate: shape.windowId }),
      staffId: t.arg.id({ required: true, validate: shape.staffId }),
      from: t.arg({ type: 'DateTime', required: true }),
      to: t.arg({ type: 'DateTime' }),
      note: t.arg.string({ validate: shape.note }),
    },
    resolve: (_, a, ctx) => duties.assignDuty(requireUser(ctx.user), a),
  }),
  endDuty: t.field({
    type: DutyRef,
    authScopes: { can: 'editRoster' },
    args: { id: t.arg.id({ required: true, validate: objectId }), to: t.arg({ type: 'DateTime', required: true }) },
    resolve: async (_, a, ctx) => (await duties.endDuty(requireUser(ctx.user), a.id, a.to))!,
  }),
  deleteDuty: t.boolean({
    authScopes: { can: 'editRoster' },
    args: { id: t.arg.id({ required: true, validate: objectId }) },
    resolve: (_, a, ctx) => duties.deleteDuty(requireUser(ctx.user), a.id),
  }),
}));
