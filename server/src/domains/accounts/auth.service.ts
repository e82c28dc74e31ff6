import { trusted } from 'mongoose';
import { AppError } from '../../graphql/errors.js';
import type { Context, SessionUser } from '../../graphql/context.js';
import { keyedHash, randomToken, sha256 } from '../../lib/crypto.js';
import { knownDevice, rememberDevice } from './login-device.js';
import { resetAttempts, releaseAttempts, takeAttempts, type AttemptRule } from './login-throttle.js';
import { verifyPassword } from './password.js';
import { cachedSession, sessionsChanged } from './session-cache.js';
import { SessionModel } from './session.model.js';
import { UserModel, type User } from './user.model.js';

export const SESSION_COOKIE = 'wfp_session';

export function toSessionUser(u: User): SessionUser {
  return {
    id: String(u._id),
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    departmentId: u.department ? String(u.department) : null,
  };
}

/**
 * Resolves the cookie's session to its user, or null if missing, expired or deactivated. Cached
 * for a few seconds, and never past a logout or an account change on any instance (session-cache.ts).
 */
export async function userFromSession(token: string | undefined) {
  if (!token || token.length > 100) return null;
  const id = sha256(token);
  return cachedSession(id, async () => {
    const session = await SessionModel.findById(id).lean();
    if (!session || session.expiresAt <= new Date()) return null;
    const user = await UserModel.findById(session.user).lean<User>();
    if (!user?.active) return null;
    return { sessionId: id, user: toSessionUser(user), expiresAt: session.expiresAt };
  });
}

/**
 * The attempt counters a login takes (login-throttle.ts). A device this account logged in from
 * before counts on its own, so others' failures (a shared address, someone trying the name) do
 * not lock its owner out; anyone else counts per account and address, per account and per address.
 */
async function loginKeys(ctx: Context, name: string, userId: string | undefined, ipKey: string) {
  const rules = ctx.config.login;
  const device = userId ? await knownDevice(ctx, userId) : null;
  if (device) return [[`device:${device}`, rules.accountAddress]] satisfies Array<[string, AttemptRule]>;
  return [
    [`pair:${name}:${ipKey}`, rules.accountAddress],
    [`account:${name}`, rules.account],
    [`address:${ipKey}`, rules.address],
  ] satisfies Array<[string, AttemptRule]>;
}

export async function login(ctx: Context, username: string, password: string) {
  const name = username.trim().toLowerCase();
  const ipKey = keyedHash(ctx.config.secret, 'ip', ctx.clientIp);
  const user = await UserModel.findOne({ username: name }).lean<User>();
  const keys = await loginKeys(ctx, name, user ? String(user._id) : undefined, ipKey);
  // The attempt is counted before the password is checked, so simultaneous guesses cannot pass.
  const slots = await takeAttempts(keys);
  if ('wait' in slots) throw throttled(slots.wait);
  const ok = (await verifyPassword(user?.passwordHash, password)) && !!user?.active;
  if (!ok || !user) throw new AppError('LOGIN_FAILED', 'Wrong username or password');
  await releaseAttempts(slots.ids);
  await resetAttempts(keys[0]![0], keys[0]![1]);
  await rememberDevice(ctx, String(user._id));

  // A fresh session id at every login: a session fixed before login is never upgraded.
  const old = await ctx.request.cookieStore?.get(SESSION_COOKIE);
  if (old?.value) await endSession(old.value);
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
  if (cookie?.value) await endSession(cookie.value);
  await ctx.request.cookieStore?.delete(SESSION_COOKIE);
  return true;
}

/** Ends every session of a user, e.g. after a password change or deactivation. */
export async function endSessions(userId: string, exceptSessionId?: string | null) {
  const filter = exceptSessionId ? { user: userId, _id: trusted({ $ne: exceptSessionId }) } : { user: userId };
  await SessionModel.deleteMany(filter);
  await sessionsChanged();
}

async function endSession(token: string) {
  const res = await SessionModel.deleteOne({ _id: sha256(token) });
  if (res.deletedCount) await sessionsChanged();
}

export function throttled(retryAfter: number) {
  const minutes = Math.ceil(retryAfter / 60);
  return new AppError(
    'LOGIN_THROTTLED',
    'Too many failed logins; try again in {{minutes}} min',
    { retryAfter },
    { minutes },
  );
}
