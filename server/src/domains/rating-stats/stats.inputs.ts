import type { z } from 'zod';
import { inputOf, localDay, objectId } from '../../graphql/inputs.js';

/** Which ratings the figures (and the CSV export) cover: local dates, inclusive, and a unit. */
export const ratingStatsFilter = inputOf({
  departmentId: objectId.nullish(),
  windowId: objectId.nullish(),
  staffId: objectId.nullish(),
  from: localDay,
  to: localDay,
}).refine((f) => f.from <= f.to, { path: ['to'], message: 'must not be before from' });
export type StatsFilter = z.output<typeof ratingStatsFilter>;
