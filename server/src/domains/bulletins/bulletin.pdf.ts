import { contentWidth, createPdf, paragraph, table, type Column, type Pdf } from '../../lib/pdf.js';
import { CENTER_NAME } from '../notices/notice.text.js';
import type { Bulletin } from './bulletin.model.js';
import { smileStars, type BulletinPart } from './bulletin.query.js';
import { pct } from './bulletin.text.js';
import type { SnapshotRow } from './snapshot.js';
import { localDate } from '../../../../common/time.js';

// The bulletin as the document the center sends (the same layout as the print view): a red
// masthead with its number, the title, the commentary, then the tables. A department's part
// carries its own figures, windows and staff; the center-wide one the rankings of all.

const RED = '#c00000';
export const GRADE_TEXT = { PASS: '合格', BASIC_PASS: '基本合格', FAIL: '不合格' } as const;

const score = (x: number | null) => (x === null ? '—' : x.toFixed(2));
const grade = (r: SnapshotRow) => (r.grade ? GRADE_TEXT[r.grade] : '—');
const change = (r: SnapshotRow) =>
  r.rankChange === null ? '—' : r.rankChange > 0 ? `↑${r.rankChange}` : r.rankChange < 0 ? `↓${-r.rankChange}` : '持平';
const rank = (r: SnapshotRow) => (r.rank === null ? '—' : String(r.rank));

const chineseDate = (d: Date) => {
  const [y, m, day] = localDate(d).split('-').map(Number);
  return `${y}年${m}月${day}日`;
};

function masthead(doc: Pdf, b: Bulletin, subtitle?: string) {
  doc.fillColor(RED).fontSize(28).text('窗口服务工作简报', { align: 'center', characterSpacing: 6 });
  doc.moveDown(0.4);
  doc
    .fillColor('#000')
    .fontSize(12)
    .text(b.number || '（未发布，未编号）', { align: 'center' });
  doc.moveDown(0.6);
  const y = doc.y;
  doc.fontSize(11).text(CENTER_NAME, doc.page.margins.left, y);
  doc.text(b.publishedAt ? chineseDate(b.publishedAt) : '（未发布）', doc.page.margins.left, y, {
    width: contentWidth(doc),
    align: 'right',
  });
  const ruleY = doc.y + 6;
  doc
    .moveTo(doc.page.margins.left, ruleY)
    .lineTo(doc.page.width - doc.page.margins.right, ruleY)
    .lineWidth(1.5)
    .stroke(RED);
  doc.y = ruleY + 18;
  doc
    .fillColor('#000')
    .fontSize(17)
    .text(b.title, doc.page.margins.left, doc.y, { width: contentWidth(doc), align: 'center' });
  if (subtitle) doc.moveDown(0.2).fontSize(13).text(subtitle, { align: 'center' });
  doc.moveDown(0.8);
}

const heading = (doc: Pdf, text: string) => {
  // A heading never ends a page: what it heads would start on the next.
  if (doc.y > doc.page.height - doc.page.margins.bottom - 90) doc.addPage();
  doc.moveDown(0.3).fontSize(13).fillColor('#000').text(text, doc.page.margins.left);
  doc.moveDown(0.3);
};

function totals(doc: Pdf, c: Bulletin['snapshot']['center'] | SnapshotRow) {
  const cells: Array<[string, string]> = [
    ['群众评价', `${c.ratings}条`],
    ['好评率', pct(c.goodRate)],
    ['差评', `${c.bad}条`],
    ['差评整改率', pct(c.closureRate)],
    ['投诉', `${c.complaints}件`],
    ['有效投诉', `${c.upheld}件`],
    ['按时答复率', pct(c.replyOnTimeRate)],
    ['违规行为', `${c.violations}起`],
    ['在岗率', pct(c.attendanceRate)],
    ['受理办件', `${c.accepted}件`],
    ['办结', `${c.completed}件`],
    ['办结率', pct(c.completionRate)],
  ];
  const columns: Column[] = Array.from({ length: 8 }, (_, i) => ({
    header: '',
    share: i % 2 ? 0.12 : 0.13,
    align: i % 2 ? 'right' : 'left',
  }));
  const rows = [0, 1, 2].map((r) => cells.slice(r * 4, r * 4 + 4).flat());
  table(
    doc,
    columns.map((col, i) => ({ ...col, header: rows[0]![i]! })),
    rows.slice(1),
    9,
  );
}

const DEPT_COLUMNS: Column[] = [
  { header: '名次', share: 0.06, align: 'center' },
  { header: '部门', share: 0.17 },
  { header: '评价', share: 0.07, align: 'right' },
  { header: '好评率', share: 0.08, align: 'right' },
  { header: '整改率', share: 0.08, align: 'right' },
  { header: '在岗率', share: 0.08, align: 'right' },
  { header: '违规', share: 0.06, align: 'right' },
  { header: '有效投诉', share: 0.08, align: 'right' },
  { header: '办结率', share: 0.08, align: 'right' },
  { header: '得分', share: 0.08, align: 'right' },
  { header: '等次', share: 0.09 },
  { header: '升降', share: 0.07, align: 'center' },
];
const deptRow = (r: SnapshotRow) => [
  rank(r),
  r.departmentName,
  String(r.ratings),
  pct(r.goodRate),
  pct(r.closureRate),
  pct(r.attendanceRate),
  String(r.violations),
  String(r.upheld),
  pct(r.completionRate),
  score(r.score),
  grade(r),
  change(r),
];

const WINDOW_COLUMNS: Column[] = [
  { header: '名次', share: 0.07, align: 'center' },
  { header: '窗口', share: 0.22 },
  { header: '部门', share: 0.12 },
  { header: '评价', share: 0.07, align: 'right' },
  { header: '好评率', share: 0.09, align: 'right' },
  { header: '在岗率', share: 0.09, align: 'right' },
  { header: '违规', share: 0.06, align: 'right' },
  { header: '得分', share: 0.09, align: 'right' },
  { header: '等次', share: 0.09 },
  { header: '备注', share: 0.1 },
];
const windowRow = (r: SnapshotRow) => [
  rank(r),
  `${r.windowCode} ${r.windowName}`,
  r.departmentShort,
  String(r.ratings),
  pct(r.goodRate),
  pct(r.attendanceRate),
  String(r.violations),
  score(r.score),
  grade(r),
  r.escalated ? '连续靠后' : r.bottom ? '排名靠后' : '',
];

const STAFF_COLUMNS: Column[] = [
  { header: '名次', share: 0.08, align: 'center' },
  { header: '姓名', share: 0.14 },
  { header: '工号', share: 0.12 },
  { header: '评价', share: 0.09, align: 'right' },
  { header: '好评率', share: 0.1, align: 'right' },
  { header: '差评', share: 0.08, align: 'right' },
  { header: '在岗率', share: 0.1, align: 'right' },
  { header: '违规', share: 0.08, align: 'right' },
  { header: '得分', share: 0.1, align: 'right' },
  { header: '备注', share: 0.11 },
];
const staffRow = (r: SnapshotRow) => [
  rank(r),
  r.staffName ?? '',
  r.staffNo ?? '',
  String(r.ratings),
  pct(r.goodRate),
  String(r.bad),
  pct(r.attendanceRate),
  String(r.violations),
  score(r.score),
  r.smileStar ? '微笑之星' : '',
];

function stars(doc: Pdf, rows: SnapshotRow[], none = '本期未评选微笑之星。') {
  if (!rows.length) return paragraph(doc, none, 11);
  paragraph(
    doc,
    rows.map((r) => `${r.staffName}（${r.departmentName}，评价${r.ratings}条，好评率${pct(r.goodRate)}）`).join('；') +
      '。',
    11,
  );
}

function commentary(doc: Pdf, text: string) {
  for (const p of text.split('\n').filter((l) => l.trim())) paragraph(doc, p, 12);
}

function centerWide(doc: Pdf, b: Bulletin) {
  const s = b.snapshot;
  heading(doc, '一、总体情况');
  totals(doc, s.center);
  heading(doc, '二、部门综合排名');
  table(doc, DEPT_COLUMNS, s.departments.map(deptRow), 8);
  heading(doc, '三、窗口排名');
  table(doc, WINDOW_COLUMNS, s.windows.filter((w) => w.rank !== null).map(windowRow), 8);
  heading(doc, '四、微笑之星');
  stars(doc, smileStars(b));
}

function departmentPart(doc: Pdf, p: BulletinPart) {
  const d = p.department;
  heading(doc, '一、本部门情况');
  paragraph(
    doc,
    `本期综合得分${score(d.score)}，等次${grade(d)}，在${p.rankedDepartments}个部门中排名第${rank(d)}（${change(d)}）。`,
    11,
  );
  totals(doc, d);
  heading(doc, '二、窗口情况');
  table(doc, WINDOW_COLUMNS, p.windows.map(windowRow), 8);
  heading(doc, '三、窗口人员');
  table(doc, STAFF_COLUMNS, p.staff.map(staffRow), 8);
  heading(doc, '四、微笑之星');
  stars(doc, p.smileStars, '本期本部门无人当选微笑之星。');
}

/** The whole bulletin, or with `part` one department's part of it. */
export function renderBulletinPdf(b: Bulletin, part?: BulletinPart | null) {
  const { doc, finish } = createPdf({
    title: part ? `${b.title}（${part.department.departmentName}）` : b.title,
    author: CENTER_NAME,
  });
  masthead(doc, b, part ? `（${part.department.departmentName}）` : undefined);
  commentary(doc, b.commentary);
  if (part) departmentPart(doc, part);
  else centerWide(doc, b);
  return finish((page, pages) => `— ${page} / ${pages} —`);
}
