// A small hall for patrol, violation and notice tests: two departments, windows with someone on
// duty, and an account per role.
import { RoundModel } from '../../server/src/domains/inspections/round.model.js';
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

/** A scheduled round of today for the inspector, planned five minutes ago and due in 55. */
export async function roundFor(inspectorId: string, slot: string) {
  const now = Date.now();
  const r = await RoundModel.create({
    date: new Date(now + 8 * 3600_000).toISOString().slice(0, 10),
    slot,
    kind: 'SCHEDULED',
    plannedAt: new Date(now - 5 * 60_000),
    dueAt: new Date(now + 55 * 60_000),
    inspector: inspectorId,
  });
  return String(r._id);
}

/**
 * A round of today that was due a minute ago and never started, so it reads as missed at any hour
 * (the schedule's own rounds are all still ahead early in the morning).
 */
export async function missedRoundFor(inspectorId: string, slot: string) {
  const now = Date.now();
  const r = await RoundModel.create({
    date: new Date(now + 8 * 3600_000).toISOString().slice(0, 10),
    slot,
    kind: 'SCHEDULED',
    plannedAt: new Date(now - 61 * 60_000),
    dueAt: new Date(now - 60_000),
    inspector: inspectorId,
  });
  return String(r._id);
}
