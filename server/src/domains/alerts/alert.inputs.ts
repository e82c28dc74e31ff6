import { z } from 'zod';
import { objectId, optionalText } from '../../graphql/inputs.js';
import { ALERT_STATES } from './alert.model.js';

// What a client may send about alerts; the schema attaches these, the service takes their output.

/** The list's filter, one argument each. */
export const alertFilter = z.object({ state: z.enum(ALERT_STATES).nullish(), departmentId: objectId.nullish() });

/** Acknowledging or closing an alert, with an optional note. */
export const alertMove = z.object({ id: objectId, note: optionalText(200).nullish() });
