import { builder } from '../../graphql/builder.js';
import { objectId } from '../../graphql/inputs.js';
import { loadByIds, refKey } from '../../graphql/loaders.js';
import { pageArgs, pageType } from '../../graphql/pagination.js';
import { requireUser } from '../accounts/access.js';
import { DepartmentRef } from '../departments/department.schema.js';
import { serviceItemFilter, serviceItemInput, serviceItemUpdate } from './service-item.inputs.js';
import { ServiceItemModel, type ServiceItem } from './service-item.model.js';
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
    id: t.exposeID('_id'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    category: t.field({ type: ItemCategoryEnum, resolve: (i) => i.category }),
    department: t.field({ type: DepartmentRef, resolve: (i) => refKey(i.department) }),
    legalDays: t.exposeInt('legalDays', { description: 'Legal time limit in working days' }),
    promisedDays: t.exposeInt('promisedDays', { description: 'Promised time limit in working days; 0 = on the spot' }),
    active: t.exposeBoolean('active'),
    basicCode: t.exposeString('basicCode', { description: '基本编码 in the national catalogue (empty if not known)' }),
    implementationCode: t.exposeString('implementationCode', { description: '实施编码 (empty if not known)' }),
  }),
});

const ServiceItemPage = pageType<ServiceItem>('ServiceItemPage', ServiceItemRef);

const ServiceItemInput = builder
  .inputType('ServiceItemInput', {
    fields: (t) => ({
      code: t.string({ required: true }),
      name: t.string({ required: true }),
      departmentId: t.id({ required: true }),
      category: t.field({ type: ItemCategoryEnum, required: true }),
      legalDays: t.int({ required: true }),
      promisedDays: t.int({ required: true }),
      basicCode: t.string(),
      implementationCode: t.string(),
    }),
  })
  .validate(serviceItemInput);

const ServiceItemUpdateInput = builder
  .inputType('ServiceItemUpdateInput', {
    fields: (t) => ({
      code: t.string(),
      name: t.string(),
      departmentId: t.id(),
      category: t.field({ type: ItemCategoryEnum }),
      legalDays: t.int(),
      promisedDays: t.int(),
      basicCode: t.string(),
      implementationCode: t.string(),
      active: t.boolean(),
    }),
  })
  .validate(serviceItemUpdate);

const { shape } = serviceItemFilter;

builder.queryFields((t) => ({
  serviceItems: t.field({
    type: ServiceItemPage,
    authScopes: { can: 'viewRegistry' },
    args: {
      departmentId: t.arg.id({ validate: shape.departmentId }),
      category: t.arg({ type: ItemCategoryEnum }),
      search: t.arg.string({ validate: shape.search }),
      active: t.arg.boolean(),
      ...pageArgs(t.arg),
    },
    resolve: (_, a, ctx) => service.pageItems(ctx.user, a, a.page, a.pageSize),
  }),
  serviceItem: t.field({
    type: ServiceItemRef,
    authScopes: { can: 'viewRegistry' },
    args: { id: t.arg.id({ required: true, validate: objectId }) },
    resolve: (_, a, ctx) => service.getItem(ctx.user, a.id),
  }),
}));

builder.mutationFields((t) => ({
  createServiceItem: t.field({
    type: ServiceItemRef,
    authScopes: { can: 'editServiceItems' },
    args: { input: t.arg({ type: ServiceItemInput, required: true }) },
    resolve: (_, { input }, ctx) => service.createItem(requireUser(ctx.user), input),
  }),
  updateServiceItem: t.field({
    type: ServiceItemRef,
    authScopes: { can: 'editServiceItems' },
    args: {
      id: t.arg.id({ required: true, validate: objectId }),
      input: t.arg({ type: ServiceItemUpdateInput, required: true }),
    },
    resolve: (_, { id, input }, ctx) => service.updateItem(requireUser(ctx.user), id, input),
  }),
}));
