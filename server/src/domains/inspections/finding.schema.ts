import { builder } from '../../graphql/builder.js';
import { objectId } from '../../graphql/inputs.js';
import { refKey } from '../../graphql/loaders.js';
import { requireUser } from '../accounts/access.js';
import { StaffRef } from '../staff/staff.schema.js';
import { WindowRef } from '../windows/window.schema.js';
import type { Finding } from './finding.model.js';
import * as service from './finding.service.js';
import { findingInput } from './inspection.inputs.js';
import { RoundRef } from './round.schema.js';

const Presence = builder.enumType('Presence', {
  values: {
    ON_POST: { description: '在岗' },
    AWAY: { description: '离岗: with a reason it is excused, without one it is a violation' },
    ABSENT: { description: '缺岗' },
  },
});

type Mark = Finding['marks'][number];
type Failure = Finding['failures'][number];

const MarkRef = builder.objectRef<Mark>('PresenceMark').implement({
  fields: (t) => ({
    staff: t.field({ type: StaffRef, resolve: (m) => refKey(m.staff) }),
    presence: t.field({ type: Presence, resolve: (m) => m.presence }),
    reason: t.exposeString('reason'),
  }),
});

const FailureRef = builder.objectRef<Failure>('ChecklistFailure').implement({
  fields: (t) => ({
    code: t.exposeString('code'),
    staffId: t.exposeID('staff', { nullable: true }),
  }),
});

const FindingRef = builder.objectRef<Finding>('PatrolFinding').implement({
  description: 'What a round saw at one window (巡查记录)',
  fields: (t) => ({
    id: t.exposeID('_id'),
    window: t.field({ type: WindowRef, resolve: (f) => refKey(f.window) }),
    observedAt: t.field({ type: 'DateTime', resolve: (f) => f.observedAt }),
    marks: t.field({ type: [MarkRef], resolve: (f) => f.marks }),
    failures: t.field({ type: [FailureRef], resolve: (f) => f.failures }),
    photoIds: t.exposeIDList('photos'),
    photoUrls: t.stringList({ resolve: (f) => f.photos.map(service.photoUrl) }),
    note: t.exposeString('note'),
    clientKey: t.exposeString('clientKey'),
    seq: t.exposeFloat('seq'),
  }),
});

builder.objectField(RoundRef, 'findings', (t) =>
  t.field({
    type: [FindingRef],
    authScopes: { can: 'runPatrols' },
    resolve: (r, _, ctx) => service.listFindings(requireUser(ctx.user), r._id.toHexString()),
  }),
);

const MarkInput = builder.inputType('PresenceMarkInput', {
  fields: (t) => ({
    staffId: t.id({ required: true }),
    presence: t.field({ type: Presence, required: true }),
    reason: t.string(),
  }),
});

const FailureInput = builder.inputType('ChecklistFailureInput', {
  fields: (t) => ({ code: t.string({ required: true }), staffId: t.id() }),
});

const FindingInput = builder
  .inputType('FindingInput', {
    fields: (t) => ({
      clientKey: t.string({ required: true, description: 'Made by the client per save; resending it changes nothing' }),
      seq: t.float({
        required: true,
        description: "The client's edit number for this window; only a higher one replaces the stored finding",
      }),
      observedAt: t.field({ type: 'DateTime', description: 'When it was seen (a queued save may arrive later)' }),
      marks: t.field({ type: [MarkInput], required: true }),
      failures: t.field({ type: [FailureInput], required: true }),
      photoIds: t.idList({ required: true }),
      note: t.string(),
    }),
  })
  .validate(findingInput);

builder.mutationField('saveFinding', (t) =>
  t.field({
    type: FindingRef,
    description: "Saves a round's finding at one window; idempotent (see FindingInput.seq)",
    authScopes: { can: 'runPatrols' },
    args: {
      roundId: t.arg.id({ required: true, validate: objectId }),
      windowId: t.arg.id({ required: true, validate: objectId }),
      input: t.arg({ type: FindingInput, required: true }),
    },
    resolve: (_, a, ctx) => service.saveFinding(requireUser(ctx.user), a.roundId, a.windowId, a.input),
  }),
);
