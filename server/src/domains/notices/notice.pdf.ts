import { trusted } from 'mongoose';
import { createPdf, paragraph, table } from '../../lib/pdf.js';
import { DepartmentModel } from '../departments/department.model.js';
import { ViolationModel, type Violation } from '../inspections/violation.model.js';
import { StaffModel } from '../staff/staff.model.js';
import { WindowModel } from '../windows/window.model.js';
import type { Notice } from './notice.model.js';
import { CENTER_NAME } from './notice.text.js';
import { localDate } from '../../../../common/time.js';

const RED = '#c00000';
const DATE_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

const chineseDate = (d: Date) => {
  const [y, m, day] = localDate(d).split('-').map(Number);
  return `${y}年${m}月${day}日`;
};

/** Names for the table rows, fetched in three queries rather than one per row. */
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

/**
 * The notice as a formal document (红头文件 layout): the issuing center in red, the number, the
 * title, the body, the table of violations and the signature. `departmentId` limits the table
 * to one department's violations (what its liaison may see).
 */
export async function renderNoticePdf(notice: Notice, departmentId?: string | null) {
  const violations = await ViolationModel.find({
    _id: trusted({ $in: notice.violations }),
    ...(departmentId ? { department: departmentId } : {}),
  })
    .sort({ observedAt: 1 })
    .lean<Violation[]>();
  const names = await namesFor(violations);
  const { doc, finish } = createPdf({ title: notice.title, author: CENTER_NAME });

  doc.fillColor(RED).fontSize(26).text(`${CENTER_NAME}通报`, { align: 'center', characterSpacing: 4 });
  doc.moveDown(0.6);
  doc
    .fillColor('#000')
    .fontSize(12)
    .text(notice.number || '（草稿，未编号）', { align: 'center' });
  const y = doc.y + 8;
  doc
    .moveTo(doc.page.margins.left, y)
    .lineTo(doc.page.width - doc.page.margins.right, y)
    .lineWidth(1.5)
    .stroke(RED);
  doc.y = y + 20;

  doc.fillColor('#000').fontSize(18).text(notice.title, { align: 'center' });
  doc.moveDown(1);
  const [salutation, ...paragraphs] = notice.body.split('\n').filter((l) => l.trim());
  if (salutation) paragraph(doc, salutation, 12, false);
  for (const p of paragraphs) paragraph(doc, p);

  doc.moveDown(0.5).fontSize(12).text('附表：违规行为一览', doc.page.margins.left);
  doc.moveDown(0.4);
  table(
    doc,
    [
      { header: '序号', share: 0.07, align: 'center' },
      { header: '时间', share: 0.15 },
      { header: '部门', share: 0.14 },
      { header: '窗口', share: 0.09 },
      { header: '人员', share: 0.11 },
      { header: '违规行为', share: 0.36 },
      { header: '扣分', share: 0.08, align: 'right' },
    ],
    violations.map((v, i) => [
      String(i + 1),
      DATE_TIME.format(v.observedAt),
      names.department.get(String(v.department)) ?? '',
      names.window.get(String(v.window)) ?? '',
      (v.staff && names.staff.get(String(v.staff))) || '—',
      v.status === 'DISMISSED' ? `${v.label}（申诉成立，已撤销）` : v.label,
      v.points.toFixed(1),
    ]),
  );

  doc.moveDown(1.5).fontSize(12);
  doc.text(CENTER_NAME, { align: 'right' });
  doc.text(notice.publishedAt ? chineseDate(notice.publishedAt) : '（未发布）', { align: 'right' });
  return finish((page, pages) => `— ${page} / ${pages} —`);
}
