import { z } from 'zod';
import { builder } from '../../graphql/builder.js';
import { editOf, inputOf, objectId, provided, text } from '../../graphql/inputs.js';
import { loadByIds } from '../../graphql/loaders.js';
import { pageArgs, pageType } from '../../graphql/pagination.js';
import { requireUser } from '../accounts/access.js';
import { DepartmentRef } from '../departments/department.schema.js';
import { ITEM_CATEGORIES, ServiceItemModel, type ServiceItem } from './service-item.model.js';
import * as service from './service-item.service.js';

export const ItemCategoryEnum = builder.enumType('ItemCategory', {
  values: {
    LICENSING: { description: '行政许可' },
    NON_LICENSING: { description: '非许可审批' },
    PUBLIC_SERVICE: { description: '政务服务' },
  },
});

export const ServiceItemRef = builder.loadableObjectRef<ServiceItem, string>('ServiceItem', {
  load: loadByIds<ServiceItem>(ServiceItemModel),
});

ServiceItemRef.implement({
  description: 'A kind of application a department handles (审批服务事项)',
  fields: (t) => ({
    id: t.id({ resolve: (i) => String(i._id) }),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    category: t.field({ type: ItemCategoryEnum, resolve: (i) => i.category }),
    department: t.field({ type: DepartmentRef, resolve: (i) => String(i.department) }),
    legalDays: t.exposeInt('legalDays', { description: 'Legal time limit in working days' }),
    promisedDays: t.exposeInt('promisedDays', { description: 'Promised time limit in working days; 0 = on the spot' }),
    active: t.exposeBoolean('active'),
  }),
});

const ServiceItemPage = pageType<ServiceItem>('ServiceItemPage', ServiceItemRef);

const code = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9-]{2,20}$/, '2 to 20 letters, digits or -');
const days = z.number().int().min(0).max(365);

const fields = {
  code,
  name: text(80),
  departmentId: objectId,
  category: z.enum(ITEM_CATEGORIES),
  legalDays: days,
  promisedDays: days,
};

const ServiceItemInput = builder.inputType('ServiceItemInput', {
  validate: inputOf(fields),
  fields: (t) => ({
    code: t.string({ required: true }),
    name: t.string({ required: true }),
    departmentId: t.id({ required: true }),
    category: t.field({ type: ItemCategoryEnum, required: true }),
    legalDays: t.int({ required: true }),
    promisedDays: t.int({ required: true }),
  }),
});

const ServiceItemUpdateInput = builder.inputType('ServiceItemUpdateInput', {
  validate: editOf({ ...fields, active: z.boolean() }),
  fields: (t) => ({
    code: t.string(),
    name: t.string(),
    departmentId: t.id(),
    category: t.field({ type: ItemCategoryEnum }),
    legalDays: t.int(),
    promisedDays: t.int(),
    active: t.boolean(),
  }),
});

builder.queryFields((t) => ({
  serviceItems: t.field({
    type: ServiceItemPage,
    authScopes: { can: 'viewRegistry' },
    args: {
      departmentId: t.arg.id({ validate: objectId }),
      category: t.arg({ type: ItemCategoryEnum }),
      search: t.arg.string({ validate: z.string().max(50) }),
      active: t.arg.boolean(),
      ...pageArgs(t.arg),
    },
    resolve: (_, a, ctx) =>
      service.pageItems(ctx.user, { ...a, departmentId: a.departmentId && String(a.departmentId) }, a.page, a.pageSize),
  }),
  serviceItem: t.field({
    type: ServiceItemRef,
    authScopes: { can: 'viewRegistry' },
    args: { id: t.arg.id({ required: true, validate: objectId }) },
    resolve: (_, a, ctx) => service.getItem(ctx.user, String(a.id)),
  }),
}));

builder.mutationFields((t) => ({
  createServiceItem: t.field({
    type: ServiceItemRef,
    authScopes: { can: 'editServiceItems' },
    args: { input: t.arg({ type: ServiceItemInput, required: true }) },
    resolve: (_, { input }, ctx) =>
      service.createItem(requireUser(ctx.user), { ...input, departmentId: String(input.departmentId) }),
  }),
  updateServiceItem: t.field({
    type: ServiceItemRef,
    authScopes: { can: 'editServiceItems' },
    args: {
      id: t.arg.id({ required: true, validate: objectId }),
      input: t.arg({ type: ServiceItemUpdateInput, required: true }),
    },
    resolve: (_, { id, input }, ctx) => {
      const { departmentId, ...rest } = provided(input);
      return service.updateItem(requireUser(ctx.user), String(id), {
        ...rest,
        ...(departmentId ? { departmentId: String(departmentId) } : {}),
      });
    },
  }),
}));
