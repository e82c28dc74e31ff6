import { WINDOW_CODE } from '../../../../common/ids.js';
import { z } from 'zod';
import { builder } from '../../graphql/builder.js';
import { editOf, inputOf, objectId, provided, text } from '../../graphql/inputs.js';
import { loadByIds } from '../../graphql/loaders.js';
import { pageArgs, pageType } from '../../graphql/pagination.js';
import { canSeeDepartment, requireUser } from '../accounts/access.js';
import { DepartmentRef } from '../departments/department.schema.js';
import { ServiceItemRef } from '../service-items/service-item.schema.js';
import { qrUrl } from './qr.js';
import { WindowModel, type Window } from './window.model.js';
import * as service from './window.service.js';

export const WindowRef = builder.loadableObjectRef<Window, string>('Window', {
  load: loadByIds<Window>(WindowModel),
});

WindowRef.implement({
  description: 'A numbered service counter (窗口) with its own QR code',
  authScopes: (win, ctx) => canSeeDepartment(ctx.user, win.department),
  fields: (t) => ({
    id: t.id({ resolve: (w) => String(w._id) }),
    code: t.exposeString('code'),
    zone: t.exposeString('zone'),
    number: t.exposeInt('number'),
    name: t.exposeString('name'),
    department: t.field({ type: DepartmentRef, resolve: (w) => String(w.department) }),
    serviceItems: t.field({ type: [ServiceItemRef], resolve: (w) => w.serviceItems.map(String) }),
    active: t.exposeBoolean('active'),
    qrUrl: t.string({
      description: 'What the QR code encodes: PUBLIC_BASE_URL/r/<code>?s=<signature>',
      resolve: (w, _, ctx) => qrUrl(ctx.config, w.code, w.qrVersion),
    }),
    qrVersion: t.exposeInt('qrVersion', { description: 'Bumped when the printed codes are revoked' }),
  }),
});

const WindowPage = pageType<Window>('WindowPage', WindowRef);

const code = z.string().trim().toUpperCase().regex(WINDOW_CODE, '2 to 16 letters, digits or -');
const zone = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{1,2}$/, 'one or two letters');
const number = z.number().int().min(1).max(999);
const itemIds = z.array(objectId).max(200);

const fields = { code, zone, number, name: text(40), departmentId: objectId };

const WindowInput = builder.inputType('WindowInput', {
  validate: inputOf({ ...fields, serviceItemIds: itemIds.nullish() }),
  fields: (t) => ({
    code: t.string({ required: true }),
    zone: t.string({ required: true }),
    number: t.int({ required: true }),
    name: t.string({ required: true }),
    departmentId: t.id({ required: true }),
    serviceItemIds: t.idList(),
  }),
});

const WindowUpdateInput = builder.inputType('WindowUpdateInput', {
  validate: editOf({ ...fields, serviceItemIds: itemIds, active: z.boolean() }),
  fields: (t) => ({
    code: t.string(),
    zone: t.string(),
    number: t.int(),
    name: t.string(),
    departmentId: t.id(),
    serviceItemIds: t.idList(),
    active: t.boolean(),
  }),
});

const filterArgs = (arg: Parameters<Parameters<typeof builder.queryField>[1]>[0]['arg']) => ({
  departmentId: arg.id({ validate: objectId }),
  zone: arg.string({ validate: z.string().max(2) }),
  search: arg.string({ validate: z.string().max(50) }),
  active: arg.boolean(),
});

builder.queryFields((t) => ({
  windows: t.field({
    type: [WindowRef],
    description: 'Windows by zone and number; a liaison gets only its own department',
    authScopes: { can: 'viewRegistry' },
    args: filterArgs(t.arg),
    resolve: (_, a, ctx) =>
      service.listWindows(ctx.user, { ...a, departmentId: a.departmentId && String(a.departmentId) }),
  }),
  windowPage: t.field({
    type: WindowPage,
    authScopes: { can: 'viewRegistry' },
    args: { ...filterArgs(t.arg), ...pageArgs(t.arg) },
    resolve: (_, a, ctx) =>
      service.pageWindows(
        ctx.user,
        { ...a, departmentId: a.departmentId && String(a.departmentId) },
        a.page,
        a.pageSize,
      ),
  }),
  window: t.field({
    type: WindowRef,
    authScopes: { can: 'viewRegistry' },
    args: { id: t.arg.id({ required: true, validate: objectId }) },
    resolve: (_, a, ctx) => service.getWindow(ctx.user, String(a.id)),
  }),
}));

builder.mutationFields((t) => ({
  reissueWindowQr: t.field({
    type: WindowRef,
    description: 'Revokes every printed QR code of the window and issues a new one',
    authScopes: { can: 'manageWindows' },
    args: { id: t.arg.id({ required: true, validate: objectId }) },
    resolve: (_, a) => service.reissueQr(String(a.id)),
  }),
  createWindow: t.field({
    type: WindowRef,
    authScopes: { can: 'manageWindows' },
    args: { input: t.arg({ type: WindowInput, required: true }) },
    resolve: (_, { input }) =>
      service.createWindow({
        ...input,
        departmentId: String(input.departmentId),
        serviceItemIds: input.serviceItemIds?.map(String),
      }),
  }),
  updateWindow: t.field({
    type: WindowRef,
    description: 'Admins change anything; a liaison only the name and service items of its own windows',
    authScopes: { can: 'editWindows' },
    args: {
      id: t.arg.id({ required: true, validate: objectId }),
      input: t.arg({ type: WindowUpdateInput, required: true }),
    },
    resolve: (_, { id, input }, ctx) => {
      const { departmentId, serviceItemIds, ...rest } = provided(input);
      return service.updateWindow(requireUser(ctx.user), String(id), {
        ...rest,
        ...(departmentId ? { departmentId: String(departmentId) } : {}),
        ...(serviceItemIds ? { serviceItemIds: serviceItemIds.map(String) } : {}),
      });
    },
  }),
}));
