import { trusted } from 'mongoose';
import type { SessionUser } from '../../graphql/context.js';
import { DepartmentModel } from '../departments/department.model.js';
import { partFor } from '../documents/visibility.js';
import { ViolationModel, type Violation } from '../inspections/violation.model.js';
import { StaffModel } from '../staff/staff.model.js';
import { WindowModel } from '../windows/window.model.js';
import { noticeLayout, type AnnexRow } from './notice.layout.js';
import type { Notice } from './notice.model.js';

// The notice's annex (附表): its violations in the order they were seen, with the names they are
// listed under, for the layout that the PDF and the web's view are drawn from.

/** Names for the rows, fetched in three queries rather than one per row. */
async function namesFor(violations: Violation[]) {
  const ids = (key: 'window' | 'department' | 'staff') => [
    ...new Set(violations.flatMap((v) => (v[key] ? [v[key]] : []))),
  ];
  const [windows, departments, staff] = await Promise.all([
    WindowModel.find({ _id: trusted({ $in: ids('window') }) }).lean(),
    DepartmentModel.find({ _id: trusted({ $in: ids('department') }) }).lean(),
    StaffModel.find({ _id: trusted({ $in: ids('staff') }) }).lean(),
  ]);
  const map = <T extends { _id: unknown }>(rows: T[], f: (r: T) => string) =>
    new Map(rows.map((r) => [String(r._id), f(r)]));
  return {
    window: map(windows, (w) => w.code),
    department: map(departments, (d) => d.shortName),
    staff: map(staff, (s) => s.name),
  };
}

/** The annex of a notice: all its violations, or with `departmentId` that department's. */
export async function annexOf(notice: Notice, departmentId: string | null): Promise<AnnexRow[]> {
  const violations = await ViolationModel.find({
    _id: trusted({ $in: notice.violations }),
    ...(departmentId ? { department: departmentId } : {}),
  })
    .sort({ observedAt: 1 })
    .lean<Violation[]>();
  const names = await namesFor(violations);
  return violations.map((v) => ({
    observedAt: v.observedAt,
    department: names.department.get(String(v.department)) ?? '',
    window: names.window.get(String(v.window)) ?? '',
    staff: (v.staff && names.staff.get(String(v.staff))) || null,
    label: v.label,
    points: v.points,
    overturned: v.overturned,
  }));
}

/** The notice's layout as the user may see it: a liaison's annex holds its department's violations. */
export async function noticeLayoutFor(user: SessionUser, notice: Notice) {
  return noticeLayout(notice, await annexOf(notice, partFor(user)));
}
