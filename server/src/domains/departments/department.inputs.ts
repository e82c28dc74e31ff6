import { z } from 'zod';
import { editOf, inputOf, text, upperCode } from '../../graphql/inputs.js';

// What a client may send about departments; the schema attaches these, the service takes their output.

const code = upperCode(/^[A-Z]{2,8}$/, '2 to 8 letters');
const sortOrder = z.number().int().min(0).max(9999);
const fields = { code, name: text(40), shortName: text(20) };

export const departmentInput = inputOf({ ...fields, sortOrder: sortOrder.nullish().transform((n) => n ?? 0) });
export const departmentUpdate = editOf({ ...fields, sortOrder, active: z.boolean() });
