import { z } from 'zod';
import { editOf, inputOf, localDay, objectId, provided, text } from '../../graphql/inputs.js';

// What a client may send about notices, validated at the edge; the services take the parsed
// values (z.infer), so there is no hand-written twin of these shapes.

export const draftInput = inputOf({
  periodFrom: localDay,
  periodTo: localDay,
  departmentIds: z.array(objectId).min(1, 'pick at least one').max(50),
});
export type DraftInput = z.infer<typeof draftInput>;

/** A partial edit of a draft: the fields left out are not in the parsed value. */
export const draftUpdate = editOf({ title: text(80), body: text(5000) }).transform((v) => provided(v));
export type DraftUpdate = z.infer<typeof draftUpdate>;

/** A department's appeal: its reason, the lines it contests (none named: all of its lines) and evidence. */
export const noticeAppealInput = z.object({
  text: text(1000),
  violationIds: z.array(objectId).max(50).nullish(),
  attachmentIds: z.array(objectId).max(5).nullish(),
});
