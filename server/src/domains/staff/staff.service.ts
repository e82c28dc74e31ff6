import { Types } from 'mongoose';
import type { z } from 'zod';
import type { SessionUser } from '../../graphql/context.js';
import { notFound, uniqueOr, validationFailed } from '../../graphql/errors.js';
import { paginate, textMatch } from '../../graphql/pagination.js';
import { assertDepartment, departmentFilter } from '../accounts/access.js';
import { DepartmentModel } from '../departments/department.model.js';
import type { staffFilter, staffInput, staffUpdate } from './staff.inputs.js';
import { StaffModel, type Staff } from './staff.model.js';

/** Where the rating page and the admin load a staff member's photo from (public: see staff.routes.ts). */
export const photoUrl = (s: Pick<Staff, 'photo'>) => (s.photo ? `/files/${s.photo.toHexString()}` : null);

export function pageStaff(user: SessionUser | null, f: z.output<typeof staffFilter>, page: number, pageSize: number) {
  const filter = {
    ...(f.departmentId ? { department: new Types.ObjectId(f.departmentId) } : {}),
    ...departmentFilter(user),
    ...(f.active == null ? {} : { active: f.active }),
    ...textMatch(f.search, ['name', 'staffNo', 'title']),
  };
  return paginate<Staff>(StaffModel, filter, { department: 1, staffNo: 1 }, page, pageSize);
}

export async function getStaff(user: SessionUser | null, id: string) {
  const staff = await StaffModel.findById(id).lean<Staff>();
  if (!staff) throw notFound('Staff member');
  assertDepartment(user, staff.department, 'this staff member');
  return staff;
}

async function checkDepartment(user: SessionUser, id: string) {
  assertDepartment(user, id, 'another department');
  if (!(await DepartmentModel.exists({ _id: id }))) {
    throw validationFailed([{ path: 'departmentId', message: 'no such department' }]);
  }
}

export async function createStaff(user: SessionUser, input: z.output<typeof staffInput>) {
  await checkDepartment(user, input.departmentId);
  const doc = await uniqueOr(
    StaffModel.create({
      staffNo: input.staffNo,
      name: input.name,
      department: input.departmentId,
      title: input.title ?? '',
    }),
    'Staff member',
  );
  return doc.toObject<Staff>();
}

export async function updateStaff(user: SessionUser, id: string, changes: z.output<typeof staffUpdate>) {
  await getStaff(user, id);
  const { departmentId, ...plain } = changes;
  if (departmentId) await checkDepartment(user, departmentId);
  const doc = await uniqueOr(
    StaffModel.findByIdAndUpdate(
      id,
      { ...plain, ...(departmentId ? { department: departmentId } : {}) },
      {
        new: true,
        runValidators: true,
      },
    ).lean<Staff>(),
    'Staff member',
  );
  if (!doc) throw notFound('Staff member');
  return doc;
}
