import { z } from 'zod';
import { builder } from '../../graphql/builder.js';
import type { SessionUser } from '../../graphql/context.js';
import { objectId } from '../../graphql/inputs.js';
import { refKey } from '../../graphql/loaders.js';
import { pageArgs, pageType } from '../../graphql/pagination.js';
import { DepartmentRef } from '../departments/department.schema.js';
import { givenPassword, password, userFilter, userInput, userUpdate } from './accounts.inputs.js';
import * as auth from './auth.service.js';
import type { User } from './user.model.js';
import * as users from './user.service.js';

export const RoleEnum = builder.enumType('Role', {
  values: {
    ADMIN: { description: 'System administrator' },
    MANAGER: { description: 'Center manager (中心管理人员)' },
    INSPECTOR: { description: 'Hall inspector (巡查员)' },
    DEPARTMENT: { description: 'Department liaison (部门联络员), limited to one department' },
  },
});

const Me = builder.objectRef<SessionUser>('Me').implement({
  description: 'The logged-in staff member',
  fields: (t) => ({
    id: t.exposeID('id'),
    username: t.exposeString('username'),
    displayName: t.exposeString('displayName'),
    role: t.field({ type: RoleEnum, resolve: (u) => u.role }),
    department: t.field({ type: DepartmentRef, nullable: true, resolve: (u) => u.departmentId }),
  }),
});

export const UserRef = builder.objectRef<User>('User').implement({
  description: 'A staff account',
  fields: (t) => ({
    id: t.exposeID('_id'),
    username: t.exposeString('username'),
    displayName: t.exposeString('displayName'),
    role: t.field({ type: RoleEnum, resolve: (u) => u.role }),
    department: t.field({ type: DepartmentRef, nullable: true, resolve: (u) => refKey(u.department) }),
    active: t.exposeBoolean('active'),
    lastLoginAt: t.field({ type: 'DateTime', nullable: true, resolve: (u) => u.lastLoginAt }),
    createdAt: t.field({ type: 'DateTime', resolve: (u) => (u as unknown as { createdAt: Date }).createdAt }),
  }),
});

const LoginResult = builder.objectRef<SessionUser>('LoginResult').implement({
  fields: (t) => ({ user: t.field({ type: Me, resolve: (u) => u }) }),
});

const UserPage = pageType<User>('UserPage', UserRef);

const CreateUserInput = builder
  .inputType('CreateUserInput', {
    fields: (t) => ({
      username: t.string({ required: true }),
      displayName: t.string({ required: true }),
      role: t.field({ type: RoleEnum, required: true }),
      departmentId: t.id(),
      password: t.string({ required: true }),
    }),
  })
  .validate(userInput);

const UpdateUserInput = builder
  .inputType('UpdateUserInput', {
    fields: (t) => ({
      displayName: t.string(),
      role: t.field({ type: RoleEnum }),
      departmentId: t.id(),
      active: t.boolean(),
    }),
  })
  .validate(userUpdate);

builder.queryFields((t) => ({
  me: t.field({ type: Me, nullable: true, description: 'Null when not logged in', resolve: (_, __, ctx) => ctx.user }),
  users: t.field({
    type: UserPage,
    authScopes: { can: 'manageAccounts' },
    args: {
      search: t.arg.string({ validate: userFilter.shape.search }),
      role: t.arg({ type: RoleEnum }),
      active: t.arg.boolean(),
      ...pageArgs(t.arg),
    },
    resolve: (_, a) => users.listUsers(a, a.page, a.pageSize),
  }),
}));

builder.mutationFields((t) => ({
  login: t.field({
    type: LoginResult,
    description: 'Starts a session and sets the httpOnly session cookie',
    args: {
      username: t.arg.string({ required: true, validate: z.string().max(64) }),
      password: t.arg.string({ required: true, validate: givenPassword }),
    },
    resolve: (_, a, ctx) => auth.login(ctx, a.username, a.password),
  }),
  logout: t.boolean({ resolve: (_, __, ctx) => auth.logout(ctx) }),
  changePassword: t.field({
    type: Me,
    authScopes: { staff: true },
    args: {
      currentPassword: t.arg.string({ required: true, validate: givenPassword }),
      newPassword: t.arg.string({ required: true, validate: password }),
    },
    resolve: (_, a, ctx) => users.changeOwnPassword(ctx, a.currentPassword, a.newPassword),
  }),
  createUser: t.field({
    type: UserRef,
    authScopes: { can: 'manageAccounts' },
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    resolve: (_, { input }) => users.createUser(input),
  }),
  updateUser: t.field({
    type: UserRef,
    authScopes: { can: 'manageAccounts' },
    args: {
      id: t.arg.id({ required: true, validate: objectId }),
      input: t.arg({ type: UpdateUserInput, required: true }),
    },
    resolve: (_, { id, input }, ctx) => users.updateUser(ctx.user!, id, input),
  }),
  resetUserPassword: t.boolean({
    authScopes: { can: 'manageAccounts' },
    args: {
      id: t.arg.id({ required: true, validate: objectId }),
      password: t.arg.string({ required: true, validate: password }),
    },
    resolve: (_, a) => users.resetPassword(a.id, a.password),
  }),
}));
