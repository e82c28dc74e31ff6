/**
 * Every API request must carry this header, whatever its content type: browsers cannot add a
 * custom header cross-site without a CORS preflight, which this server never grants.
 */
export const CSRF_HEADER = 'x-wfp-csrf';
