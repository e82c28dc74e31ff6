import { parse } from 'csv-parse/sync';
import { trusted } from 'mongoose';
import { StaffModel } from '../staff/staff.model.js';
import { SignInModel } from './signin.model.js';

export const MAX_CSV_BYTES = 2 * 1024 * 1024;
const MAX_ROWS = 20_000;

export interface RowError {
  /** Line in the file (the header is line 1). */
  line: number;
  field: string;
  message: string;
  value: string;
}

export interface ImportReport {
  ok: boolean;
  rows: number;
  imported: number;
  errors: RowError[];
}

// Column names as the attendance machine exports them, in English or Chinese.
const HEADERS: Record<string, string> = {
  staffno: 'staffNo', 工号: 'staffNo', date: 'date', 日期: 'date',
  signin: 'signIn', 签到: 'signIn', 签到时间: 'signIn', signout: 'signOut', 签退: 'signOut', 签退时间: 'signOut',
};
const REQUIRED = ['staffNo', 'date', 'signIn', 'signOut'];
const TIME = /^([01]?\d|2[0-3]):[0-5]\d$/;

const validDate = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
const pad = (t: string) => (t.length === 4 ? `0${t}` : t);

type Row = Record<string, string>;

function parseCsv(data: Buffer): { rows: Row[]; errors: RowError[] } {
  try {
    const rows = parse(data, {
      bom: true,
      skip_empty_lines: true,
      trim: true,
      columns: (header: string[]) => header.map((h) => HEADERS[h.replace(/\s/g, '').toLowerCase()] ?? h),
    }) as Row[];
    const missing = REQUIRED.filter((c) => rows.length && !(c in rows[0]!));
    const errors = missing.map((c) => ({ line: 1, field: c, message: 'column missing', value: '' }));
    return { rows, errors };
  } catch (err) {
    const e = err as { lines?: number; message: string };
    return { rows: [], errors: [{ line: e.lines ?? 1, field: '', message: e.message, value: '' }] };
  }
}

/** Checks every row and reports every problem; nothing is stored unless all rows are valid. */
export async function importSignIns(data: Buffer): Promise<ImportReport> {
  const { rows, errors } = parseCsv(data);
  if (!errors.length && rows.length === 0) errors.push({ line: 1, field: '', message: 'no rows', value: '' });
  if (rows.length > MAX_ROWS) errors.push({ line: MAX_ROWS + 2, field: '', message: `at most ${MAX_ROWS} rows`, value: '' });
  if (errors.length) return { ok: false, rows: rows.length, imported: 0, errors };

  const staffNos = [...new Set(rows.map((r) => (r.staffNo ?? '').toUpperCase()))];
  const staff = new Map((await StaffModel.find({ staffNo: trusted({ $in: staffNos }) }).lean()).map((s) => [s.staffNo, s]));
  const seen = new Map<string, number>();
  const records = rows.map((r, i) => {
    const line = i + 2;
    const bad = (field: string, message: string) => errors.push({ line, field, message, value: r[field] ?? '' });
    const who = staff.get((r.staffNo ?? '').toUpperCase());
    if (!r.staffNo) bad('staffNo', 'required');
    else if (!who) bad('staffNo', 'no such staff member');
    if (!validDate(r.date ?? '')) bad('date', 'not a date like 2026-03-02');
    for (const f of ['signIn', 'signOut']) if (r[f] && !TIME.test(r[f]!)) bad(f, 'not a time like 08:52');
    if (!r.signIn && !r.signOut) bad('signIn', 'sign-in or sign-out required');
    const [signIn, signOut] = [r.signIn ? pad(r.signIn) : null, r.signOut ? pad(r.signOut) : null];
    if (signIn && signOut && TIME.test(signIn) && TIME.test(signOut) && signOut <= signIn) bad('signOut', 'must be after sign-in');
    const key = `${r.staffNo?.toUpperCase()}|${r.date}`;
    if (seen.has(key)) bad('date', `same staff member and date as line ${seen.get(key)}`);
    seen.set(key, line);
    return who ? { staff: who._id, department: who.department, date: r.date!, signIn, signOut } : null;
  });
  if (errors.length) return { ok: false, rows: rows.length, imported: 0, errors };

  await SignInModel.bulkWrite(
    records.map((rec) => ({
      updateOne: { filter: { staff: rec!.staff, date: rec!.date }, update: { $set: rec! }, upsert: true },
    })),
    { ordered: false },
  );
  return { ok: true, rows: rows.length, imported: rows.length, errors: [] };
}
