import { z } from 'zod';
import { builder } from '../../graphql/builder.js';
import { provided } from '../../graphql/inputs.js';
import { requireUser } from '../accounts/access.js';
import { ratingSettings, type RatingSettings } from './rating.settings.js';

type Tag = RatingSettings['negativeTags'][number];

const TagOut = builder.objectRef<Tag>('RatingTagSetting').implement({
  fields: (t) => ({ code: t.exposeString('code'), zh: t.exposeString('zh'), en: t.exposeString('en') }),
});

const TagIn = builder.inputType('RatingTagInput', {
  fields: (t) => ({
    code: t.string({ required: true }),
    zh: t.string({ required: true }),
    en: t.string({ required: true }),
  }),
});

const NUMBERS = [
  'followUpDays',
  'appealDays',
  'ticketMinutes',
  'ticketsPerIpHour',
  'cooldownMinutes',
  'ipLimitPerHour',
  'burstCount',
  'alertWindowMinutes',
  'alertMinRatings',
] as const;

const SettingsOut = builder.objectRef<RatingSettings>('RatingSettings').implement({
  description: 'Rules of rating, follow-up and live alerts',
  fields: (t) => ({
    negativeTags: t.field({ type: [TagOut], resolve: (s) => s.negativeTags }),
    positiveTags: t.field({ type: [TagOut], resolve: (s) => s.positiveTags }),
    ...Object.fromEntries(NUMBERS.map((n) => [n, t.exposeInt(n)])),
    alertNegativeShare: t.exposeFloat('alertNegativeShare'),
    alertOnVeryDissatisfied: t.exposeBoolean('alertOnVeryDissatisfied'),
    regionCode: t.exposeString('regionCode', { description: '行政区划 (GB/T 2260), empty if not set' }),
    askStaffSteering: t.exposeBoolean('askStaffSteering'),
  }),
});

// The settings schema validates the merged result (ranges, tag codes); the input only shapes it.
const SettingsIn = builder.inputType('RatingSettingsInput', {
  fields: (t) => ({
    negativeTags: t.field({ type: [TagIn] }),
    positiveTags: t.field({ type: [TagIn] }),
    ...Object.fromEntries(NUMBERS.map((n) => [n, t.int()])),
    alertNegativeShare: t.float(),
    alertOnVeryDissatisfied: t.boolean(),
    regionCode: t.string(),
    askStaffSteering: t.boolean(),
  }),
});

builder.queryField('ratingSettings', (t) =>
  t.field({ type: SettingsOut, authScopes: { can: 'viewRules' }, resolve: () => ratingSettings.get() }),
);

builder.mutationField('updateRatingSettings', (t) =>
  t.field({
    type: SettingsOut,
    authScopes: { can: 'editRatingSettings' },
    args: {
      input: t
        .arg({ type: SettingsIn, required: true })
        .validate(z.record(z.string(), z.unknown()).transform(provided)),
    },
    resolve: (_, { input }, ctx) => ratingSettings.update(input, requireUser(ctx.user).id),
  }),
);
