import { z } from 'zod';
import { editOf, inputOf, localDay, objectId, provided, text } from '../../graphql/inputs.js';

// What a client may send about bulletins, validated at the edge; the services take the parsed
// values (z.infer), so there is no hand-written twin of these shapes.

export const periodInput = inputOf({
  key: z.string().trim().max(40).nullish(),
  from: localDay.nullish(),
  to: localDay.nullish(),
}).refine((p) => !!p.key !== !!(p.from && p.to), { path: ['key'], message: 'give either a key or both from and to' });
export type PeriodInput = z.infer<typeof periodInput>;

/** A partial edit of the title and commentary: the fields left out are not in the parsed value. */
export const bulletinText = editOf({ title: text(80), commentary: text(8000) }).transform((v) => provided(v));
export type BulletinText = z.infer<typeof bulletinText>;

export const staffIds = z.array(objectId).max(20);
