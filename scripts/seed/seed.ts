// Loads the demo center (departments, service items, windows, staff, roster, accounts) into the
// connected database. Idempotent: every record is upserted by its natural key, so running it
// again changes nothing and never duplicates; an existing admin keeps its password.
import { randomBytes } from 'node:crypto';
import type { AnyBulkWriteOperation } from 'mongoose';
import { hashPassword } from '../../server/src/domains/accounts/password.js';
import { UserModel } from '../../server/src/domains/accounts/user.model.js';
import { importChineseDays } from '../../server/src/domains/calendar/calendar.service.js';
import { DepartmentModel } from '../../server/src/domains/departments/department.model.js';
import { ServiceItemModel } from '../../server/src/domains/service-items/service-item.model.js';
import { DutyModel } from '../../server/src/domains/staff/duty.model.js';
import { StaffModel } from '../../server/src/domains/staff/staff.model.js';
import { WindowModel } from '../../server/src/domains/windows/window.model.js';
import { seedBulletin } from './bulletins.js';
import { seedCases } from './cases.js';
import { seedComplaints } from './complaints.js';
import { seedDepartments, seedStaffNames } from './data.js';
import { seedInspections } from './inspections.js';
import { seedRatings } from './ratings.js';
import { ROLE } from '../../common/roles.js';

/** The roster starts here, so ratings in any demo period find someone on duty. */
const ROSTER_START = new Date('2025-01-01T00:00:00+08:00');

export interface SeedResult {
  departments: number;
  serviceItems: number;
  windows: number;
  staff: number;
  accounts: Array<{ username: string; role: string; password: string | null }>;
}

const byCode = <T extends { code: string }>(docs: T[]) => new Map(docs.map((d) => [d.code, d]));

async function upsertAll(
  model: { bulkWrite(ops: AnyBulkWriteOperation[]): Promise<unknown> },
  key: string,
  rows: Record<string, unknown>[],
) {
  if (!rows.length) return;
  await model.bulkWrite(
    rows.map((row) => ({ updateOne: { filter: { [key]: row[key] }, update: { $set: row }, upsert: true } })),
  );
}

function staffPlan() {
  const names = seedStaffNames(400);
  let next = 0;
  return seedDepartments.flatMap((d) => {
    const count = Math.max(2, Math.round(d.windows.length * 1.9));
    return Array.from({ length: count }, (_, i) => ({
      staffNo: `${d.code}${String(i + 1).padStart(2, '0')}`,
      name: names[next++]!,
      title: i === 0 ? '首席代表' : i % 3 === 0 ? '审批员' : '受理员',
      dept: d.code,
    }));
  });
}

export interface SeedOptions {
  adminPassword?: string;
  log?: (m: string) => void;
  /** Days of demo activity (ratings, follow-ups...) up to today; 0 for the registry only. */
  activityDays?: number;
}

export async function seedDemo(opts: SeedOptions = {}): Promise<SeedResult> {
  const log = opts.log ?? (() => {});
  await upsertAll(
    DepartmentModel,
    'code',
    seedDepartments.map((d, i) => ({ code: d.code, name: d.name, shortName: d.shortName, sortOrder: i + 1 })),
  );
  const depts = byCode(await DepartmentModel.find().lean());

  const items = seedDepartments.flatMap((d) => d.items.map((it) => ({ ...it, department: depts.get(d.code)!._id })));
  await upsertAll(ServiceItemModel, 'code', items);
  const itemDocs = await ServiceItemModel.find().lean();

  const windows = seedDepartments.flatMap((d) => {
    const deptId = depts.get(d.code)!._id;
    const deptItems = itemDocs.filter((it) => String(it.department) === String(deptId)).map((it) => it._id);
    return d.windows.map((w) => ({ ...w, department: deptId, serviceItems: deptItems }));
  });
  await upsertAll(WindowModel, 'code', windows);

  const plan = staffPlan();
  await upsertAll(
    StaffModel,
    'staffNo',
    plan.map((s) => ({ staffNo: s.staffNo, name: s.name, title: s.title, department: depts.get(s.dept)!._id })),
  );
  const staffDocs = byCode((await StaffModel.find().lean()).map((s) => ({ ...s, code: s.staffNo })));
  const windowDocs = byCode(await WindowModel.find().lean());

  // The i-th window of a department is staffed by its i-th staff member from ROSTER_START on.
  const duties = seedDepartments.flatMap((d) =>
    d.windows.map((w, i) => {
      const win = windowDocs.get(w.code)!;
      const staff = staffDocs.get(`${d.code}${String(i + 1).padStart(2, '0')}`)!;
      return { window: win._id, staff: staff._id, department: win.department, from: ROSTER_START, to: null };
    }),
  );
  await DutyModel.bulkWrite(
    duties.map((row) => ({
      updateOne: { filter: { window: row.window, from: row.from }, update: { $setOnInsert: row }, upsert: true },
    })),
  );
  log(
    `registry: ${depts.size} departments, ${itemDocs.length} service items, ${windowDocs.size} windows, ${staffDocs.size} staff`,
  );

  const holidays = await importChineseDays(2024, new Date().getFullYear() + 1);
  log(`calendar: ${holidays} holidays and make-up working days from the State Council schedule`);

  const accounts = await seedAccounts(opts.adminPassword, depts.get('GSJ')?._id ?? null);

  const days = opts.activityDays ?? 180;
  if (days > 0) {
    const manager = (await UserModel.findOne({ username: 'manager' }).lean())!;
    const r = await seedRatings(days, { id: manager._id, name: manager.displayName });
    log(`activity: ${r.ratings} ratings and ${r.followUps} follow-ups over the last ${days} days`);
    await seedComplaints(log);
    await seedInspections(log);
    const cases = await seedCases(days);
    const bulletin = await seedBulletin();
    log(
      `bulletins: ${cases} monthly case records${bulletin ? `, bulletin ${bulletin.number} (${bulletin.period.label}) published` : ''}`,
    );
  }
  return {
    departments: depts.size,
    serviceItems: itemDocs.length,
    windows: windowDocs.size,
    staff: staffDocs.size,
    accounts,
  };
}

/**
 * The admin plus one demo account per other role (the liaison belongs to the first department
 * with windows). All share the admin's password; an account that exists is left alone.
 */
async function seedAccounts(given: string | undefined, liaisonDept: unknown) {
  const password = given ?? randomBytes(9).toString('base64url');
  const wanted = [
    { username: 'admin', displayName: '系统管理员', role: ROLE.ADMIN, department: null },
    { username: 'manager', displayName: '中心管理员', role: ROLE.MANAGER, department: null },
    { username: 'inspector', displayName: '巡查员', role: ROLE.INSPECTOR, department: null },
    { username: 'liaison', displayName: '工商局联络员', role: ROLE.DEPARTMENT, department: liaisonDept },
  ];
  const result: SeedResult['accounts'] = [];
  const hash = await hashPassword(password);
  for (const a of wanted) {
    const res = await UserModel.updateOne(
      { username: a.username },
      { $setOnInsert: { ...a, passwordHash: hash, active: true } },
      { upsert: true },
    );
    result.push({ username: a.username, role: a.role, password: res.upsertedCount ? password : null });
  }
  return result;
}
