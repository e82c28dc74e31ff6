import {
  chineseDate,
  figures,
  heading,
  ISSUER,
  paragraph,
  paragraphs,
  table,
  type ColumnOf,
  type DocumentLayout,
  type FigureOf,
} from '../documents/layout.js';
import type { SessionUser } from '../../graphql/context.js';
import { partFor } from '../documents/visibility.js';
import type { Bulletin } from './bulletin.model.js';
import { partOf, smileStars, type BulletinPart } from './bulletin.query.js';
import { pct } from './bulletin.text.js';
import type { SnapshotRow } from './snapshot.js';

// The bulletin as the document the centre sends: a red masthead with its number, the title, the
// commentary, then the figures and tables. A department's part carries its own figures, windows
// and staff; the centre-wide one the rankings of all. Both the PDF and the print view are drawn
// from this layout, so a figure or a column is added here, once: one entry in a list below.

const GRADE_TEXT = { PASS: '合格', BASIC_PASS: '基本合格', FAIL: '不合格' } as const;

const score = (x: number | null) => (x === null ? '—' : x.toFixed(2));
const grade = (r: SnapshotRow) => (r.grade ? GRADE_TEXT[r.grade] : '—');
const change = (r: SnapshotRow) =>
  r.rankChange === null ? '—' : r.rankChange > 0 ? `↑${r.rankChange}` : r.rankChange < 0 ? `↓${-r.rankChange}` : '持平';
const rank = (r: SnapshotRow) => (r.rank === null ? '—' : String(r.rank));

type Totals = Bulletin['snapshot']['center'] | SnapshotRow;

/** The headline figures, of the centre or of one department. */
const TOTALS: FigureOf<Totals>[] = [
  { label: '群众评价', value: (c) => `${c.ratings}条` },
  { label: '好评率', value: (c) => pct(c.goodRate) },
  { label: '差评', value: (c) => `${c.bad}条` },
  { label: '差评整改率', value: (c) => pct(c.closureRate) },
  // Closure means fixed: 未解决 is shown apart (snapshots taken before it existed have neither).
  { label: '办结（已解决/未解决）', value: (c) => `${c.followUpsResolved ?? 0}/${c.followUpsUnresolved ?? 0}条` },
  { label: '投诉', value: (c) => `${c.complaints}件` },
  { label: '有效投诉', value: (c) => `${c.upheld}件` },
  { label: '按时答复率', value: (c) => pct(c.replyOnTimeRate) },
  { label: '违规行为', value: (c) => `${c.violations}起` },
  { label: '在岗率', value: (c) => pct(c.attendanceRate) },
  { label: '受理办件', value: (c) => `${c.accepted}件` },
  { label: '办结', value: (c) => `${c.completed}件` },
  { label: '办结率', value: (c) => pct(c.completionRate) },
];

type Column = ColumnOf<SnapshotRow>;
const RANK: Column = { header: '名次', share: 0.07, align: 'center', value: rank };
const right = (header: string, share: number, value: Column['value']): Column => ({
  header,
  share,
  align: 'right',
  value,
});

const DEPARTMENTS: Column[] = [
  { ...RANK, share: 0.06 },
  { header: '部门', share: 0.17, value: (r) => r.departmentName },
  right('评价', 0.07, (r) => String(r.ratings)),
  right('好评率', 0.08, (r) => pct(r.goodRate)),
  right('整改率', 0.08, (r) => pct(r.closureRate)),
  right('在岗率', 0.08, (r) => pct(r.attendanceRate)),
  right('违规', 0.06, (r) => String(r.violations)),
  right('有效投诉', 0.08, (r) => String(r.upheld)),
  right('办结率', 0.08, (r) => pct(r.completionRate)),
  right('得分', 0.08, (r) => score(r.score)),
  { header: '等次', share: 0.09, value: grade },
  { header: '升降', share: 0.07, align: 'center', value: change },
];

const WINDOWS: Column[] = [
  RANK,
  { header: '窗口', share: 0.22, value: (r) => `${r.windowCode} ${r.windowName}` },
  { header: '部门', share: 0.12, value: (r) => r.departmentShort },
  right('评价', 0.07, (r) => String(r.ratings)),
  right('好评率', 0.09, (r) => pct(r.goodRate)),
  right('在岗率', 0.09, (r) => pct(r.attendanceRate)),
  right('违规', 0.06, (r) => String(r.violations)),
  right('得分', 0.09, (r) => score(r.score)),
  { header: '等次', share: 0.09, value: grade },
  { header: '备注', share: 0.1, value: (r) => (r.escalated ? '连续靠后' : r.bottom ? '排名靠后' : '') },
];

const STAFF: Column[] = [
  { ...RANK, share: 0.08 },
  { header: '姓名', share: 0.14, value: (r) => r.staffName ?? '' },
  { header: '工号', share: 0.12, value: (r) => r.staffNo ?? '' },
  right('评价', 0.09, (r) => String(r.ratings)),
  right('好评率', 0.1, (r) => pct(r.goodRate)),
  right('差评', 0.08, (r) => String(r.bad)),
  right('在岗率', 0.1, (r) => pct(r.attendanceRate)),
  right('违规', 0.08, (r) => String(r.violations)),
  right('得分', 0.1, (r) => score(r.score)),
  { header: '备注', share: 0.11, value: (r) => (r.smileStar ? '微笑之星' : '') },
];

function stars(rows: SnapshotRow[], none: string) {
  if (!rows.length) return paragraph(none);
  const each = rows.map((r) => `${r.staffName}（${r.departmentName}，评价${r.ratings}条，好评率${pct(r.goodRate)}）`);
  return paragraph(`${each.join('；')}。`);
}

const centreWide = (b: Bulletin) => [
  heading('一、总体情况'),
  figures(TOTALS, b.snapshot.center),
  heading('二、部门综合排名'),
  table('departments', DEPARTMENTS, b.snapshot.departments, { dense: true }),
  heading('三、窗口排名'),
  table(
    'windows',
    WINDOWS,
    b.snapshot.windows.filter((w) => w.rank !== null),
    { dense: true },
  ),
  heading('四、微笑之星'),
  stars(smileStars(b), '本期未评选微笑之星。'),
];

function departmentPart(p: BulletinPart) {
  const d = p.department;
  return [
    heading('一、本部门情况'),
    paragraph(
      `本期综合得分${score(d.score)}，等次${grade(d)}，在${p.rankedDepartments}个部门中排名第${rank(d)}（${change(d)}）。`,
    ),
    figures(TOTALS, d),
    heading('二、窗口情况'),
    table('windows', WINDOWS, p.windows, { dense: true }),
    heading('三、窗口人员'),
    table('staff', STAFF, p.staff, { dense: true }),
    heading('四、微笑之星'),
    stars(p.smileStars, '本期本部门无人当选微笑之星。'),
  ];
}

/** The whole bulletin, or with `part` one department's part of it. */
export function bulletinLayout(b: Bulletin, part?: BulletinPart | null): DocumentLayout {
  const subtitle = part ? `（${part.department.departmentName}）` : null;
  return {
    type: 'BULLETIN',
    title: `${b.title}${subtitle ?? ''}`,
    author: ISSUER,
    blocks: [
      {
        type: 'masthead',
        banner: '窗口服务工作简报',
        number: b.number || '（未发布，未编号）',
        issuer: ISSUER,
        date: b.publishedAt ? chineseDate(b.publishedAt) : '（未发布）',
      },
      { type: 'title', text: b.title, subtitle },
      ...paragraphs(b.commentary),
      ...(part ? departmentPart(part) : centreWide(b)),
    ],
  };
}

/**
 * The layout a user gets: a liaison always its own department's part (asking for another's is
 * refused), the centre the part it asks for or the whole bulletin. The PDF and GraphQL share it.
 */
export function bulletinLayoutFor(user: SessionUser, b: Bulletin, asked?: string | null) {
  const departmentId = partFor(user, asked);
  return bulletinLayout(b, departmentId ? partOf(user, b, departmentId) : null);
}
