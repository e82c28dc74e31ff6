import {
  chineseDate,
  heading,
  ISSUER,
  paragraphs,
  table,
  type ColumnOf,
  type DocumentLayout,
} from '../documents/layout.js';
import type { Notice } from './notice.model.js';

// The notice as a formal document (红头文件): the issuing centre in red, the number, the title,
// the body, the annex of violations and the signature. The PDF and the web's view of the notice
// are both drawn from this layout.

/** One violation of the annex, with the names it is listed under. */
export interface AnnexRow {
  observedAt: Date;
  department: string;
  window: string;
  staff: string | null;
  label: string;
  points: number;
  /** Dismissed because the department's appeal succeeded: listed, struck through. */
  overturned: boolean;
}

const WHEN = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

const ANNEX: ColumnOf<AnnexRow>[] = [
  { header: '序号', share: 0.07, align: 'center', value: (_, i) => String(i + 1) },
  { header: '时间', share: 0.15, value: (v) => WHEN.format(v.observedAt) },
  { header: '部门', share: 0.14, value: (v) => v.department },
  { header: '窗口', share: 0.09, value: (v) => v.window },
  { header: '人员', share: 0.11, value: (v) => v.staff ?? '—' },
  { header: '违规行为', share: 0.36, value: (v) => (v.overturned ? `${v.label}（申诉成立，已撤销）` : v.label) },
  { header: '扣分', share: 0.08, align: 'right', value: (v) => v.points.toFixed(1) },
];

/** The notice with the violations of its annex (all, or the part one department may see). */
export function noticeLayout(notice: Notice, annex: AnnexRow[]): DocumentLayout {
  return {
    type: 'NOTICE',
    title: notice.title,
    author: ISSUER,
    blocks: [
      {
        type: 'masthead',
        banner: `${ISSUER}通报`,
        number: notice.number || '（草稿，未编号）',
        issuer: null,
        date: null,
      },
      { type: 'title', text: notice.title, subtitle: null },
      ...paragraphs(notice.body, true),
      heading('附表：违规行为一览'),
      table('violations', ANNEX, annex, { struck: (v) => v.overturned }),
      { type: 'signature', lines: [ISSUER, notice.publishedAt ? chineseDate(notice.publishedAt) : '（未发布）'] },
    ],
  };
}
