import { z } from 'zod';
import { t } from '../../lib/messages.js';
import { editOf, inputOf, objectId, text, upperCode } from '../../graphql/inputs.js';
import { ITEM_CATEGORIES } from './service-item.model.js';

// What a client may send about service items; the schema attaches these, the service takes their output.

const code = upperCode(/^[A-Z0-9-]{2,20}$/, '2 to 20 letters, digits or -');
const days = z.number().int().min(0).max(365);
/** The national catalogue's codes: letters and digits, empty while not known. */
const nationalCode = (max: number) =>
  z
    .string()
    .trim()
    .toUpperCase()
    .regex(new RegExp(`^[A-Z0-9]{0,${max}}$`), {
      error: () => t('at most {{count}} letters or digits', { count: max }),
    });

const fields = {
  code,
  name: text(80),
  departmentId: objectId,
  category: z.enum(ITEM_CATEGORIES),
  legalDays: days,
  promisedDays: days,
  basicCode: nationalCode(10)
    .nullish()
    .transform((c) => c ?? ''),
  implementationCode: nationalCode(24)
    .nullish()
    .transform((c) => c ?? ''),
};

export const serviceItemInput = inputOf(fields);
export const serviceItemUpdate = editOf({ ...fields, active: z.boolean() });

/** The list's filter, one argument each. */
export const serviceItemFilter = z.object({
  departmentId: objectId.nullish(),
  category: z.enum(ITEM_CATEGORIES).nullish(),
  search: z.string().max(50).nullish(),
  active: z.boolean().nullish(),
});
