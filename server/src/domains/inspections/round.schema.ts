import { builder } from '../../graphql/builder.js';
import { objectId, optionalText } from '../../graphql/inputs.js';
import { loadByIds, refKey } from '../../graphql/loaders.js';
import { requireUser } from '../accounts/access.js';
import { clientKey, roundFilter } from './inspection.inputs.js';
import { ROUND_STATES, RoundModel, roundState, type Round } from './round.model.js';
import * as run from './round-run.service.js';
import * as service from './round.service.js';
import { violationCounts } from './violation.service.js';

export const RoundStateEnum = builder.enumType('RoundState', {
  values: Object.fromEntries(ROUND_STATES.map((s) => [s, {}])) as Record<(typeof ROUND_STATES)[number], object>,
});
const RoundKind = builder.enumType('RoundKind', { values: ['SCHEDULED', 'UNSCHEDULED'] as const });

export const RoundRef = builder.loadableObjectRef<Round, string>('PatrolRound', { load: loadByIds<Round>(RoundModel) });

type InspectorShape = Awaited<ReturnType<typeof service.listInspectors>>[number];
const Inspector = builder.objectRef<InspectorShape>('Inspector').implement({
  fields: (t) => ({
    id: t.exposeID('_id'),
    displayName: t.exposeString('displayName'),
  }),
});

RoundRef.implement({
  description: 'One patrol round (巡查) through the hall',
  fields: (t) => ({
    id: t.exposeID('_id'),
    date: t.exposeString('date', { description: 'Local date, YYYY-MM-DD' }),
    slot: t.exposeString('slot'),
    kind: t.field({ type: RoundKind, resolve: (r) => r.kind }),
    plannedAt: t.field({ type: 'DateTime', resolve: (r) => r.plannedAt }),
    dueAt: t.field({ type: 'DateTime', resolve: (r) => r.dueAt }),
    state: t.field({
      type: RoundStateEnum,
      description: 'MISSED / OVERDUE are derived from the due time',
      resolve: (r) => roundState(r),
    }),
    late: t.boolean({
      description: 'Submitted after its due time',
      resolve: (r) => !!r.submittedAt && r.submittedAt > r.dueAt,
    }),
    inspectorId: t.exposeID('inspector', { nullable: true }),
    inspectorName: t.exposeString('inspectorName'),
    startedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.startedAt }),
    submittedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.submittedAt }),
    note: t.exposeString('note'),
    violationCount: t.loadable({
      type: 'Int',
      description: 'Violations raised by this round (any status)',
      load: (ids: string[]) => violationCounts(ids),
      resolve: (r) => refKey(r._id),
    }),
  }),
});

builder.queryFields((t) => ({
  patrolRounds: t.field({
    type: [RoundRef],
    description: "Rounds between two local dates (at most 62 days); today's schedule is generated on the way",
    authScopes: { can: 'runPatrols' },
    args: {
      from: t.arg.string({ required: true, validate: roundFilter.shape.from }),
      to: t.arg.string({ required: true, validate: roundFilter.shape.to }),
      state: t.arg({ type: RoundStateEnum }),
      inspectorId: t.arg.id({ validate: roundFilter.shape.inspectorId }),
    },
    resolve: (_, a, ctx) => service.listRounds(requireUser(ctx.user), a),
  }),
  patrolRound: t.field({
    type: RoundRef,
    authScopes: { can: 'runPatrols' },
    args: { id: t.arg.id({ required: true, validate: objectId }) },
    resolve: (_, a, ctx) => service.getRound(requireUser(ctx.user), a.id),
  }),
  inspectors: t.field({
    type: [Inspector],
    description: 'Who rounds can be assigned to',
    authScopes: { can: 'planPatrols' },
    resolve: () => service.listInspectors(),
  }),
}));

builder.mutationFields((t) => ({
  generateRounds: t.int({
    description: 'Creates the scheduled rounds of the working days in the range that are missing; returns how many',
    authScopes: { can: 'planPatrols' },
    args: {
      from: t.arg.string({ required: true, validate: roundFilter.shape.from }),
      to: t.arg.string({ required: true, validate: roundFilter.shape.to }),
    },
    resolve: (_, a) => service.generateRounds(a.from, a.to),
  }),
  assignRound: t.field({
    type: RoundRef,
    authScopes: { can: 'planPatrols' },
    args: { id: t.arg.id({ required: true, validate: objectId }), inspectorId: t.arg.id({ validate: objectId }) },
    resolve: (_, a) => service.assignRound(a.id, a.inspectorId ?? null),
  }),
  startRound: t.field({
    type: RoundRef,
    authScopes: { can: 'runPatrols' },
    args: { id: t.arg.id({ required: true, validate: objectId }) },
    resolve: (_, a, ctx) => run.startRound(requireUser(ctx.user), a.id),
  }),
  startUnscheduledRound: t.field({
    type: RoundRef,
    description: 'An unannounced round (不定时), started at once; resending the same clientKey returns the same round',
    authScopes: { can: 'runPatrols' },
    args: {
      clientKey: t.arg.string({ required: true, validate: clientKey }),
      note: t.arg.string({ validate: optionalText(200) }),
    },
    resolve: (_, a, ctx) => run.startUnscheduledRound(requireUser(ctx.user), a.clientKey, a.note),
  }),
  submitRound: t.field({
    type: RoundRef,
    description: 'Ends the round and raises its violations; submitting again returns it unchanged',
    authScopes: { can: 'runPatrols' },
    args: { id: t.arg.id({ required: true, validate: objectId }), note: t.arg.string({ validate: optionalText(500) }) },
    resolve: (_, a, ctx) => run.submitRound(requireUser(ctx.user), a.id, a.note),
  }),
}));
