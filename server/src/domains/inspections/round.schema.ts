import { trusted } from 'mongoose';
import { z } from 'zod';
import { builder } from '../../graphql/builder.js';
import { localDay, objectId, optionalText, toObjectId } from '../../graphql/inputs.js';
import { loadByIds } from '../../graphql/loaders.js';
import { requireUser } from '../accounts/access.js';
import { ROUND_STATES, RoundModel, roundState, type Round } from './round.model.js';
import * as run from './round-run.service.js';
import * as service from './round.service.js';
import { ViolationModel } from './violation.model.js';

export const RoundStateEnum = builder.enumType('RoundState', {
  values: Object.fromEntries(ROUND_STATES.map((s) => [s, {}])) as Record<(typeof ROUND_STATES)[number], object>,
});
const RoundKind = builder.enumType('RoundKind', { values: ['SCHEDULED', 'UNSCHEDULED'] as const });

export const RoundRef = builder.loadableObjectRef<Round, string>('PatrolRound', { load: loadByIds<Round>(RoundModel) });

const Inspector = builder.objectRef<{ _id: unknown; displayName: string; role: string }>('Inspector').implement({
  fields: (t) => ({
    id: t.id({ resolve: (u) => String(u._id) }),
    displayName: t.exposeString('displayName'),
  }),
});

RoundRef.implement({
  description: 'One patrol round (巡查) through the hall',
  fields: (t) => ({
    id: t.id({ resolve: (r) => String(r._id) }),
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
    inspectorId: t.id({ nullable: true, resolve: (r) => (r.inspector ? String(r.inspector) : null) }),
    inspectorName: t.exposeString('inspectorName'),
    startedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.startedAt }),
    submittedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.submittedAt }),
    note: t.exposeString('note'),
    violationCount: t.loadable({
      type: 'Int',
      description: 'Violations raised by this round (any status)',
      load: async (ids: string[]) => {
        const rows = await ViolationModel.aggregate<{ _id: unknown; n: number }>([
          { $match: { round: trusted({ $in: ids.map(toObjectId) }) } },
          { $group: { _id: '$round', n: { $sum: 1 } } },
        ]);
        const by = new Map(rows.map((r) => [String(r._id), r.n]));
        return ids.map((id) => by.get(id) ?? 0);
      },
      resolve: (r) => String(r._id),
    }),
  }),
});

builder.queryFields((t) => ({
  patrolRounds: t.field({
    type: [RoundRef],
    description: "Rounds between two local dates (at most 62 days); today's schedule is generated on the way",
    authScopes: { can: 'runPatrols' },
    args: {
      from: t.arg.string({ required: true, validate: localDay }),
      to: t.arg.string({ required: true, validate: localDay }),
      state: t.arg({ type: RoundStateEnum }),
      inspectorId: t.arg.id({ validate: objectId }),
    },
    resolve: (_, a, ctx) =>
      service.listRounds(requireUser(ctx.user), { ...a, inspectorId: a.inspectorId && String(a.inspectorId) }),
  }),
  patrolRound: t.field({
    type: RoundRef,
    authScopes: { can: 'runPatrols' },
    args: { id: t.arg.id({ required: true, validate: objectId }) },
    resolve: (_, a, ctx) => service.getRound(requireUser(ctx.user), String(a.id)),
  }),
  inspectors: t.field({
    type: [Inspector],
    description: 'Who rounds can be assigned to',
    authScopes: { can: 'planPatrols' },
    resolve: () => service.listInspectors(),
  }),
}));

export const clientKey = z.string().regex(/^[\w-]{8,64}$/, '8 to 64 letters, digits, - or _');

builder.mutationFields((t) => ({
  generateRounds: t.int({
    description: 'Creates the scheduled rounds of the working days in the range that are missing; returns how many',
    authScopes: { can: 'planPatrols' },
    args: {
      from: t.arg.string({ required: true, validate: localDay }),
      to: t.arg.string({ required: true, validate: localDay }),
    },
    resolve: (_, a) => service.generateRounds(a.from, a.to),
  }),
  assignRound: t.field({
    type: RoundRef,
    authScopes: { can: 'planPatrols' },
    args: { id: t.arg.id({ required: true, validate: objectId }), inspectorId: t.arg.id({ validate: objectId }) },
    resolve: (_, a) => service.assignRound(String(a.id), a.inspectorId ? String(a.inspectorId) : null),
  }),
  startRound: t.field({
    type: RoundRef,
    authScopes: { can: 'runPatrols' },
    args: { id: t.arg.id({ required: true, validate: objectId }) },
    resolve: (_, a, ctx) => run.startRound(requireUser(ctx.user), String(a.id)),
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
    resolve: (_, a, ctx) => run.submitRound(requireUser(ctx.user), String(a.id), a.note),
  }),
}));
