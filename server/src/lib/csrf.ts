import type { IncomingHttpHeaders } from 'node:http';

// Cross-site request forgery, the rule of yoga's useCSRFPrevention: a browser sends a request to
// another origin without asking first (a CORS preflight) only when it is "simple": no custom
// header and a body typed text/plain, application/x-www-form-urlencoded, multipart/form-data or
// not typed at all. Such requests must carry the custom header, which a page elsewhere cannot add
// without a preflight that this server never grants (CORS is off, or limited to CORS_ORIGINS).
// Everything else (a JSON POST from curl, Postman, Apollo Client) was preflighted by any browser
// that sent it, so it needs no header. The web sends the header anyway.

export const CSRF_HEADER = 'x-wfp-csrf';

const SIMPLE_TYPES = new Set(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']);

/** Whether a browser could send a request with this content type cross-origin unasked. */
export function sendableWithoutPreflight(contentType: string | null | undefined) {
  if (!contentType) return true;
  const essence = contentType.split(';')[0]!.trim().toLowerCase();
  return SIMPLE_TYPES.has(essence);
}

/** Whether the request must carry the CSRF header and does not. */
export function lacksCsrfHeader(method: string, contentType: string | null | undefined, hasHeader: boolean) {
  if (hasHeader) return false;
  // A GET never carries a content type of its own: a plain link, image or form can send it.
  return method === 'GET' || method === 'HEAD' || sendableWithoutPreflight(contentType);
}

// The message's key (server/src/messages/errors.ts), filled with { header: CSRF_HEADER }.
export const CSRF_MESSAGE = 'Missing the {{header}} header';

/**
 * Whether a state-changing request comes from a page of another origin: Sec-Fetch-Site (sent by
 * every current browser) says so, or the Origin header names another origin. Clients that are not
 * browsers send neither and pass; `own` lists the origins that count as this site's.
 */
export function fromForeignPage(headers: IncomingHttpHeaders, own: readonly string[]) {
  const origin = headers.origin;
  if (origin !== undefined) return !own.includes(origin);
  const site = headers['sec-fetch-site'];
  return site !== undefined && site !== 'same-origin' && site !== 'none';
}
