import { z } from 'zod';
import { editOf, inputOf, objectId, optionalText, text, upperCode } from '../../graphql/inputs.js';

// What a client may send about staff and the roster; the schemas attach these, the services
// take their output.

const staffNo = upperCode(/^[A-Z0-9-]{2,20}$/, '2 to 20 letters, digits or -');
const fields = { staffNo, name: text(20), departmentId: objectId };

export const staffInput = inputOf({ ...fields, title: optionalText(20).nullish() });
export const staffUpdate = editOf({ ...fields, title: optionalText(20), active: z.boolean() });

/** The staff list's filter, one argument each. */
export const staffFilter = z.object({
  departmentId: objectId.nullish(),
  search: z.string().max(50).nullish(),
  active: z.boolean().nullish(),
});

/** The roster's filter, one argument each. */
export const dutyFilter = z.object({
  windowId: objectId.nullish(),
  staffId: objectId.nullish(),
  departmentId: objectId.nullish(),
  /** Only assignments that cover this instant. */
  at: z.date().nullish(),
});

/** A duty assignment's arguments. */
export const dutyInput = z.object({
  windowId: objectId,
  staffId: objectId,
  from: z.date(),
  to: z.date().nullish(),
  note: optionalText(100).nullish(),
});
