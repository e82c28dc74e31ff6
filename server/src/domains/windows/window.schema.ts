import { builder } from '../../graphql/builder.js';
import { objectId } from '../../graphql/inputs.js';
import { loadByIds, refKey, refKeys } from '../../graphql/loaders.js';
import { pageArgs, pageType } from '../../graphql/pagination.js';
import { canSeeDepartment, requireUser } from '../accounts/access.js';
import { DepartmentRef } from '../departments/department.schema.js';
import { ServiceItemRef } from '../service-items/service-item.schema.js';
import { qrUrl } from './qr.js';
import { windowFilter, windowInput, windowUpdate } from './window.inputs.js';
import { WindowModel, type Window } from './window.model.js';
import * as service from './window.service.js';

export const WindowRef = builder.loadableObjectRef<Window, string>('Window', {
  load: loadByIds<Window>(WindowModel),
});

WindowRef.implement({
  description: 'A numbered service counter (窗口) with its own QR code',
  authScopes: (win, ctx) => canSeeDepartment(ctx.user, win.department),
  fields: (t) => ({
    id: t.exposeID('_id'),
    code: t.exposeString('code'),
    zone: t.exposeString('zone'),
    number: t.exposeInt('number'),
    name: t.exposeString('name'),
    department: t.field({ type: DepartmentRef, resolve: (w) => refKey(w.department) }),
    serviceItems: t.field({ type: [ServiceItemRef], resolve: (w) => refKeys(w.serviceItems) }),
    active: t.exposeBoolean('active'),
    qrUrl: t.string({
      description: 'What the QR code encodes: PUBLIC_BASE_URL/r/<code>?s=<signature>',
      resolve: (w, _, ctx) => qrUrl(ctx.config, w.code, w.qrVersion),
    }),
    qrVersion: t.exposeInt('qrVersion', { description: 'Bumped when the printed codes are revoked' }),
  }),
});

const WindowPage = pageType<Window>('WindowPage', WindowRef);

const WindowInput = builder
  .inputType('WindowInput', {
    fields: (t) => ({
      code: t.string({ required: true }),
      zone: t.string({ required: true }),
      number: t.int({ required: true }),
      name: t.string({ required: true }),
      departmentId: t.id({ required: true }),
      serviceItemIds: t.idList(),
    }),
  })
  .validate(windowInput);

const WindowUpdateInput = builder
  .inputType('WindowUpdateInput', {
    fields: (t) => ({
      code: t.string(),
      zone: t.string(),
      number: t.int(),
      name: t.string(),
      departmentId: t.id(),
      serviceItemIds: t.idList(),
      active: t.boolean(),
    }),
  })
  .validate(windowUpdate);

const filterArgs = (arg: Parameters<Parameters<typeof builder.queryField>[1]>[0]['arg']) => ({
  departmentId: arg.id({ validate: windowFilter.shape.departmentId }),
  zone: arg.string({ validate: windowFilter.shape.zone }),
  search: arg.string({ validate: windowFilter.shape.search }),
  active: arg.boolean(),
});

builder.queryFields((t) => ({
  windows: t.field({
    type: [WindowRef],
    description: 'Windows by zone and number; a liaison gets only its own department',
    authScopes: { can: 'viewRegistry' },
    args: filterArgs(t.arg),
    resolve: (_, a, ctx) => service.listWindows(ctx.user, a),
  }),
  windowPage: t.field({
    type: WindowPage,
    authScopes: { can: 'viewRegistry' },
    args: { ...filterArgs(t.arg), ...pageArgs(t.arg) },
    resolve: (_, a, ctx) => service.pageWindows(ctx.user, a, a.page, a.pageSize),
  }),
  window: t.field({
    type: WindowRef,
    authScopes: { can: 'viewRegistry' },
    args: { id: t.arg.id({ required: true, validate: objectId }) },
    resolve: (_, a, ctx) => service.getWindow(ctx.user, a.id),
  }),
}));

builder.mutationFields((t) => ({
  reissueWindowQr: t.field({
    type: WindowRef,
    description: 'Revokes every printed QR code of the window and issues a new one',
    authScopes: { can: 'manageWindows' },
    args: { id: t.arg.id({ required: true, validate: objectId }) },
    resolve: (_, a) => service.reissueQr(a.id),
  }),
  createWindow: t.field({
    type: WindowRef,
    authScopes: { can: 'manageWindows' },
    args: { input: t.arg({ type: WindowInput, required: true }) },
    resolve: (_, { input }) => service.createWindow(input),
  }),
  updateWindow: t.field({
    type: WindowRef,
    description: 'Admins change anything; a liaison only the name and service items of its own windows',
    authScopes: { can: 'editWindows' },
    args: {
      id: t.arg.id({ required: true, validate: objectId }),
      input: t.arg({ type: WindowUpdateInput, required: true }),
    },
    resolve: (_, { id, input }, ctx) => service.updateWindow(requireUser(ctx.user), id, input),
  }),
}));
