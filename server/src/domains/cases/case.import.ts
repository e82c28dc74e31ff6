import { Types, trusted, type Model } from 'mongoose';
import { upsertRows } from '../../lib/import-write.js';
import { mapInSlices } from '../../lib/slices.js';
import {
  duplicateChecker,
  readTable,
  rejected,
  rowChecker,
  type ImportReport,
  type Row,
  templateOf,
  type TableSpec,
} from '../../lib/table-import.js';
import { DepartmentModel } from '../departments/department.model.js';
import { ServiceItemModel } from '../service-items/service-item.model.js';
import { WindowModel } from '../windows/window.model.js';
import { CaseRecordModel } from './case.model.js';
import { checkFigures, COUNT_FIELDS, naturalKey, type CaseCounts } from './case.rules.js';

// Cases handled (办件) exported by the approval system, one row per department, window (optional),
// service item and period, as CSV or XLSX with Chinese or English headers. All rows valid, or
// nothing is stored; rows are upserted by their natural key, so importing again changes nothing.

const SPEC: TableSpec = {
  headers: {
    部门编码: 'department',
    department: 'department',
    departmentcode: 'department',
    窗口编号: 'window',
    窗口: 'window',
    window: 'window',
    windowcode: 'window',
    事项编码: 'item',
    item: 'item',
    itemcode: 'item',
    serviceitem: 'item',
    serviceitemcode: 'item',
    起始日期: 'periodFrom',
    开始日期: 'periodFrom',
    from: 'periodFrom',
    periodfrom: 'periodFrom',
    截止日期: 'periodTo',
    结束日期: 'periodTo',
    to: 'periodTo',
    periodto: 'periodTo',
    受理: 'accepted',
    受理数: 'accepted',
    accepted: 'accepted',
    办结: 'completed',
    办结数: 'completed',
    completed: 'completed',
    按时办结: 'onTime',
    ontime: 'onTime',
    超期: 'overdue',
    overdue: 'overdue',
  },
  required: ['department', 'item', 'periodFrom', 'periodTo', ...COUNT_FIELDS],
  dates: ['periodFrom', 'periodTo'],
};

const codes = (rows: Row[], field: string) => [
  ...new Set(rows.map((r) => (r[field] ?? '').toUpperCase()).filter(Boolean)),
];

async function lookups(rows: Row[]) {
  const find = <T extends { code: string }>(model: { find(f: object): { lean<R>(): Promise<R> } }, field: string) =>
    model
      .find({ code: trusted({ $in: codes(rows, field) }) })
      .lean<T[]>()
      .then((docs) => new Map(docs.map((d) => [d.code, d])));
  type Ref = { _id: Types.ObjectId; code: string; department: Types.ObjectId };
  const [departments, windows, items] = await Promise.all([
    find<{ _id: Types.ObjectId; code: string }>(DepartmentModel, 'department'),
    find<Ref>(WindowModel, 'window'),
    find<Ref>(ServiceItemModel, 'item'),
  ]);
  return { departments, windows, items };
}

const count = (v: string | undefined) => (v && /^\d+$/.test(v.trim()) ? Number(v) : NaN);

export async function importCases(data: Buffer, userId: string): Promise<ImportReport> {
  const table = await readTable(data, SPEC);
  if (table.errors.length) return rejected(table);
  const refs = await lookups(table.rows);
  const repeats = duplicateChecker();
  const records = await mapInSlices(table.rows, (r, i) => {
    const line = table.lines[i]!;
    const bad = rowChecker(table, r, i);
    const dept = refs.departments.get((r.department ?? '').toUpperCase());
    const win = r.window ? refs.windows.get(r.window.toUpperCase()) : null;
    const item = refs.items.get((r.item ?? '').toUpperCase());
    if (!dept) bad('department', r.department ? 'no such department' : 'required');
    if (r.window && !win) bad('window', 'no such window');
    else if (dept && win && String(win.department) !== String(dept._id))
      bad('window', 'not a window of this department');
    if (!item) bad('item', r.item ? 'no such service item' : 'required');
    else if (dept && String(item.department) !== String(dept._id)) bad('item', 'not a service item of this department');
    const counts = Object.fromEntries(COUNT_FIELDS.map((f) => [f, count(r[f])])) as CaseCounts;
    const figures = { periodFrom: r.periodFrom ?? '', periodTo: r.periodTo ?? '', ...counts };
    for (const p of checkFigures(figures)) bad(p.field, p.message);
    const first = repeats(
      [r.department, r.window, r.item, r.periodFrom, r.periodTo].map((x) => (x ?? '').toUpperCase()).join('|'),
      line,
    );
    if (first) bad('item', 'same department, window, item and period as line {{first}}', { first });
    return { department: dept?._id, window: win?._id ?? null, serviceItem: item?._id, ...figures };
  });
  if (table.errors.length) return rejected(table);

  return upsertRows(CaseRecordModel as unknown as Model<never>, table, records, {
    key: naturalKey,
    fields: ['window', ...COUNT_FIELDS],
    extra: { source: 'IMPORT', updatedBy: new Types.ObjectId(userId) },
  });
}

/** The import's template (.xlsx): codes are text cells, dates date-shaped text. */
export const caseTemplate = () =>
  templateOf(
    ['department', 'window', 'item', 'periodFrom', 'periodTo', ...COUNT_FIELDS],
    ['GSJ', 'B01', 'GSJ-001', '2026-03-01', '2026-03-31', 120, 110, 100, 10],
  );
