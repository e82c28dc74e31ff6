import { builder } from '../../graphql/builder.js';
import { objectId } from '../../graphql/inputs.js';
import { loadByIds, refKey } from '../../graphql/loaders.js';
import { pageArgs, pageType } from '../../graphql/pagination.js';
import { canSeeDepartment, requireUser } from '../accounts/access.js';
import { DepartmentRef } from '../departments/department.schema.js';
import { staffFilter, staffInput, staffUpdate } from './staff.inputs.js';
import { StaffModel, type Staff } from './staff.model.js';
import * as service from './staff.service.js';

export const StaffRef = builder.loadableObjectRef<Staff, string>('Staff', {
  load: loadByIds<Staff>(StaffModel),
});

StaffRef.implement({
  description: 'A person working at the windows (窗口工作人员)',
  authScopes: (s, ctx) => canSeeDepartment(ctx.user, s.department),
  fields: (t) => ({
    id: t.exposeID('_id'),
    staffNo: t.exposeString('staffNo'),
    name: t.exposeString('name'),
    title: t.exposeString('title'),
    department: t.field({ type: DepartmentRef, resolve: (s) => refKey(s.department) }),
    photoUrl: t.string({ nullable: true, resolve: (s) => service.photoUrl(s) }),
    active: t.exposeBoolean('active'),
  }),
});

const StaffPage = pageType<Staff>('StaffPage', StaffRef);

const StaffInput = builder
  .inputType('StaffInput', {
    fields: (t) => ({
      staffNo: t.string({ required: true }),
      name: t.string({ required: true }),
      departmentId: t.id({ required: true }),
      title: t.string(),
    }),
  })
  .validate(staffInput);

const StaffUpdateInput = builder
  .inputType('StaffUpdateInput', {
    fields: (t) => ({
      staffNo: t.string(),
      name: t.string(),
      departmentId: t.id(),
      title: t.string(),
      active: t.boolean(),
    }),
  })
  .validate(staffUpdate);

builder.queryFields((t) => ({
  staffPage: t.field({
    type: StaffPage,
    authScopes: { can: 'viewRegistry' },
    args: {
      departmentId: t.arg.id({ validate: staffFilter.shape.departmentId }),
      search: t.arg.string({ validate: staffFilter.shape.search }),
      active: t.arg.boolean(),
      ...pageArgs(t.arg),
    },
    resolve: (_, a, ctx) => service.pageStaff(ctx.user, a, a.page, a.pageSize),
  }),
  staffMember: t.field({
    type: StaffRef,
    authScopes: { can: 'viewRegistry' },
    args: { id: t.arg.id({ required: true, validate: objectId }) },
    resolve: (_, a, ctx) => service.getStaff(ctx.user, a.id),
  }),
}));

builder.mutationFields((t) => ({
  createStaff: t.field({
    type: StaffRef,
    authScopes: { can: 'editStaff' },
    args: { input: t.arg({ type: StaffInput, required: true }) },
    resolve: (_, { input }, ctx) => service.createStaff(requireUser(ctx.user), input),
  }),
  updateStaff: t.field({
    type: StaffRef,
    authScopes: { can: 'editStaff' },
    args: {
      id: t.arg.id({ required: true, validate: objectId }),
      input: t.arg({ type: StaffUpdateInput, required: true }),
    },
    resolve: (_, { id, input }, ctx) => service.updateStaff(requireUser(ctx.user), id, input),
  }),
}));
