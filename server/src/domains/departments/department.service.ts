import type { z } from 'zod';
import type { SessionUser } from '../../graphql/context.js';
import { notFound, uniqueOr } from '../../graphql/errors.js';
import { textMatch } from '../../graphql/pagination.js';
import { assertDepartment, departmentFilter } from '../accounts/access.js';
import type { departmentInput, departmentUpdate } from './department.inputs.js';
import { DepartmentModel, type Department } from './department.model.js';

export async function listDepartments(user: SessionUser | null, q?: string | null, active?: boolean | null) {
  const own = departmentFilter(user).department;
  const filter = {
    ...(own ? { _id: own } : {}),
    ...(active == null ? {} : { active }),
    ...textMatch(q, ['name', 'shortName', 'code']),
  };
  return DepartmentModel.find(filter).sort({ sortOrder: 1, code: 1 }).lean<Department[]>();
}

export async function getDepartment(user: SessionUser | null, id: string) {
  assertDepartment(user, id, 'this department');
  const dept = await DepartmentModel.findById(id).lean<Department>();
  if (!dept) throw notFound('Department');
  return dept;
}

export async function createDepartment(input: z.output<typeof departmentInput>) {
  const doc = await uniqueOr(DepartmentModel.create(input), 'Department');
  return doc.toObject<Department>();
}

export async function updateDepartment(id: string, changes: z.output<typeof departmentUpdate>) {
  const doc = await uniqueOr(
    DepartmentModel.findByIdAndUpdate(id, changes, { new: true, runValidators: true }).lean<Department>(),
    'Department',
  );
  if (!doc) throw notFound('Department');
  return doc;
}
