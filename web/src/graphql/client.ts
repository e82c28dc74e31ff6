import { print } from '@0no-co/graphql.web';
import type { TadaDocumentNode } from 'gql.tada';
import { savedLocale } from '../i18n/locale';

// The one GraphQL client of the web. Errors arrive as ApiError with the server's code (or
// NETWORK when the request never got an answer), so callers can map them to messages and forms.
// Every request names the chosen language in Accept-Language: the server answers in it.

export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The user's chosen language (zh-CN unless they switched to English), for the server's messages. */
export const languageHeader = () => ({ 'accept-language': savedLocale() });

type ErrorHook = (err: ApiError) => void;
const hooks: ErrorHook[] = [];

/** Called for every failed request, e.g. to send the admin back to the login page on 401. */
export function onApiError(hook: ErrorHook) {
  hooks.push(hook);
}

interface Envelope<R> {
  data?: R | null;
  errors?: Array<{ message: string; extensions?: { code?: string; fields?: FieldError[] } & Record<string, unknown> }>;
}

export async function request<R, V>(
  doc: TadaDocumentNode<R, V>,
  variables?: V,
  init: { signal?: AbortSignal } = {},
): Promise<R> {
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        ...languageHeader(),
        'content-type': 'application/json',
        accept: 'application/json',
        'x-wfp-csrf': '1',
      },
      // The source text when the document carries it (the citizen face's), else the printed AST.
      body: JSON.stringify({ query: doc.loc?.source.body ?? print(doc), variables }),
      signal: init.signal,
    });
  } catch (err) {
    throw fail(new ApiError('NETWORK', (err as Error).message));
  }
  let body: Envelope<R>;
  try {
    body = (await res.json()) as Envelope<R>;
  } catch {
    throw fail(new ApiError(res.status === 503 ? 'SERVICE_UNAVAILABLE' : 'BAD_RESPONSE', `HTTP ${res.status}`));
  }
  const first = body.errors?.[0];
  if (first) {
    const { code = 'INTERNAL', fields = [], ...rest } = first.extensions ?? {};
    throw fail(new ApiError(code, first.message, fields, rest));
  }
  return body.data as R;
}

function fail(err: ApiError) {
  for (const hook of hooks) hook(err);
  return err;
}

/** Sends a file as the raw body of a plain HTTP request (uploads are not GraphQL). */
export async function sendFile<R>(method: 'PUT' | 'POST' | 'DELETE', url: string, file?: Blob): Promise<R> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: {
        ...languageHeader(),
        'x-wfp-csrf': '1',
        ...(file ? { 'content-type': file.type || 'application/octet-stream' } : {}),
      },
      body: file,
    });
  } catch (err) {
    throw fail(new ApiError('NETWORK', (err as Error).message));
  }
  const body = (await res.json().catch(() => ({}))) as Envelope<never> & R;
  const first = body.errors?.[0];
  if (!res.ok || first) {
    const {
      code = res.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'INTERNAL',
      fields = [],
      ...rest
    } = first?.extensions ?? {};
    throw fail(new ApiError(code, first?.message ?? `HTTP ${res.status}`, fields, rest));
  }
  return body;
}
