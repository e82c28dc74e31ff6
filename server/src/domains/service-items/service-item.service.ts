import { Types } from 'mongoose';
import type { z } from 'zod';
import type { SessionUser } from '../../graphql/context.js';
import { notFound, uniqueOr, validationFailed } from '../../graphql/errors.js';
import { paginate, textMatch } from '../../graphql/pagination.js';
import { assertDepartment, departmentFilter } from '../accounts/access.js';
import { DepartmentModel } from '../departments/department.model.js';
import type { serviceItemFilter, serviceItemInput, serviceItemUpdate } from './service-item.inputs.js';
import { ServiceItemModel, type ServiceItem } from './service-item.model.js';

export function pageItems(
  user: SessionUser | null,
  f: z.output<typeof serviceItemFilter>,
  page: number,
  pageSize: number,
) {
  const filter = {
    ...(f.departmentId ? { department: new Types.ObjectId(f.departmentId) } : {}),
    ...departmentFilter(user),
    ...(f.category ? { category: f.category } : {}),
    ...(f.active == null ? {} : { active: f.active }),
    ...textMatch(f.search, ['name', 'code']),
  };
  return paginate<ServiceItem>(ServiceItemModel, filter, { department: 1, code: 1 }, page, pageSize);
}

export async function getItem(user: SessionUser | null, id: string) {
  const item = await ServiceItemModel.findById(id).lean<ServiceItem>();
  if (!item) throw notFound('Service item');
  assertDepartment(user, item.department, 'this service item');
  return item;
}

function checkLimits(legalDays: number, promisedDays: number) {
  if (promisedDays > legalDays) {
    throw validationFailed([{ path: 'promisedDays', message: 'cannot exceed the legal time limit' }]);
  }
}

async function checkDepartment(user: SessionUser, id: string) {
  assertDepartment(user, id, 'another department');
  if (!(await DepartmentModel.exists({ _id: id }))) {
    throw validationFailed([{ path: 'departmentId', message: 'no such department' }]);
  }
}

export async function createItem(user: SessionUser, input: z.output<typeof serviceItemInput>) {
  await checkDepartment(user, input.departmentId);
  checkLimits(input.legalDays, input.promisedDays);
  const { departmentId, ...rest } = input;
  const doc = await uniqueOr(ServiceItemModel.create({ ...rest, department: departmentId }), 'Service item');
  return doc.toObject<ServiceItem>();
}

export async function updateItem(user: SessionUser, id: string, changes: z.output<typeof serviceItemUpdate>) {
  const item = await getItem(user, id);
  const { departmentId, ...rest } = changes;
  if (departmentId) await checkDepartment(user, departmentId);
  checkLimits(changes.legalDays ?? item.legalDays, changes.promisedDays ?? item.promisedDays);
  const doc = await uniqueOr(
    ServiceItemModel.findByIdAndUpdate(
      id,
      { ...rest, ...(departmentId ? { department: departmentId } : {}) },
      {
        new: true,
        runValidators: true,
      },
    ).lean<ServiceItem>(),
    'Service item',
  );
  if (!doc) throw notFound('Service item');
  return doc;
}
