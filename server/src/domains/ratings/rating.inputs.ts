import { z } from 'zod';
import { CASE_NUMBER } from '../../../../common/ids.js';
import { RATING_LEVELS } from '../../../../common/ratings.js';
import { inputOf, objectId, optionalText, phone, upperCode } from '../../graphql/inputs.js';

// What a client may send about ratings; the schemas attach these, the services take their output.

/** A window's code as the QR link carries it (looked up case-insensitively). */
export const windowCode = z.string().trim().min(1).max(16);
export const qrSignature = z.string().min(3).max(64);

/** The citizen's rating; left-out optional fields arrive as their empty values. */
export const submitRatingInput = inputOf({
  ticket: z.string().min(10).max(64),
  level: z.enum(RATING_LEVELS),
  tags: z
    .array(z.string().max(24))
    .max(10)
    .nullish()
    .transform((t) => t ?? []),
  comment: z
    .string()
    .trim()
    .max(500, 'at most 500 characters')
    .nullish()
    .transform((c) => c ?? ''),
  caseNumber: upperCode(CASE_NUMBER, '4 to 32 letters, digits or -')
    .nullish()
    .transform((c) => c ?? null),
  callbackPhone: phone.nullish().transform((p) => p ?? null),
  clientKey: z.uuid('must be a UUID'),
});
export type SubmitRatingInput = z.output<typeof submitRatingInput>;

/** The rating records' filter, one argument each. */
export const ratingFilter = z.object({
  departmentId: objectId.nullish(),
  windowId: objectId.nullish(),
  staffId: objectId.nullish(),
  level: z.enum(RATING_LEVELS).nullish(),
  suspect: z.boolean().nullish(),
  from: z.date().nullish(),
  to: z.date().nullish(),
});

/** A manager's review of a rating flagged as suspect. */
export const suspectReview = z.object({ id: objectId, genuine: z.boolean(), note: optionalText(200).nullish() });
