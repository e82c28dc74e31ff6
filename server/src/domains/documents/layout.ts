import { localDate } from '../../../../common/time.js';

// The layout of a document as plain data: what the centre issues, block by block, in the order
// it reads. It is built once from a notice or a bulletin (`*.layout.ts` in their domains) and
// rendered twice from the same data: to PDF (`layout.pdf.ts`) and, through GraphQL
// (`layout.schema.ts`), by the web's print view. So what a document shows is decided in one
// place, and the PDF and the printed page cannot drift apart.

/** Who issues every document. */
export const ISSUER = '市政务服务中心';

export type Align = 'left' | 'center' | 'right';

export interface LayoutColumn {
  header: string;
  /** Share of the text width; the shares of a table add up to 1. */
  share: number;
  align: Align;
}

export interface LayoutRow {
  cells: string[];
  /** Shown struck through: it stays on record but no longer counts (an overturned violation). */
  struck: boolean;
}

export type Block =
  /** The red masthead (红头): banner, number, and the issuer and date under it when given. */
  | { type: 'masthead'; banner: string; number: string; issuer: string | null; date: string | null }
  | { type: 'title'; text: string; subtitle: string | null }
  | { type: 'heading'; text: string }
  /** `indent`: the two-character first-line indent of Chinese paragraphs; a salutation has none. */
  | { type: 'paragraph'; text: string; indent: boolean }
  /** Labelled figures in a grid, `perRow` to a row. */
  | { type: 'figures'; items: Array<{ label: string; value: string }>; perRow: number }
  /** `key` names the table (e.g. "windows"), so a page or a test can find it. */
  | { type: 'table'; key: string; columns: LayoutColumn[]; rows: LayoutRow[]; dense: boolean }
  /** Lines set flush right at the end: the issuer and the date. */
  | { type: 'signature'; lines: string[] };

export type BlockType = Block['type'];

export const DOCUMENT_TYPES = ['NOTICE', 'BULLETIN'] as const;

export interface DocumentLayout {
  type: (typeof DOCUMENT_TYPES)[number];
  /** The document's title as its PDF names it. */
  title: string;
  author: string;
  blocks: Block[];
}

// Building blocks. A column or a figure says its label and how to read its value next to each
// other, so adding one is one entry in a list.

export interface ColumnOf<T> {
  header: string;
  share: number;
  align?: Align;
  value: (row: T, index: number) => string;
}

export interface FigureOf<T> {
  label: string;
  value: (source: T) => string;
}

export function table<T>(
  key: string,
  columns: ColumnOf<T>[],
  rows: T[],
  options: { dense?: boolean; struck?: (row: T) => boolean } = {},
): Block {
  return {
    type: 'table',
    key,
    columns: columns.map((c) => ({ header: c.header, share: c.share, align: c.align ?? 'left' })),
    rows: rows.map((r, i) => ({ cells: columns.map((c) => c.value(r, i)), struck: options.struck?.(r) ?? false })),
    dense: options.dense ?? false,
  };
}

export const figures = <T>(list: FigureOf<T>[], source: T, perRow = 4): Block => ({
  type: 'figures',
  items: list.map((f) => ({ label: f.label, value: f.value(source) })),
  perRow,
});

export const heading = (text: string): Block => ({ type: 'heading', text });

export const paragraph = (text: string, indent = true): Block => ({ type: 'paragraph', text, indent });

/** The non-blank lines of a text as paragraphs; `salutation`: the first is a salutation (各进驻部门：). */
export function paragraphs(text: string, salutation = false): Block[] {
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => paragraph(l, !(salutation && i === 0)));
}

/** "2026年3月5日": the centre's date of an instant, as Chinese documents write it. */
export function chineseDate(at: Date) {
  const [y, m, d] = localDate(at).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
