import { trusted } from 'mongoose';
import { builder } from '../../graphql/builder.js';
import { objectId, optionalText } from '../../graphql/inputs.js';
import { requireUser } from '../accounts/access.js';
import { WindowRef } from '../windows/window.schema.js';
import type { Duty } from './duty.model.js';
import * as duties from './duty.service.js';
import { StaffModel, type Staff } from './staff.model.js';
import { StaffRef } from './staff.schema.js';

const DutyRef = builder.objectRef<Duty>('DutyAssignment').implement({
  description: 'Who sits at which window from when until when (the duty roster)',
  fields: (t) => ({
    id: t.id({ resolve: (d) => String(d._id) }),
    window: t.field({ type: WindowRef, resolve: (d) => String(d.window) }),
    staff: t.field({ type: StaffRef, resolve: (d) => String(d.staff) }),
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
    load: async (windowIds: string[]) => {
      const byWindow = await duties.onDutyAt(windowIds, new Date());
      const ids = [...byWindow.values()].flat();
      const staff = await StaffModel.find({ _id: trusted({ $in: ids }) }).lean<Staff[]>();
      const byId = new Map(staff.map((s) => [String(s._id), s]));
      return windowIds.map((w) => (byWindow.get(w) ?? []).flatMap((id) => byId.get(String(id)) ?? []));
    },
    resolve: (w) => String(w._id),
  }),
);

builder.queryField('roster', (t) =>
  t.field({
    type: [DutyRef],
    description: 'Duty assignments, newest first (at most 500)',
    authScopes: { can: 'viewRegistry' },
    args: {
      windowId: t.arg.id({ validate: objectId }),
      staffId: t.arg.id({ validate: objectId }),
      departmentId: t.arg.id({ validate: objectId }),
      at: t.arg({ type: 'DateTime', description: 'Only assignments covering this instant' }),
    },
    resolve: (_, a, ctx) =>
      duties.listDuties(ctx.user, {
        windowId: a.windowId && String(a.windowId),
        staffId: a.staffId && String(a.staffId),
        departmentId: a.departmentId && String(a.departmentId),
        at: a.at,
      }),
  }),
);

builder.mutationFields((t) => ({
  assignDuty: t.field({
    type: DutyRef,
    authScopes: { can: 'editRoster' },
    args: {
      windowId: t.arg.id({ required: true, validate: objectId }),
      staffId: t.arg.id({ required: true, validate: objectId }),
      from: t.arg({ type: 'DateTime', required: true }),
      to: t.arg({ type: 'DateTime' }),
      note: t.arg.string({ validate: optionalText(100) }),
    },
    resolve: (_, a, ctx) =>
      duties.assignDuty(requireUser(ctx.user), { ...a, windowId: String(a.windowId), staffId: String(a.staffId) }),
  }),
  endDuty: t.field({
    type: DutyRef,
    authScopes: { can: 'editRoster' },
    args: { id: t.arg.id({ required: true, validate: objectId }), to: t.arg({ type: 'DateTime', required: true }) },
    resolve: async (_, a, ctx) => (await duties.endDuty(requireUser(ctx.user), String(a.id), a.to))!,
  }),
  deleteDuty: t.boolean({
    authScopes: { can: 'editRoster' },
    args: { id: t.arg.id({ required: true, validate: objectId }) },
    resolve: (_, a, ctx) => duties.deleteDuty(requireUser(ctx.user), String(a.id)),
  }),
}));
