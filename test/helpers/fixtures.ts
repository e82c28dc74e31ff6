// Records created straight through the models, for tests that need a world to act in.
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../server/src/domains/accounts/password.js';
import type { Role } from '../../common/roles.js';
import { UserModel } from '../../server/src/domains/accounts/user.model.js';
import { DepartmentModel } from '../../server/src/domains/departments/department.model.js';
import { DutyModel } from '../../server/src/domains/staff/duty.model.js';
import { StaffModel } from '../../server/src/domains/staff/staff.model.js';
import { RatingModel } from '../../server/src/domains/ratings/rating.model.js';
import { periodKeys } from '../../common/periods.js';
import { WindowModel } from '../../server/src/domains/windows/window.model.js';
import { Client } from './client.js';
import { isBad, isGood, type RatingLevel } from '../../common/ratings.js';

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

/** Puts a staff member on duty at a window from an hour ago, open-ended. */
export async function putOnDuty(windowId: string, staffId: string, departmentId: string) {
  await DutyModel.create({
    window: windowId,
    staff: staffId,
    department: departmentId,
    from: new Date(Date.now() - 3600_000),
  });
}

/** A rating written straight to the database (for analytics fixtures), counted unless told. */
export async function makeRating(r: {
  window: string;
  department: string;
  staff?: string | null;
  level: RatingLevel;
  at: Date;
  suspect?: boolean;
  excluded?: boolean;
}) {
  const doc = await RatingModel.create({
    clientKey: randomUUID(),
    window: r.window,
    department: r.department,
    staff: r.staff ?? null,
    level: r.level,
    negative: isBad(r.level),
    good: isGood(r.level),
    ipHash: 'fixture',
    channel: 'QR',
    createdAt: r.at,
    ...periodKeys(r.at),
    suspect: r.suspect ?? false,
    excluded: r.excluded ?? false,
    counted: !r.suspect && !r.excluded,
  });
  return String(doc._id);
}

/** A client logged in as a fresh account with the role (a liaison of the department). */
export async function staffClient(baseUrl: string, role: Role, departmentId?: string) {
  const client = new Client(baseUrl);
  await client.login((await makeUser(role, departmentId)).username, PASSWORD);
  return client;
}
