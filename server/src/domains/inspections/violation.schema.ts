import { builder } from '../../graphql/builder.js';
import { objectId, optionalText } from '../../graphql/inputs.js';
import { loadByIds, refKey } from '../../graphql/loaders.js';
import { pageArgs, pageType } from '../../graphql/pagination.js';
import { canSeeDepartment, requireUser } from '../accounts/access.js';
import { DepartmentRef } from '../departments/department.schema.js';
import { StaffRef } from '../staff/staff.schema.js';
import { WindowRef } from '../windows/window.schema.js';
import { photoUrl } from './finding.service.js';
import { violationFilter } from './inspection.inputs.js';
import { RoundRef } from './round.schema.js';
import { ViolationModel, type Violation } from './violation.model.js';
import * as service from './violation.service.js';

export const ViolationStatus = builder.enumType('ViolationStatus', {
  values: {
    PENDING: { description: 'Raised by a round, awaiting a manager' },
    CONFIRMED: { description: 'Counts in notices, scores and bulletins' },
    DISMISSED: { description: 'Does not count; the reason says why' },
  },
});

export const ViolationRef = builder.loadableObjectRef<Violation, string>('Violation', {
  load: loadByIds<Violation>(ViolationModel),
});

ViolationRef.implement({
  description: 'A breach of a rule seen on a patrol round (违规行为)',
  authScopes: (v, ctx) => canSeeDepartment(ctx.user, v.department),
  fields: (t) => ({
    id: t.exposeID('_id'),
    round: t.field({ type: RoundRef, resolve: (v) => refKey(v.round) }),
    roundId: t.exposeID('round', { description: "The round that raised it, for a link to the round's report" }),
    window: t.field({ type: WindowRef, resolve: (v) => refKey(v.window) }),
    department: t.field({ type: DepartmentRef, resolve: (v) => refKey(v.department) }),
    staff: t.field({ type: StaffRef, nullable: true, resolve: (v) => refKey(v.staff) }),
    code: t.exposeString('code'),
    label: t.exposeString('label', { description: "The rule's label when it was raised" }),
    points: t.exposeFloat('points'),
    observedAt: t.field({ type: 'DateTime', resolve: (v) => v.observedAt }),
    photoUrls: t.stringList({ resolve: (v) => v.photos.map(photoUrl) }),
    note: t.exposeString('note'),
    status: t.field({ type: ViolationStatus, resolve: (v) => v.status }),
    reason: t.exposeString('reason'),
    decidedAt: t.field({ type: 'DateTime', nullable: true, resolve: (v) => v.decidedAt }),
    overturned: t.exposeBoolean('overturned', {
      description: 'Dismissed because an appeal against its notice succeeded',
    }),
    noticeId: t.exposeID('notice', { nullable: true }),
  }),
});

const ViolationPage = pageType<Violation>('ViolationPage', ViolationRef);

builder.queryFields((t) => ({
  violationPage: t.field({
    type: ViolationPage,
    description: "Newest first. Inspectors see what they raised; liaisons their department's confirmed ones",
    authScopes: { can: 'viewViolations' },
    args: {
      status: t.arg({ type: ViolationStatus }),
      departmentId: t.arg.id({ validate: violationFilter.shape.departmentId }),
      roundId: t.arg.id({ validate: violationFilter.shape.roundId }),
      from: t.arg.string({ validate: violationFilter.shape.from }),
      to: t.arg.string({ validate: violationFilter.shape.to }),
      ...pageArgs(t.arg),
    },
    resolve: (_, a, ctx) => service.pageViolations(requireUser(ctx.user), a, a.page, a.pageSize),
  }),
  violation: t.field({
    type: ViolationRef,
    authScopes: { can: 'viewViolations' },
    args: { id: t.arg.id({ required: true, validate: objectId }) },
    resolve: (_, a, ctx) => service.getViolation(requireUser(ctx.user), a.id),
  }),
}));

const Decision = builder.enumType('ViolationDecision', { values: ['CONFIRMED', 'DISMISSED'] as const });

builder.mutationField('decideViolation', (t) =>
  t.field({
    type: ViolationRef,
    description: 'Confirms or dismisses (with a reason) a pending violation',
    authScopes: { can: 'decideViolations' },
    args: {
      id: t.arg.id({ required: true, validate: objectId }),
      decision: t.arg({ type: Decision, required: true }),
      reason: t.arg.string({ validate: optionalText(200) }),
    },
    resolve: (_, a, ctx) => service.decideViolation(requireUser(ctx.user), a.id, a.decision, a.reason),
  }),
);
