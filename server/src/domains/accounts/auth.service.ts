import { trusted } from 'mongoose';
import { AppError } from '../../graphql/errors.js';
import type { Context, SessionUser } from '../../graphql/context.js';
import { keyedHash, randomToken, sha256 } from '../../lib/crypto.js';
import { consumeOrRetryAfter, createLimiter, retryAfterIfBlocked } from '../../lib/rate-limit.js';
import { verifyPassword } from './password.js';
import { SessionModel } from './session.model.js';
import { UserModel, type User } from './user.model.js';

export const SESSION_COOKIE = 'wfp_session';

// 5 failures per account in 15 minutes, and a looser cap per address against password spraying.
const failuresPerUser = createLimiter('login_user', 5, 15 * 60);
const failuresPerIp = createLimiter('login_ip', 50, 15 * 60);

export function toSessionUser(u: User): SessionUser {
  return {
    id: String(u._id),
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    departmentId: u.department ? String(u.department) : null,
  };
}

/** Resolves the cookie's session to its user, or null if missing, expired or deactivated. */
export async function userFromSession(token: string | undefined) {
  if (!token || token.length > 100) return null;
  const session = await SessionModel.findById(sha256(token)).lean();
  if (!session || session.expiresAt <= new Date()) return null;
  const user = await UserModel.findById(session.user).lean<User>();
  if (!user?.active) return null;
  return { sessionId: session._id, user: toSessionUser(user) };
}

export async function login(ctx: Context, username: string, password: string) {
  const name = username.trim().toLowerCase();
  const ipKey = keyedHash(ctx.config.secret, 'ip', ctx.clientIp);
  const blocked =
    (await retryAfterIfBlocked(failuresPerUser, name)) ?? (await retryAfterIfBlocked(failuresPerIp, ipKey));
  if (blocked) throw throttled(blocked);

  const user = await UserModel.findOne({ username: name }).lean<User>();
  const ok = (await verifyPassword(user?.passwordHash, password)) && !!user?.active;
  if (!ok || !user) {
    const wait =
      (await consumeOrRetryAfter(failuresPerUser, name)) ?? (await consumeOrRetryAfter(failuresPerIp, ipKey));
    if (wait) throw throttled(wait);
    throw new AppError('LOGIN_FAILED', 'Wrong username or password');
  }
  await failuresPerUser.delete(name);

  // A fresh session id at every login: a session fixed before login is never upgraded.
  const old = await ctx.request.cookieStore?.get(SESSION_COOKIE);
  if (old?.value) await SessionModel.deleteOne({ _id: sha256(old.value) });
  const token = randomToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ctx.config.sessionTtlMs);
  await SessionModel.create({
    _id: sha256(token),
    user: user._id,
    createdAt: now,
    expiresAt,
    ipHash: ipKey,
    userAgent: ctx.request.headers.get('user-agent')?.slice(0, 200) ?? null,
  });
  await UserModel.updateOne({ _id: user._id }, { lastLoginAt: now });
  await ctx.request.cookieStore?.set({
    name: SESSION_COOKIE,
    value: token,
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: ctx.config.secureCookies,
    expires: expiresAt.getTime(),
    domain: null,
  });
  const sessionUser = toSessionUser(user);
  ctx.user = sessionUser; // so the audit log names who logged in
  return sessionUser;
}

export async function logout(ctx: Context) {
  const cookie = await ctx.request.cookieStore?.get(SESSION_COOKIE);
  if (cookie?.value) await SessionModel.deleteOne({ _id: sha256(cookie.value) });
  await ctx.request.cookieStore?.delete(SESSION_COOKIE);
  return true;
}

/** Ends every session of a user, e.g. after a password change or deactivation. */
export async function endSessions(userId: string, exceptSessionId?: string | null) {
  const filter = exceptSessionId ? { user: userId, _id: trusted({ $ne: exceptSessionId }) } : { user: userId };
  await SessionModel.deleteMany(filter);
}

function throttled(retryAfter: number) {
  const minutes = Math.ceil(retryAfter / 60);
  return new AppError(
    'LOGIN_THROTTLED',
    'Too many failed logins; try again in {{minutes}} min',
    { retryAfter },
    { minutes },
  );
}
