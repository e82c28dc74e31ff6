import { z } from 'zod';
import { builder } from '../../graphql/builder.js';
import { objectId } from '../../graphql/inputs.js';
import { loadByIds } from '../../graphql/loaders.js';
import { canSeeDepartment } from '../accounts/access.js';
import { departmentInput, departmentUpdate } from './department.inputs.js';
import { DepartmentModel, type Department } from './department.model.js';
import * as service from './department.service.js';

export const DepartmentRef = builder.loadableObjectRef<Department, string>('Department', {
  load: loadByIds<Department>(DepartmentModel),
});

DepartmentRef.implement({
  description: 'A government unit stationed in the center (进驻部门)',
  // Backstop: whatever path leads here, a liaison never sees another department.
  authScopes: (dept, ctx) => canSeeDepartment(ctx.user, dept._id),
  fields: (t) => ({
    id: t.exposeID('_id'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    shortName: t.exposeString('shortName'),
    sortOrder: t.exposeInt('sortOrder'),
    active: t.exposeBoolean('active'),
  }),
});

const DepartmentInput = builder
  .inputType('DepartmentInput', {
    fields: (t) => ({
      code: t.string({ required: true }),
      name: t.string({ required: true }),
      shortName: t.string({ required: true }),
      sortOrder: t.int(),
    }),
  })
  .validate(departmentInput);

const DepartmentUpdateInput = builder
  .inputType('DepartmentUpdateInput', {
    fields: (t) => ({
      code: t.string(),
      name: t.string(),
      shortName: t.string(),
      sortOrder: t.int(),
      active: t.boolean(),
    }),
  })
  .validate(departmentUpdate);

builder.queryFields((t) => ({
  departments: t.field({
    type: [DepartmentRef],
    description: 'Departments, by sort order; a liaison gets only its own',
    authScopes: { can: 'viewRegistry' },
    args: { search: t.arg.string({ validate: z.string().max(50) }), active: t.arg.boolean() },
    resolve: (_, args, ctx) => service.listDepartments(ctx.user, args.search, args.active),
  }),
  department: t.field({
    type: DepartmentRef,
    authScopes: { can: 'viewRegistry' },
    args: { id: t.arg.id({ required: true, validate: objectId }) },
    resolve: (_, args, ctx) => service.getDepartment(ctx.user, args.id),
  }),
}));

builder.mutationFields((t) => ({
  createDepartment: t.field({
    type: DepartmentRef,
    authScopes: { can: 'manageDepartments' },
    args: { input: t.arg({ type: DepartmentInput, required: true }) },
    resolve: (_, { input }) => service.createDepartment(input),
  }),
  updateDepartment: t.field({
    type: DepartmentRef,
    authScopes: { can: 'manageDepartments' },
    args: {
      id: t.arg.id({ required: true, validate: objectId }),
      input: t.arg({ type: DepartmentUpdateInput, required: true }),
    },
    resolve: (_, { id, input }) => service.updateDepartment(id, input),
  }),
}));
