import { z } from 'zod';
import { localDate } from '../../../../common/time.js';
import { RATING_LEVEL_LABELS, RATING_LEVELS, type RatingLevel } from '../../../../common/ratings.js';
import { builder } from '../../graphql/builder.js';
import { localDay, optionalText } from '../../graphql/inputs.js';
import { requireUser } from '../accounts/access.js';
import { FEED_FIELDS, FIELD_ELEMENTS, type FeedField } from './feed.record.js';
import { catchUp, reconcile } from './feed.service.js';
import { provinceFeedSettings, type ProvinceFeedSettings } from './feed.settings.js';

// The provincial feed's settings (admins) and its daily reconciliation (the centre).

interface FieldRow {
  field: FeedField;
  element: string;
  name: string;
}
interface LevelRow {
  level: RatingLevel;
  label: string;
  code: string;
}

const FieldRef = builder.objectRef<FieldRow>('ProvinceFeedField').implement({
  fields: (t) => ({
    field: t.exposeString('field'),
    element: t.exposeString('element', { description: 'The GB/T 39046 data element it carries' }),
    name: t.exposeString('name', { description: "The province's name for it; empty: left out" }),
  }),
});

const LevelRef = builder.objectRef<LevelRow>('ProvinceFeedLevelCode').implement({
  fields: (t) => ({
    level: t.exposeString('level'),
    label: t.exposeString('label'),
    code: t.exposeString('code'),
  }),
});

const SettingsRef = builder.objectRef<ProvinceFeedSettings>('ProvinceFeedSettings').implement({
  description: 'Where and how ratings go to the provincial 好差评 system (the secret is never read back)',
  fields: (t) => ({
    enabled: t.exposeBoolean('enabled'),
    url: t.exposeString('url'),
    secretSet: t.boolean({ resolve: (s) => s.secret.length > 0 }),
    startDate: t.exposeString('startDate'),
    fields: t.field({
      type: [FieldRef],
      resolve: (s) => FEED_FIELDS.map((f) => ({ field: f, element: FIELD_ELEMENTS[f], name: s.fieldNames[f] ?? '' })),
    }),
    levelCodes: t.field({
      type: [LevelRef],
      resolve: (s) =>
        RATING_LEVELS.map((l) => ({ level: l, label: RATING_LEVEL_LABELS[l].zh, code: s.levelCodes[l] ?? '' })),
    }),
  }),
});

type Reconciliation = Awaited<ReturnType<typeof reconcile>>;
const DayRef = builder.objectRef<Reconciliation['days'][number]>('ProvinceFeedDay').implement({
  fields: (t) => ({
    day: t.exposeString('day'),
    stored: t.exposeInt('stored', { description: 'Counted ratings owed to the province' }),
    acknowledged: t.exposeInt('acknowledged', { description: 'Acknowledged by the receiver' }),
    pending: t.exposeInt('pending', { description: 'Queued, not yet acknowledged' }),
    failed: t.exposeInt('failed', { description: 'Given up after every retry' }),
    difference: t.int({ resolve: (d) => d.stored - d.acknowledged }),
  }),
});
const FailureRef = builder.objectRef<Reconciliation['failures'][number]>('ProvinceFeedFailure').implement({
  fields: (t) => ({
    recordId: t.exposeString('recordId'),
    day: t.exposeString('day'),
    state: t.exposeString('state'),
    attempts: t.exposeInt('attempts'),
    lastError: t.exposeString('lastError'),
    nextAttemptAt: t.field({ type: 'DateTime', resolve: (f) => f.nextAttemptAt }),
  }),
});
const ReconciliationRef = builder.objectRef<Reconciliation>('ProvinceFeedReconciliation').implement({
  fields: (t) => ({
    enabled: t.exposeBoolean('enabled'),
    startDate: t.exposeString('startDate'),
    days: t.field({ type: [DayRef], resolve: (r) => r.days }),
    failures: t.field({
      type: [FailureRef],
      description: 'Records retried or failed, with why',
      resolve: (r) => r.failures,
    }),
  }),
});

const range = z
  .object({ from: localDay, to: localDay })
  .refine((r) => r.from <= r.to, { path: ['to'], message: 'must not be before the start' });

const FieldIn = builder.inputType('ProvinceFeedFieldInput', {
  fields: (t) => ({ field: t.string({ required: true }), name: t.string({ required: true }) }),
});
const LevelIn = builder.inputType('ProvinceFeedLevelCodeInput', {
  fields: (t) => ({ level: t.string({ required: true }), code: t.string({ required: true }) }),
});
const SettingsIn = builder.inputType('ProvinceFeedSettingsInput', {
  fields: (t) => ({
    enabled: t.boolean(),
    url: t.string(),
    secret: t.string({ description: 'Left out: unchanged' }),
    startDate: t.string(),
    fields: t.field({ type: [FieldIn] }),
    levelCodes: t.field({ type: [LevelIn] }),
  }),
});

const settingsInput = z.object({
  enabled: z.boolean().nullish(),
  url: z.string().trim().max(500).nullish(),
  secret: optionalText(200).nullish(),
  startDate: z.string().max(10).nullish(),
  fields: z
    .array(z.object({ field: z.string().pipe(z.enum(FEED_FIELDS)), name: z.string().trim().max(40) }))
    .max(FEED_FIELDS.length)
    .nullish(),
  levelCodes: z
    .array(z.object({ level: z.string().pipe(z.enum(RATING_LEVELS)), code: z.string().trim().max(4) }))
    .max(RATING_LEVELS.length)
    .nullish(),
});

/** The settings after an admin's change: lists merged into the stored maps, the rest as given. */
async function changed(input: z.output<typeof settingsInput>) {
  const s = await provinceFeedSettings.get();
  const patch: Partial<ProvinceFeedSettings> = {};
  if (input.enabled !== null && input.enabled !== undefined) patch.enabled = input.enabled;
  if (input.url !== null && input.url !== undefined) patch.url = input.url;
  if (input.secret) patch.secret = input.secret;
  if (input.startDate !== null && input.startDate !== undefined) patch.startDate = input.startDate;
  // Switched on without a start: from today, fixed, so the days owed do not move with the clock.
  if (patch.enabled && !(patch.startDate ?? s.startDate)) patch.startDate = localDate(new Date());
  if (input.fields)
    patch.fieldNames = { ...s.fieldNames, ...Object.fromEntries(input.fields.map((f) => [f.field, f.name])) };
  if (input.levelCodes)
    patch.levelCodes = { ...s.levelCodes, ...Object.fromEntries(input.levelCodes.map((l) => [l.level, l.code])) };
  return patch;
}

builder.queryFields((t) => ({
  provinceFeedSettings: t.field({
    type: SettingsRef,
    authScopes: { can: 'manageProvinceFeed' },
    resolve: () => provinceFeedSettings.get(),
  }),
  provinceFeedReconciliation: t.field({
    type: ReconciliationRef,
    description: 'Per day: ratings stored against those the provincial receiver acknowledged',
    authScopes: { can: 'viewProvinceFeed' },
    args: { from: t.arg.string({ required: true }), to: t.arg.string({ required: true }) },
    validate: range,
    resolve: (_, a) => reconcile(a.from, a.to),
  }),
}));

builder.mutationFields((t) => ({
  updateProvinceFeedSettings: t.field({
    type: SettingsRef,
    authScopes: { can: 'manageProvinceFeed' },
    args: { input: t.arg({ type: SettingsIn, required: true, validate: settingsInput }) },
    resolve: async (_, a, ctx) =>
      provinceFeedSettings.update(await changed(settingsInput.parse(a.input)), requireUser(ctx.user).id),
  }),
  retryProvinceFeed: t.int({
    description: 'Queues what the receiver has not acknowledged in the range, and retries failures; returns how many',
    authScopes: { can: 'manageProvinceFeed' },
    args: { from: t.arg.string({ required: true }), to: t.arg.string({ required: true }) },
    validate: range,
    resolve: (_, a) => catchUp(a.from, a.to),
  }),
}));
