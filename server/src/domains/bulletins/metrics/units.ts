import { DepartmentModel } from '../../departments/department.model.js';
import { StaffModel } from '../../staff/staff.model.js';
import { WindowModel } from '../../windows/window.model.js';
import { caseCells } from './cases.metrics.js';
import { complaintCells } from './complaints.metrics.js';
import { addCounts, zeroCounts, type Cell, type Counts, type Frame } from './figures.js';
import { attendanceCells, violationCells } from './inspections.metrics.js';
import { followUpCells, ratingCells } from './ratings.metrics.js';

// Gathers every source's cells (each one aggregation in MongoDB) and rolls them up in Node into
// departments, windows and staff: a few hundred small rows, whatever the number of records.

export const LEVELS = ['DEPARTMENT', 'WINDOW', 'STAFF'] as const;
export type Level = (typeof LEVELS)[number];

export interface Unit {
  level: Level;
  id: string;
  departmentId: string;
  departmentName: string;
  departmentShort: string;
  windowCode: string | null;
  windowName: string | null;
  staffName: string | null;
  staffNo: string | null;
  current: Counts;
  previous: Counts;
}

export interface TrendCell {
  month: string;
  departmentId: string;
  ratings: number;
  good: number;
  bad: number;
}

async function registry() {
  const [departments, windows, staff] = await Promise.all([
    DepartmentModel.find()
      .select({ name: 1, shortName: 1, sortOrder: 1, code: 1, active: 1 })
      .sort({ sortOrder: 1, code: 1 })
      .lean(),
    WindowModel.find().select({ code: 1, name: 1, department: 1, active: 1 }).sort({ code: 1 }).lean(),
    StaffModel.find().select({ staffNo: 1, name: 1, department: 1 }).sort({ staffNo: 1 }).lean(),
  ]);
  return { departments, windows, staff };
}

/** Sums cells into one unit per key of the level (cells without that key, e.g. no staff, are skipped). */
function rollUp(cells: Cell[], key: (c: Cell) => string | null) {
  const out = new Map<string, { current: Counts; previous: Counts }>();
  for (const c of cells) {
    const k = key(c);
    if (!k) continue;
    let u = out.get(k);
    if (!u) out.set(k, (u = { current: zeroCounts(), previous: zeroCounts() }));
    addCounts(c.current ? u.current : u.previous, c.counts);
  }
  return out;
}

export async function collectUnits(frame: Frame, now: Date) {
  const [sources, reg] = await Promise.all([
    Promise.all([
      ratingCells(frame),
      followUpCells(frame, now),
      complaintCells(frame, now),
      violationCells(frame),
      attendanceCells(frame),
      caseCells(frame),
    ]),
    registry(),
  ]);
  const cells = sources.flat();
  const depts = new Map(reg.departments.map((d) => [String(d._id), d]));
  const empty = () => ({ current: zeroCounts(), previous: zeroCounts() });
  const base = (departmentId: string) => {
    const d = depts.get(departmentId);
    return {
      departmentId,
      departmentName: d?.name ?? '',
      departmentShort: d?.shortName ?? '',
      windowCode: null,
      windowName: null,
      staffName: null,
      staffNo: null,
    };
  };

  const byDept = rollUp(cells, (c) => c.department);
  const departments: Unit[] = reg.departments
    .filter((d) => d.active || byDept.has(String(d._id)))
    .map((d) => ({
      level: 'DEPARTMENT',
      id: String(d._id),
      ...base(String(d._id)),
      ...(byDept.get(String(d._id)) ?? empty()),
    }));

  const byWindow = rollUp(cells, (c) => c.window);
  const windows: Unit[] = reg.windows
    .filter((w) => w.active || byWindow.has(String(w._id)))
    .map((w) => ({
      level: 'WINDOW',
      id: String(w._id),
      ...base(String(w.department)),
      windowCode: w.code,
      windowName: w.name,
      ...(byWindow.get(String(w._id)) ?? empty()),
    }));

  const byStaff = rollUp(cells, (c) => c.staff);
  const staff: Unit[] = reg.staff
    .filter((s) => byStaff.has(String(s._id)))
    .map((s) => ({
      level: 'STAFF',
      id: String(s._id),
      ...base(String(s.department)),
      staffName: s.name,
      staffNo: s.staffNo,
      ...byStaff.get(String(s._id))!,
    }));

  const trend = new Map<string, TrendCell>();
  for (const c of cells) {
    if (!c.current || !c.month || !c.department) continue;
    const k = `${c.month}|${c.department}`;
    const t = trend.get(k) ?? { month: c.month, departmentId: c.department, ratings: 0, good: 0, bad: 0 };
    t.ratings += c.counts.ratings ?? 0;
    t.good += c.counts.good ?? 0;
    t.bad += c.counts.bad ?? 0;
    trend.set(k, t);
  }
  return { departments, windows, staff, trend: [...trend.values()].sort((a, b) => a.month.localeCompare(b.month)) };
}
