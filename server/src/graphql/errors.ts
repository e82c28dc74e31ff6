import { GraphQLError } from 'graphql';
import { isDuplicateKey } from '../db.js';

// Expected failures are GraphQLErrors with a SCREAMING_SNAKE_CASE `extensions.code`; yoga passes
// them through unmasked. Anything else is a bug: masked for the client, logged with the request id.

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
  | 'QR_INVALID'
  | 'TICKET_INVALID'
  | 'TICKET_USED'
  | 'TICKET_EXPIRED'
  | 'RATING_COOLDOWN'
  | 'CASE_ALREADY_RATED'
  /** Four eyes: the same person may not both file (or prepare) and decide. */
  | 'SAME_PERSON';

export interface FieldError {
  /** Dotted path inside the input, e.g. "code" or "items.0.name". */
  path: string;
  message: string;
}

export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
  }
}

export const unauthenticated = () => new AppError('UNAUTHENTICATED', 'Please log in', { http: { status: 401 } });
export const forbidden = (what = 'this') => new AppError('FORBIDDEN', `Not allowed to access ${what}`);
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
export const invalidState = (message: string) => new AppError('INVALID_STATE', message);

export function validationFailed(fields: FieldError[]) {
  const summary = fields.map((f) => (f.path ? `${f.path}: ${f.message}` : f.message)).join('; ');
  return new AppError('VALIDATION_FAILED', `Invalid input: ${summary}`, { fields });
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
    const message = `${what} with this ${field} already exists`;
    throw new AppError('DUPLICATE', message, { fields: [{ path: field, message }] });
  }
}

function duplicateField(err: { keyPattern?: Record<string, unknown>; message?: string }) {
  const fromPattern = err.keyPattern && Object.keys(err.keyPattern).at(-1);
  if (fromPattern) return fromPattern;
  // Servers that omit keyPattern still name the index: "... index: code_1 dup key ...".
  return /index: ([\w.]+?)_-?1\b/.exec(err.message ?? '')?.[1] ?? 'id';
}
