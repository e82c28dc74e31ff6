import { z } from 'zod';
import { inputOf, localDay, objectId } from '../../graphql/inputs.js';

// What a client may send about case records; the schema attaches these, the service takes their output.

export const caseFilterInput = inputOf({
  departmentId: objectId.nullish(),
  /** Records lying inside these local dates. */
  from: localDay.nullish(),
  to: localDay.nullish(),
});
export type CaseFilter = z.output<typeof caseFilterInput>;

const count = z.number().int('a whole number').min(0, '0 or more').max(10_000_000);

export const caseInput = inputOf({
  departmentId: objectId,
  windowId: objectId.nullish(),
  serviceItemId: objectId,
  periodFrom: localDay,
  periodTo: localDay,
  accepted: count,
  completed: count,
  onTime: count,
  overdue: count,
});
