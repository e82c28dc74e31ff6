import { z } from 'zod';
import { objectId } from '../../graphql/inputs.js';

/** The audit log's filter, one argument each. */
export const auditFilter = z.object({
  actorId: objectId.nullish(),
  action: z.string().max(64).nullish(),
  targetId: z.string().max(64).nullish(),
  from: z.date().nullish(),
  to: z.date().nullish(),
});
