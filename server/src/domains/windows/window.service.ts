import { Types, trusted } from 'mongoose';
import type { z } from 'zod';
import { can } from '../../../../common/roles.js';
import type { SessionUser } from '../../graphql/context.js';
import { forbidden, notFound, uniqueOr, validationFailed } from '../../graphql/errors.js';
import { paginate, textMatch } from '../../graphql/pagination.js';
import { assertDepartment, departmentFilter } from '../accounts/access.js';
import { DepartmentModel } from '../departments/department.model.js';
import { ServiceItemModel } from '../service-items/service-item.model.js';
import type { WindowChanges, windowFilter, windowInput } from './window.inputs.js';
import { WindowModel, type Window } from './window.model.js';

type WindowFilter = z.output<typeof windowFilter>;

/** What a department liaison may change on its own windows; the rest is the admin's. */
const LIAISON_EDITABLE = new Set(['name', 'serviceItemIds']);

function filterFor(user: SessionUser | null, f: WindowFilter) {
  return {
    ...(f.departmentId ? { department: new Types.ObjectId(f.departmentId) } : {}),
    ...departmentFilter(user), // a liaison's own department overrides whatever was asked
    ...(f.zone ? { zone: f.zone.toUpperCase() } : {}),
    ...(f.active == null ? {} : { active: f.active }),
    ...textMatch(f.search, ['code', 'name']),
  };
}

const ORDER = { zone: 1, number: 1 } as const;

export function listWindows(user: SessionUser | null, f: WindowFilter) {
  return WindowModel.find(filterFor(user, f)).sort(ORDER).lean<Window[]>();
}

export function pageWindows(user: SessionUser | null, f: WindowFilter, page: number, pageSize: number) {
  return paginate<Window>(WindowModel, filterFor(user, f), ORDER, page, pageSize);
}

export async function getWindow(user: SessionUser | null, id: string) {
  const win = await WindowModel.findById(id).lean<Window>();
  if (!win) throw notFound('Window');
  assertDepartment(user, win.department, 'this window');
  return win;
}

/** Service items must exist and belong to the window's department. */
async function checkItems(departmentId: string, ids: string[] | null | undefined) {
  if (!ids?.length) return [];
  const unique = [...new Set(ids)];
  const found = await ServiceItemModel.countDocuments({ _id: trusted({ $in: unique }), department: departmentId });
  if (found !== unique.length) {
    throw validationFailed([
      { path: 'serviceItemIds', message: "not all are service items of the window's department" },
    ]);
  }
  return unique.map((id) => new Types.ObjectId(id));
}

async function checkDepartment(id: string) {
  if (!(await DepartmentModel.exists({ _id: id }))) {
    throw validationFailed([{ path: 'departmentId', message: 'no such department' }]);
  }
}

export async function createWindow(input: z.output<typeof windowInput>) {
  await checkDepartment(input.departmentId);
  const doc = await uniqueOr(
    WindowModel.create({
      code: input.code,
      zone: input.zone,
      number: input.number,
      name: input.name,
      department: input.departmentId,
      serviceItems: await checkItems(input.departmentId, input.serviceItemIds),
    }),
    'Window',
  );
  return doc.toObject<Window>();
}

export async function updateWindow(user: SessionUser, id: string, changes: WindowChanges) {
  const win = await getWindow(user, id);
  if (!can(user.role, 'manageWindows')) {
    const locked = Object.keys(changes).filter((k) => !LIAISON_EDITABLE.has(k));
    if (locked.length) throw forbidden('changing {{fields}} (ask an administrator)', { fields: locked.join(', ') });
  }
  const departmentId = changes.departmentId ?? String(win.department);
  if (changes.departmentId) await checkDepartment(changes.departmentId);
  const { serviceItemIds, departmentId: _d, ...plain } = changes;
  const itemsChanged = serviceItemIds !== undefined || changes.departmentId !== undefined;
  const set = {
    ...plain,
    ...(changes.departmentId ? { department: departmentId } : {}),
    ...(itemsChanged
      ? { serviceItems: await checkItems(departmentId, serviceItemIds ?? win.serviceItems.map(String)) }
      : {}),
  };
  const doc = await uniqueOr(
    WindowModel.findByIdAndUpdate(id, set, { new: true, runValidators: true }).lean<Window>(),
    'Window',
  );
  if (!doc) throw notFound('Window');
  return doc;
}

export async function reissueQr(id: string) {
  const doc = await WindowModel.findByIdAndUpdate(id, { $inc: { qrVersion: 1 } }, { new: true }).lean<Window>();
  if (!doc) throw notFound('Window');
  return doc;
}
