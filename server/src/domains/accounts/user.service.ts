import { Types } from 'mongoose';
import type { z } from 'zod';
import { can, isLiaison, type Role } from '../../../../common/roles.js';
import type { Context, SessionUser } from '../../graphql/context.js';
import { AppError, notFound, uniqueOr, validationFailed } from '../../graphql/errors.js';
import { paginate, textMatch } from '../../graphql/pagination.js';
import { idText } from '../../lib/ids.js';
import { DepartmentModel } from '../departments/department.model.js';
import type { userFilter, userInput, userUpdate } from './accounts.inputs.js';
import { endSessions, throttled, toSessionUser } from './auth.service.js';
import { sessionsChanged } from './session-cache.js';
import { resetAttempts, takeAttempts, type AttemptRule } from './login-throttle.js';
import { hashPassword, verifyPassword } from './password.js';
import { UserModel, type User } from './user.model.js';

export function listUsers(f: z.output<typeof userFilter>, page: number, pageSize: number) {
  const filter = {
    ...textMatch(f.search, ['username', 'displayName']),
    ...(f.role ? { role: f.role } : {}),
    ...(f.active == null ? {} : { active: f.active }),
  };
  return paginate<User>(UserModel, filter, { role: 1, username: 1 }, page, pageSize);
}

/** A liaison must belong to an existing department; other roles belong to none. */
async function departmentFor(role: Role, departmentId: string | null | undefined) {
  if (!isLiaison(role)) return null;
  if (!departmentId) throw validationFailed([{ path: 'departmentId', message: 'required for a department liaison' }]);
  if (!(await DepartmentModel.exists({ _id: departmentId }))) {
    throw validationFailed([{ path: 'departmentId', message: 'no such department' }]);
  }
  return new Types.ObjectId(departmentId);
}

export async function createUser(input: z.output<typeof userInput>) {
  const department = await departmentFor(input.role, input.departmentId);
  const doc = await uniqueOr(
    UserModel.create({
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      department,
      passwordHash: await hashPassword(input.password),
    }),
    'Account',
  );
  return doc.toObject<User>();
}

export async function updateUser(actor: SessionUser, id: string, changes: z.output<typeof userUpdate>) {
  const user = await UserModel.findById(id);
  if (!user) throw notFound('Account');
  if (id === actor.id && (changes.active === false || (changes.role && !can(changes.role, 'manageAccounts')))) {
    throw new AppError('INVALID_STATE', 'You cannot deactivate or demote your own account');
  }
  const role = changes.role ?? user.role;
  if (changes.displayName) user.displayName = changes.displayName;
  user.role = role;
  user.department = await departmentFor(role, changes.departmentId ?? idText(user.department));
  if (changes.active !== undefined) user.active = changes.active;
  await user.save();
  // A changed role or a deactivation must take effect now, not at the next login.
  if (changes.role || changes.departmentId || changes.active === false) await endSessions(id);
  // Sessions kept, but instances holding them cached must show the new name at once.
  else await sessionsChanged();
  return user.toObject<User>();
}

export async function resetPassword(id: string, password: string) {
  const res = await UserModel.updateOne(
    { _id: id },
    { passwordHash: await hashPassword(password), passwordChangedAt: new Date() },
  );
  if (!res.matchedCount) throw notFound('Account');
  await endSessions(id);
  return true;
}

export async function changeOwnPassword(ctx: Context, current: string, next: string) {
  const me = await UserModel.findById(ctx.user?.id).lean<User>();
  // Guessing the current password from a stolen session is throttled like logins.
  const key: [string, AttemptRule] = [`password:${ctx.user?.id}`, ctx.config.login.accountAddress];
  const slots = await takeAttempts([key]);
  if ('wait' in slots) throw throttled(slots.wait);
  if (!me || !(await verifyPassword(me.passwordHash, current))) {
    throw validationFailed([{ path: 'currentPassword', message: 'wrong password' }]);
  }
  await resetAttempts(...key);
  if (current === next) throw validationFailed([{ path: 'newPassword', message: 'must differ from the current one' }]);
  await UserModel.updateOne({ _id: me._id }, { passwordHash: await hashPassword(next), passwordChangedAt: new Date() });
  // Other devices are logged out; this session stays.
  await endSessions(String(me._id), ctx.sessionId);
  return toSessionUser(me);
}
