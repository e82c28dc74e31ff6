import { parse as parseCookies } from 'cookie';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { SessionUser } from '../../graphql/context.js';
import type { Config } from '../../config.js';
import { CSRF_HEADER, CSRF_MESSAGE, fromForeignPage, lacksCsrfHeader } from '../../lib/csrf.js';
import { AppError, forbidden, unauthenticated } from '../../graphql/errors.js';
import { SESSION_COOKIE, userFromSession } from './auth.service.js';
import { can, type Capability } from '../../../../common/roles.js';

// The same session and CSRF rules as /graphql, for the few plain HTTP routes (uploads, images).

export async function sessionUser(req: Request): Promise<SessionUser | null> {
  const token = parseCookies(req.headers.cookie ?? '')[SESSION_COOKIE];
  return (await userFromSession(token))?.user ?? null;
}

/** Staff only (optionally only roles with this capability); puts the user in `res.locals.user`. */
export function requireStaff(capability?: Capability): RequestHandler {
  return (req, res, next) => {
    sessionUser(req).then((user) => {
      if (!user) return next(unauthenticated());
      if (capability && !can(user.role, capability)) return next(forbidden());
      res.locals.user = user;
      next();
    }, next);
  };
}

/** The CSRF header on what a browser could send cross-origin unasked, as for GraphQL (lib/csrf.ts). */
export function requireCsrfHeader(req: Request, _res: Response, next: NextFunction) {
  if (!lacksCsrfHeader(req.method, req.headers['content-type'], !!req.headers[CSRF_HEADER])) return next();
  next(new AppError('CSRF_HEADER_MISSING', CSRF_MESSAGE, { http: { status: 403 } }, { header: CSRF_HEADER }));
}

/**
 * Writes to the plain HTTP routes (uploads, imports) come from this site's own pages or from
 * clients that are not browsers, never from a page elsewhere, not even on the same site (another
 * port or subdomain shares the SameSite cookie). Origin and Sec-Fetch-Site tell.
 */
export function refuseForeignWrites(config: Config): RequestHandler {
  const canonical = new URL(config.publicBaseUrl).origin;
  return (req, _res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
    if (!fromForeignPage(req.headers, [canonical, `${req.protocol}://${req.get('host')}`])) return next();
    next(
      new AppError('CROSS_SITE_REQUEST', 'Requests from pages of other sites are refused', { http: { status: 403 } }),
    );
  };
}
