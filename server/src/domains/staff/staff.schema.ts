import { z } from 'zod';
import { builder } from '../../graphql/builder.js';
import { editOf, inputOf, objectId, optionalText, provided, text } from '../../graphql/inputs.js';
import { loadByIds } from '../../graphql/loaders.js';
import { pageArgs, pageType } from '../../graphql/pagination.js';
import { canSeeDepartment, requireUser } from '../accounts/access.js';
import { DepartmentRef } from '../departments/department.schema.js';
import { StaffModel, type Staff } from './staff.model.js';
import * as service from './staff.service.js';

export const StaffRef = builder.loadableObjectRef<Staff, string>('Staff', {
  load: loadByIds<Staff>(StaffModel),
});

StaffRef.implement({
  description: 'A person working at the windows (窗口工作人员)',
  authScopes: (s, ctx) => canSeeDepartment(ctx.user, s.department),
  fields: (t) => ({
    id: t.id({ resolve: (s) => String(s._id) }),
    staffNo: t.exposeString('staffNo'),
    name: t.exposeString('name'),
    title: t.exposeString('title'),
    department: t.field({ type: DepartmentRef, resolve: (s) => String(s.department) }),
    photoUrl: t.string({ nullable: true, resolve: (s) => (s.photo ? `/files/${String(s.photo)}` : null) }),
    active: t.exposeBoolean('active'),
  }),
});

const StaffPage = pageType<Staff>('StaffPage', StaffRef);

const staffNo = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9-]{2,20}$/, '2 to 20 letters, digits or -');

const fields = { staffNo, name: text(20), departmentId: objectId };

const StaffInput = builder.inputType('StaffInput', {
  validate: inputOf({ ...fields, title: optionalText(20).nullish() }),
  fields: (t) => ({
    staffNo: t.string({ required: true }),
    name: t.string({ required: true }),
    departmentId: t.id({ required: true }),
    title: t.string(),
  }),
});

const StaffUpdateInput = builder.inputType('StaffUpdateInput', {
  validate: editOf({ ...fields, title: optionalText(20), active: z.boolean() }),
  fields: (t) => ({
    staffNo: t.string(),
    name: t.string(),
    departmentId: t.id(),
    title: t.string(),
    active: t.boolean(),
  }),
});

builder.queryFields((t) => ({
  staffPage: t.field({
    type: StaffPage,
    authScopes: { can: 'viewRegistry' },
    args: {
      departmentId: t.arg.id({ validate: objectId }),
      search: t.arg.string({ validate: z.string().max(50) }),
      active: t.arg.boolean(),
      ...pageArgs(t.arg),
    },
    resolve: (_, a, ctx) =>
      service.pageStaff(ctx.user, { ...a, departmentId: a.departmentId && String(a.departmentId) }, a.page, a.pageSize),
  }),
  staffMember: t.field({
    type: StaffRef,
    authScopes: { can: 'viewRegistry' },
    args: { id: t.arg.id({ required: true, validate: objectId }) },
    resolve: (_, a, ctx) => service.getStaff(ctx.user, String(a.id)),
  }),
}));

builder.mutationFields((t) => ({
  createStaff: t.field({
    type: StaffRef,
    authScopes: { can: 'editStaff' },
    args: { input: t.arg({ type: StaffInput, required: true }) },
    resolve: (_, { input }, ctx) =>
      service.createStaff(requireUser(ctx.user), { ...input, departmentId: String(input.departmentId) }),
  }),
  updateStaff: t.field({
    type: StaffRef,
    authScopes: { can: 'editStaff' },
    args: {
      id: t.arg.id({ required: true, validate: objectId }),
      input: t.arg({ type: StaffUpdateInput, required: true }),
    },
    resolve: (_, { id, input }, ctx) => {
      const { departmentId, ...rest } = provided(input);
      return service.updateStaff(requireUser(ctx.user), String(id), {
        ...rest,
        ...(departmentId ? { departmentId: String(departmentId) } : {}),
      });
    },
  }),
}));
