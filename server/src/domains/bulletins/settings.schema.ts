import { builder } from '../../graphql/builder.js';
import { editOf } from '../../graphql/inputs.js';
import { requireUser } from '../accounts/access.js';
import { bulletinSettings, bulletinSettingsFields, type BulletinSettings } from './bulletin.settings.js';

// The bulletin's rulebook: weights, deductions, grade bands, escalation and smile-star rules.
const INTS = ['bottomN', 'starMinRatings', 'starCandidates', 'starMax'] as const;
const FLOATS = (Object.keys(bulletinSettingsFields) as Array<keyof BulletinSettings>).filter(
  (k) => !(INTS as readonly string[]).includes(k),
);

const SettingsOut = builder.objectRef<BulletinSettings>('BulletinSettings').implement({
  description: 'How bulletins score, grade and rank (see the README for the formula)',
  fields: (t) => ({
    ...Object.fromEntries(INTS.map((k) => [k, t.exposeInt(k)])),
    ...Object.fromEntries(FLOATS.map((k) => [k, t.exposeFloat(k)])),
  }),
});

const SettingsIn = builder.inputType('BulletinSettingsInput', {
  validate: editOf(bulletinSettingsFields),
  fields: (t) => ({
    ...Object.fromEntries(INTS.map((k) => [k, t.int()])),
    ...Object.fromEntries(FLOATS.map((k) => [k, t.float()])),
  }),
});

builder.queryField('bulletinSettings', (t) =>
  t.field({ type: SettingsOut, authScopes: { can: 'compileBulletins' }, resolve: () => bulletinSettings.get() }),
);

builder.mutationField('updateBulletinSettings', (t) =>
  t.field({
    type: SettingsOut,
    description: 'Applies to bulletins generated from now on; each bulletin keeps the rules it was scored with',
    authScopes: { can: 'compileBulletins' },
    args: { input: t.arg({ type: SettingsIn, required: true }) },
    resolve: (_, { input }, ctx) => {
      const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== undefined));
      return bulletinSettings.update(patch, requireUser(ctx.user).id);
    },
  }),
);
