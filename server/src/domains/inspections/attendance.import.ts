import { trusted, type Model } from 'mongoose';
import { upsertRows } from '../../lib/import-write.js';
import { mapInSlices } from '../../lib/slices.js';
import {
  duplicateChecker,
  readTable,
  rejected,
  rowChecker,
  validDate,
  type ImportReport,
  templateOf,
  type TableSpec,
} from '../../lib/table-import.js';
import { StaffModel } from '../staff/staff.model.js';
import { SignInModel } from './signin.model.js';

// Column names as the attendance machine exports them, in English or Chinese.
const SPEC: TableSpec = {
  headers: {
    staffno: 'staffNo',
    工号: 'staffNo',
    staffnumber: 'staffNo',
    date: 'date',
    日期: 'date',
    signin: 'signIn',
    签到: 'signIn',
    'sign-in': 'signIn',
    签到时间: 'signIn',
    signout: 'signOut',
    签退: 'signOut',
    'sign-out': 'signOut',
    签退时间: 'signOut',
  },
  required: ['staffNo', 'date', 'signIn', 'signOut'],
  dates: ['date'],
  times: ['signIn', 'signOut'],
};
const TIME = /^([01]?\d|2[0-3]):[0-5]\d$/;
const pad = (t: string) => (t.length === 4 ? `0${t}` : t);

/** Checks every row and reports every problem; nothing is stored unless all rows are valid. */
export async function importSignIns(data: Buffer): Promise<ImportReport> {
  const table = await readTable(data, SPEC);
  if (table.errors.length) return rejected(table);

  const staffNos = [...new Set(table.rows.map((r) => (r.staffNo ?? '').toUpperCase()))];
  const staff = new Map(
    (await StaffModel.find({ staffNo: trusted({ $in: staffNos }) }).lean()).map((s) => [s.staffNo, s]),
  );
  const repeats = duplicateChecker();
  const records = await mapInSlices(table.rows, (r, i) => {
    const line = table.lines[i]!;
    const bad = rowChecker(table, r, i);
    const who = staff.get((r.staffNo ?? '').toUpperCase());
    if (!r.staffNo) bad('staffNo', 'required');
    else if (!who) bad('staffNo', 'no such staff member');
    if (!validDate(r.date ?? '')) bad('date', 'not a date like 2026-03-02');
    for (const f of ['signIn', 'signOut']) if (r[f] && !TIME.test(r[f])) bad(f, 'not a time like 08:52');
    if (!r.signIn && !r.signOut) bad('signIn', 'sign-in or sign-out required');
    const [signIn, signOut] = [r.signIn ? pad(r.signIn) : null, r.signOut ? pad(r.signOut) : null];
    if (signIn && signOut && TIME.test(signIn) && TIME.test(signOut) && signOut <= signIn)
      bad('signOut', 'must be after sign-in');
    const first = repeats(`${r.staffNo?.toUpperCase()}|${r.date}`, line);
    if (first) bad('date', 'same staff member and date as line {{first}}', { first });
    return who ? { staff: who._id, department: who.department, date: r.date!, signIn, signOut } : null;
  });
  if (table.errors.length) return rejected(table);

  return upsertRows(SignInModel as unknown as Model<never>, table, records as NonNullable<(typeof records)[number]>[], {
    key: (r) => ({ staff: r.staff, date: r.date }),
    fields: ['signIn', 'signOut', 'department'],
  });
}

/** The import's template (.xlsx), one sample row. */
export const signInTemplate = () =>
  templateOf(['staffNo', 'date', 'signIn', 'signOut'], ['GSJ01', '2026-03-02', '08:52', '17:31']);
