import { z } from 'zod';
import { OBJECT_ID } from '../../../common/ids.js';
import { isPhone, normalizePhone } from '../../../common/phone.js';
import { LOCAL_DATE } from '../../../common/time.js';
import { t } from '../lib/messages.js';

// Shared validators for arguments and input fields.

export const objectId = z.string().regex(OBJECT_ID, 'not a valid id');

/** A local calendar date, YYYY-MM-DD (the center's dates, common/time.ts). */
export const localDay = z.string().regex(LOCAL_DATE, 'a date like 2026-03-01');

/** A code people type in any case: trimmed, upper-cased, then matched against its pattern. */
export const upperCode = (pattern: RegExp, message: string) => z.string().trim().toUpperCase().regex(pattern, message);

/** Trimmed text that must not be blank. */
/** A length message with its number, read in the request's language when zod reports it. */
export const atMostChars = (max: number) => ({ error: () => t('at most {{count}} characters', { count: max }) });
export const text = (max: number) => z.string().trim().min(1, 'required').max(max, atMostChars(max));

export const optionalText = (max: number) => z.string().trim().max(max, atMostChars(max));

/** A phone number the center can call back, stored as its digits (common/phone.ts). */
export const phone = z
  .string()
  .transform(normalizePhone)
  .pipe(z.string().refine(isPhone, 'a mobile or landline number'));

/** Drops the fields a client left out (GraphQL gives null or undefined), for partial updates. */
export function provided<T extends Record<string, unknown>>(input: T) {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], null | undefined>;
  };
}

/**
 * Validators for whole input objects, so one request reports every bad field at once (field-level
 * validators stop at the first). Attached with `builder.inputType(...).validate(schema)`, the
 * resolver (and so the service) receives the schema's output: `z.output<typeof schema>`.
 */
export const inputOf = <S extends z.ZodRawShape>(shape: S) => z.object(shape);

/**
 * A partial update: every field optional and nullable, as GraphQL sends the fields a client
 * leaves out, and those fields dropped from the output, so a service sees only the changes.
 */
export function editOf<S extends z.ZodRawShape>(shape: S) {
  return z
    .object(
      Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, (v as z.ZodType).nullish()])) as unknown as {
        [K in keyof S]: z.ZodOptional<z.ZodNullable<S[K]>>;
      },
    )
    .transform(provided);
}
