import { z } from 'zod';
import { objectId, optionalText } from '../../graphql/inputs.js';
import { BAD_RATING_CLASSES, CALLBACK_OUTCOMES, FOLLOW_UP_STATES } from './follow-up.model.js';

// What a client may send about follow-ups; the schema attaches these, the service takes their output.

/** The inbox's filter, one argument each. */
export const followUpFilter = z.object({
  state: z.enum(FOLLOW_UP_STATES).nullish(),
  departmentId: objectId.nullish(),
  windowId: objectId.nullish(),
  overdue: z.boolean().nullish(),
  /** Only those still being worked on (neither closed nor excluded). */
  unfinished: z.boolean().nullish(),
});

/** What one step records; which fields it needs depends on the step (follow-up.service.ts). */
export const followUpStep = z.object({
  note: optionalText(500).nullish(),
  finding: optionalText(500).nullish(),
  responsible: optionalText(40).nullish(),
  action: optionalText(500).nullish(),
  outcome: z.enum(CALLBACK_OUTCOMES).nullish(),
  category: z.enum(BAD_RATING_CLASSES).nullish(),
  /** close, closeUnresolved: what was done, in words for the public (no names, no phones). */
  publicResult: optionalText(200).nullish(),
  /** Evidence uploaded for this follow-up (POST /api/follow-ups/:id/evidence): verify, rectify, appeal. */
  attachmentIds: z.array(objectId).max(5).nullish(),
});
export type FollowUpStep = z.output<typeof followUpStep>;
