import { trusted } from 'mongoose';
import {
  duplicateChecker,
  readTable,
  rejected,
  rowChecker,
  validDate,
  type ImportReport,
  type RowError,
} from '../../lib/table-import.js';
import { StaffModel } from '../staff/staff.model.js';
import { SignInModel } from './signin.model.js';

// Column names as the attendance machine exports them, in English or Chinese.
const SPEC = {
  headers: {
    staffno: 'staffNo',
    工号: 'staffNo',
    date: 'date',
    日期: 'date',
    signin: 'signIn',
    签到: 'signIn',
    签到时间: 'signIn',
    signout: 'signOut',
    签退: 'signOut',
    签退时间: 'signOut',
  },
  required: ['staffNo', 'date', 'signIn', 'signOut'],
};
const TIME = /^([01]?\d|2[0-3]):[0-5]\d$/;
const pad = (t: string) => (t.length === 4 ? `0${t}` : t);

/** Checks every row and reports every problem; nothing is stored unless all rows are valid. */
export async function importSignIns(data: Buffer): Promise<ImportReport> {
  const { rows, errors } = await readTable(data, SPEC);
  if (errors.length) return rejected(rows.length, errors);

  const staffNos = [...new Set(rows.map((r) => (r.staffNo ?? '').toUpperCase()))];
  const staff = new Map(
    (await StaffModel.find({ staffNo: trusted({ $in: staffNos }) }).lean()).map((s) => [s.staffNo, s]),
  );
  const repeats = duplicateChecker();
  const records = rows.map((r, i) => {
    const line = i + 2;
    const bad = rowChecker(errors, r, line);
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
    if (first) bad('date', `same staff member and date as line ${first}`);
    return who ? { staff: who._id, department: who.department, date: r.date!, signIn, signOut } : null;
  });
  if (errors.length) return rejected(rows.length, errors);

  await SignInModel.bulkWrite(
    records.map((rec) => ({
      updateOne: { filter: { staff: rec!.staff, date: rec!.date }, update: { $set: rec! }, upsert: true },
    })),
    { ordered: false },
  );
  return { ok: true, rows: rows.length, imported: rows.length, errors: [] as RowError[] };
}
