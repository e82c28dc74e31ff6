import { trusted, type Types } from 'mongoose';
import { DAY_MS, isLocalDate, localInstant } from '../../../../common/time.js';
import { CASE_NUMBER, normalizeCaseNumber } from '../../../../common/ids.js';
import {
  accepted,
  duplicateChecker,
  readTable,
  rejected,
  rowChecker,
  templateOf,
  type ImportReport,
  type TableSpec,
} from '../../lib/table-import.js';
import { ServiceItemModel } from '../service-items/service-item.model.js';
import { StaffModel } from '../staff/staff.model.js';
import { WindowModel } from '../windows/window.model.js';
import { ServedCaseModel, type ServedCase } from './served-case.model.js';
import { recordCase } from './served-case.service.js';

// Served cases (办件) exported by the queue or approval system, one row per case, as CSV or XLSX
// with Chinese or English headers. All rows valid, or nothing is stored; a case already known is
// left as it is (its completion added once), so importing the same file again changes nothing.
// Imported cases are history: the window's rating device is not told of their completion.

const SPEC: TableSpec = {
  headers: {
    办件编号: 'caseNumber',
    casenumber: 'caseNumber',
    case: 'caseNumber',
    窗口编号: 'window',
    窗口: 'window',
    window: 'window',
    windowcode: 'window',
    工号: 'staffNo',
    staffno: 'staffNo',
    staffnumber: 'staffNo',
    事项编码: 'item',
    item: 'item',
    itemcode: 'item',
    serviceitemcode: 'item',
    受理时间: 'servedAt',
    服务时间: 'servedAt',
    servedat: 'servedAt',
    办结时间: 'completedAt',
    completedat: 'completedAt',
  },
  required: ['caseNumber', 'window', 'servedAt'],
};

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** 2026-03-02 09:15, 2026/3/2 9:15:30, 2026年3月2日 09:15 or an Excel date-time serial → the instant (centre time). */
function instantOf(v: string, xlsx: boolean): Date | null {
  let text = v.trim();
  if (xlsx && /^\d+(\.\d+)?$/.test(text))
    text = new Date(EXCEL_EPOCH_MS + Math.round(Number(text) * 1440) * 60_000).toISOString().slice(0, 16);
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]+(\d{1,2}):(\d{2})(?::\d{2})?)?$/.exec(
    text,
  );
  if (!m) return null;
  const ymd = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  if (!isLocalDate(ymd) || Number(m[4] ?? 0) > 23) return null;
  return localInstant(ymd, `${(m[4] ?? '00').padStart(2, '0')}:${m[5] ?? '00'}`);
}

async function byCode<T extends { _id: Types.ObjectId }>(
  model: { find(f: object): { lean<R>(): Promise<R> } },
  field: string,
  values: string[],
) {
  const docs = await model
    .find({ [field]: trusted({ $in: [...new Set(values.filter(Boolean))] }) })
    .lean<Array<T & Record<string, unknown>>>();
  return new Map(docs.map((d) => [String(d[field]), d]));
}

export async function importServedCases(data: Buffer, userId: string): Promise<ImportReport> {
  const table = await readTable(data, SPEC);
  if (table.errors.length) return rejected(table);
  const xlsx = table.encoding === 'xlsx';
  const up = (f: string) => table.rows.map((r) => (r[f] ?? '').trim().toUpperCase());
  type Win = { _id: Types.ObjectId; department: Types.ObjectId };
  const [windows, staff, items, known] = await Promise.all([
    byCode<Win>(WindowModel, 'code', up('window')),
    byCode<{ _id: Types.ObjectId }>(StaffModel, 'staffNo', up('staffNo')),
    byCode<{ _id: Types.ObjectId }>(ServiceItemModel, 'code', up('item')),
    ServedCaseModel.find({ _id: trusted({ $in: table.rows.map((r) => normalizeCaseNumber(r.caseNumber ?? '')) }) })
      .lean<ServedCase[]>()
      .then((docs) => new Map(docs.map((d) => [d._id, d]))),
  ]);
  const repeats = duplicateChecker();
  const soon = Date.now() + DAY_MS / 24;
  const reports = table.rows.map((r, i) => {
    const bad = rowChecker(table, r, i);
    const caseNumber = normalizeCaseNumber(r.caseNumber ?? '');
    if (!CASE_NUMBER.test(caseNumber)) bad('caseNumber', caseNumber ? '4 to 32 letters, digits or -' : 'required');
    const first = repeats(caseNumber, table.lines[i]!);
    if (first) bad('caseNumber', 'same case number as line {{first}}', { first });
    const win = windows.get((r.window ?? '').trim().toUpperCase());
    if (!win) bad('window', r.window ? 'no such window' : 'required');
    const before = known.get(caseNumber);
    if (win && before && String(before.window) !== String(win._id))
      bad('window', 'This case was reported at another window');
    const person = r.staffNo?.trim() ? staff.get(r.staffNo.trim().toUpperCase()) : null;
    if (r.staffNo?.trim() && !person) bad('staffNo', 'no such staff member');
    const item = r.item?.trim() ? items.get(r.item.trim().toUpperCase()) : null;
    if (r.item?.trim() && !item) bad('item', 'no such service item');
    const servedAt = r.servedAt ? instantOf(r.servedAt, xlsx) : null;
    if (!servedAt) bad('servedAt', r.servedAt ? 'not a date and time like 2026-03-02 09:15' : 'required');
    else if (servedAt.getTime() > soon) bad('servedAt', 'not in the future');
    const completedAt = r.completedAt?.trim() ? instantOf(r.completedAt, xlsx) : null;
    if (r.completedAt?.trim() && !completedAt) bad('completedAt', 'not a date and time like 2026-03-02 09:15');
    else if (completedAt && servedAt && completedAt < servedAt)
      bad('completedAt', 'must not be before the time served');
    else if (completedAt && completedAt.getTime() > soon) bad('completedAt', 'not in the future');
    return { caseNumber, win, staff: person?._id ?? null, item: item?._id ?? null, servedAt, completedAt };
  });
  if (table.errors.length) return rejected(table);

  let added = 0;
  let updated = 0;
  for (const r of reports) {
    const { created } = await recordCase(
      {
        caseNumber: r.caseNumber,
        window: r.win!._id,
        department: r.win!.department,
        staff: r.staff,
        serviceItem: r.item,
        completed: false,
        at: r.servedAt!,
      },
      'IMPORT',
      userId,
    );
    // The completion is written here, not through recordCase: the device is not to show an old case.
    const completed = r.completedAt
      ? await ServedCaseModel.updateOne(
          { _id: r.caseNumber, state: 'SERVED' },
          { $set: { state: 'COMPLETED', completedAt: r.completedAt } },
        )
      : null;
    if (created) added++;
    else if (completed?.modifiedCount) updated++;
  }
  return accepted(table, added, updated);
}

/** The import's template (.xlsx): case numbers and codes as text, times as the system writes them. */
export const servedCaseTemplate = () =>
  templateOf(
    ['caseNumber', 'window', 'staffNo', 'item', 'servedAt', 'completedAt'],
    ['SJ-2026-000123', 'B01', 'GSJ01', 'GSJ-001', '2026-03-02 09:15', '2026-03-02 09:40'],
  );
