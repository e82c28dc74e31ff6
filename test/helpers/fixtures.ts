// Records created straight through the models, for tests that need a world to act in.
import { hashPassword } from '../../server/src/domains/accounts/password.js';
import type { Role } from '../../server/src/domains/accounts/roles.js';
import { UserModel } from '../../server/src/domains/accounts/user.model.js';
import { DepartmentModel } from '../../server/src/domains/departments/department.model.js';
import { StaffModel } from '../../server/src/domains/staff/staff.model.js';
import { WindowModel } from '../../server/src/domains/windows/window.model.js';
import { Client } from './client.js';

export const PASSWORD = 'correct horse battery';
let hash: Promise<string> | undefined;
let seq = 0;

export async function makeUser(role: Role, departmentId?: unknown, username = `${role.toLowerCase()}${++seq}`) {
  const user = await UserModel.create({
    username,
    displayName: `${role} ${seq}`,
    role,
    department: departmentId ?? null,
    passwordHash: await (hash ??= hashPassword(PASSWORD)),
  });
  return { id: String(user._id), username };
}

export async function makeDepartment(code: string, name = `${code} 局`) {
  const d = await DepartmentModel.create({ code, name, shortName: name });
  return String(d._id);
}

export async function makeWindow(code: string, departmentId: string, number = ++seq) {
  const w = await WindowModel.create({ code, zone: 'A', number, name: `${code} 窗口`, department: departmentId });
  return String(w._id);
}

export async function makeStaff(staffNo: string, departmentId: string, name = `员工${staffNo}`) {
  const s = await StaffModel.create({ staffNo, name, department: departmentId });
  return String(s._id);
}

/** A client logged in as a fresh account with the role (a liaison of the department). */
export async function staffClient(baseUrl: string, role: Role, departmentId?: string) {
  const client = new Client(baseUrl);
  await client.login((await makeUser(role, departmentId)).username, PASSWORD);
  return client;
}
