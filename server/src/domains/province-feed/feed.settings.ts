import { z } from 'zod';
import { RATING_LEVELS } from '../../../../common/ratings.js';
import { LOCAL_DATE } from '../../../../common/time.js';
import { defineSettings } from '../settings/settings.store.js';
import { DEFAULT_FIELD_NAMES, DEFAULT_LEVEL_CODES, FEED_FIELDS } from './feed.record.js';

// Where and how the centre's ratings go to the provincial 好差评 system. Provinces differ in their
// interface's field names and in the direction of the satisfaction code (GB/T 39046 A.8 codes
// 1 = 非常满意 … 5 = 非常不满意; some code the reverse), so both are settings.

const fieldName = z.string().regex(/^([A-Za-z_][A-Za-z0-9_]{0,39})?$/, 'letters, digits and _ (empty: left out)');
const levelCode = z.string().regex(/^[0-9A-Za-z]{1,4}$/, '1 to 4 letters or digits');

export const provinceFeedSettings = defineSettings(
  'provinceFeed',
  z
    .object({
      /** Push each rating to the receiver as it comes (off: nothing is queued, exports still work). */
      enabled: z.boolean().default(false),
      url: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]).default(''),
      /** The HMAC key the receiver verifies each push with; at least 16 characters when pushing. */
      secret: z.string().max(200).default(''),
      /** Ratings from this local date on are fed (empty: from the day the feed was switched on). */
      startDate: z.union([z.literal(''), z.string().regex(LOCAL_DATE, 'a date like 2026-03-01')]).default(''),
      fieldNames: z
        .object(Object.fromEntries(FEED_FIELDS.map((f) => [f, fieldName.default(DEFAULT_FIELD_NAMES[f])])))
        .default(DEFAULT_FIELD_NAMES),
      levelCodes: z
        .object(Object.fromEntries(RATING_LEVELS.map((l) => [l, levelCode.default(DEFAULT_LEVEL_CODES[l])])))
        .default(DEFAULT_LEVEL_CODES),
    })
    .refine((s) => !s.enabled || (!!s.url && s.secret.length >= 16), {
      path: ['secret'],
      message: 'pushing needs an address and a signing secret of at least 16 characters',
    })
    // The mapping must read back: one code per level, one name per field.
    .refine((s) => new Set(Object.values(s.levelCodes)).size === RATING_LEVELS.length, {
      path: ['levelCodes'],
      message: 'each level needs a code of its own',
    })
    .refine(
      (s) => {
        const used = Object.values(s.fieldNames).filter(Boolean);
        return new Set(used).size === used.length;
      },
      { path: ['fieldNames'], message: 'each field needs a name of its own' },
    ),
);

export type ProvinceFeedSettings = Awaited<ReturnType<typeof provinceFeedSettings.get>>;
