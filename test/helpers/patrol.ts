// A small hall for patrol, violation and notice tests: two departments, windows with someone on
// duty, and an account per role.
import { DutyModel } from '../../server/src/domains/staff/duty.model.js';
import { Client } from './client.js';
import { makeDepartment, makeStaff, makeUser, makeWindow, PASSWORD } from './fixtures.js';
import type { TestApp } from './app.js';

export async function as(app: TestApp, role: 'ADMIN' | 'MANAGER' | 'INSPECTOR' | 'DEPARTMENT', dept?: string) {
  const user = await makeUser(role, dept);
  const c = new Client(app.url);
  await c.login(user.username, PASSWORD);
  return Object.assign(c, { userId: user.id, username: user.username });
}

export async function makeHall() {
  const gsj = await makeDepartment('GSJ', '市工商行政管理局');
  const dsj = await makeDepartment('DSJ', '市地方税务局');
  const since = new Date(Date.now() - 86_400_000);
  const seat = async (code: string, dept: string, staffNo: string, name: string) => {
    const window = await makeWindow(code, dept);
    const staff = await makeStaff(staffNo, dept, name);
    await DutyModel.create({ window, staff, department: dept, from: since, to: null });
    return { window, staff };
  };
  return {
    gsj,
    dsj,
    b01: await seat('B01', gsj, 'GSJ01', '赵一'),
    b02: await seat('B02', gsj, 'GSJ02', '钱二'),
    c01: await seat('C01', dsj, 'DSJ01', '孙三'),
  };
}
