import { z } from 'zod';
import { WINDOW_CODE } from '../../../../common/ids.js';
import { editOf, inputOf, objectId, text, upperCode } from '../../graphql/inputs.js';

// What a client may send about windows; the schema attaches these, the service takes their output.

const code = upperCode(WINDOW_CODE, '2 to 16 letters, digits or -');
const zone = upperCode(/^[A-Z]{1,2}$/, 'one or two letters');
const number = z.number().int().min(1).max(999);
const itemIds = z.array(objectId).max(200);

const fields = { code, zone, number, name: text(40), departmentId: objectId };

export const windowInput = inputOf({ ...fields, serviceItemIds: itemIds.nullish() });
export const windowUpdate = editOf({ ...fields, serviceItemIds: itemIds, active: z.boolean() });
export type WindowChanges = z.output<typeof windowUpdate>;

/** The lists' filter, one argument each. */
export const windowFilter = z.object({
  departmentId: objectId.nullish(),
  zone: z.string().max(2).nullish(),
  search: z.string().max(50).nullish(),
  active: z.boolean().nullish(),
});
