import { GraphQLError } from 'graphql';
import { isDuplicateKey } from '../db.js';
import { t } from '../lib/messages.js';

// Expected failures are GraphQLErrors with a SCREAMING_SNAKE_CASE `extensions.code`; yoga passes
// them through unmasked. Anything else is a bug: masked for the client, logged with the request id.
// Messages are written in English and read in the request's language (lib/messages.ts): the
// constructor translates them, so a new message only needs its entry in server/src/messages/.

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'VALIDATION_FAILED'
  | 'DUPLICATE'
  | 'INVALID_STATE'
  | 'LOGIN_FAILED'
  | 'LOGIN_THROTTLED'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_FILE_TYPE'
  | 'CSRF_HEADER_MISSING'
  | 'CROSS_SITE_REQUEST'
  | 'QR_INVALID'
  | 'TICKET_INVALID'
  | 'TICKET_USED'
  | 'TICKET_EXPIRED'
  | 'RATING_COOLDOWN'
  | 'CASE_ALREADY_RATED'
  /** A case reported at one window is reported again at another. */
  | 'CASE_WINDOW_CONFLICT'
  /** A case number the centre does not know (integration API, device). */
  | 'CASE_UNKNOWN'
  /** Machine clients (integration API): the key is unknown or revoked, or lacks the scope. */
  | 'API_KEY_INVALID'
  | 'API_SCOPE_MISSING'
  /** Window rating devices: not paired (or a bad pairing code), or revoked by an admin. */
  | 'DEVICE_UNPAIRED'
  | 'DEVICE_REVOKED'
  | 'PAIRING_CODE_INVALID'
  /** A rotating case QR code scanned after its time slot and grace. */
  | 'QR_EXPIRED'
  /** Four eyes: the same person may not both file (or prepare) and decide. */
  | 'SAME_PERSON';

export interface FieldError {
  /** Dotted path inside the input, e.g. "code" or "items.0.name". */
  path: string;
  /** A catalogue key (lib/messages.ts); `params` fill its {{placeholders}}. */
  message: string;
  params?: Record<string, unknown>;
}

export class AppError extends GraphQLError {
  /** `message` is a catalogue key; `params` fill its {{placeholders}}. */
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}, params = {}) {
    super(t(message, params), { extensions: { code, ...extensions } });
  }
}

export const unauthenticated = () => new AppError('UNAUTHENTICATED', 'Please log in', { http: { status: 401 } });
/** `what` names the thing refused ('this round'), itself a catalogue key. */
export const forbidden = (what = 'this', params = {}) =>
  new AppError('FORBIDDEN', 'Not allowed to access {{what}}', {}, { what: t(what, params) });
export const notFound = (what: string) => new AppError('NOT_FOUND', '{{what}} not found', {}, { what: t(what) });
export const invalidState = (message: string, params = {}) => new AppError('INVALID_STATE', message, {}, params);

/** Each field's message is a catalogue key too (zod's own messages arrive already translated). */
export function validationFailed(fields: FieldError[]) {
  const read = fields.map(({ path, message, params }) => ({ path, message: t(message, params) }));
  const summary = read.map((f) => (f.path ? `${f.path}: ${f.message}` : f.message)).join('; ');
  return new AppError('VALIDATION_FAILED', 'Invalid input: {{summary}}', { fields: read }, { summary });
}

/**
 * Runs a write and turns a unique-index violation into a DUPLICATE error on the offending field,
 * so a race between two requests still yields the same clear error a pre-check would.
 */
export async function uniqueOr<T>(write: Promise<T>, what: string): Promise<T> {
  try {
    return await write;
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const field = duplicateField(err);
    const message = t('{{what}} with this {{field}} already exists', { what: t(what), field: t(field) });
    throw new AppError('DUPLICATE', message, { fields: [{ path: field, message }] });
  }
}

function duplicateField(err: { keyPattern?: Record<string, unknown>; message?: string }) {
  const fromPattern = err.keyPattern && Object.keys(err.keyPattern).at(-1);
  if (fromPattern) return fromPattern;
  // Servers that omit keyPattern still name the index: "... index: code_1 dup key ...".
  return /index: ([\w.]+?)_-?1\b/.exec(err.message ?? '')?.[1] ?? 'id';
}
