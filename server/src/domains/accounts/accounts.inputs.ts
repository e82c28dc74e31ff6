import { t } from '../../lib/messages.js';
import { z } from 'zod';
import { ROLES } from '../../../../common/roles.js';
import { editOf, inputOf, objectId, text } from '../../graphql/inputs.js';
import { PASSWORD_MAX, PASSWORD_MIN } from './password.js';

// What a client may send about accounts; the schema attaches these, the services take their output.

const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9_.-]{3,32}$/, '3 to 32 letters, digits, _ . -');
export const password = z
  .string()
  .min(PASSWORD_MIN, { error: () => t('at least {{count}} characters', { count: PASSWORD_MIN }) })
  .max(PASSWORD_MAX);
/** Any password as typed at login or to confirm one's own: only bounded, never judged. */
export const givenPassword = z.string().max(PASSWORD_MAX);

export const userInput = inputOf({
  username,
  displayName: text(40),
  role: z.enum(ROLES),
  departmentId: objectId.nullish(),
  password,
});

export const userUpdate = editOf({
  displayName: text(40),
  role: z.enum(ROLES),
  departmentId: objectId,
  active: z.boolean(),
});

/** The account list's filter, one argument each. */
export const userFilter = z.object({
  search: z.string().max(50).nullish(),
  role: z.enum(ROLES).nullish(),
  active: z.boolean().nullish(),
});
