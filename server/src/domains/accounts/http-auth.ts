import { parse as parseCookies } from 'cookie';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { SessionUser } from '../../graphql/context.js';
import { CSRF_HEADER } from '../../lib/csrf.js';
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

/** State-changing requests must carry the CSRF header, as GraphQL requests do. */
export function requireCsrfHeader(req: Request, _res: Response, next: NextFunction) {
  if (req.headers[CSRF_HEADER]) return next();
  next(
    new AppError(
      'CSRF_HEADER_MISSING',
      'Missing the {{header}} header',
      { http: { status: 403 } },
      { header: CSRF_HEADER },
    ),
  );
}
