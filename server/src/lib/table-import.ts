import { isLocalDate } from '../../../common/time.js';
import { t } from './messages.js';
import { mapInSlices } from './slices.js';
import { xlsxOf, type Cell } from './table-export.js';
import { fromExcelSerial, readCells, UnreadableFile, type Encoding } from './table-read.js';

// Tabular imports (sign-ins, cases handled): an office file (lib/table-read.ts) is read into rows
// keyed by field name, every bad row is reported with its line, column and reason in the user's
// language, and nothing is stored unless every row is valid. Each import maps its own column names
// (Chinese or English) to fields; docs/office-files.md lists what is accepted.

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;
/** How far down a title block (merged title cells, notes) may push the header row. */
const HEADER_SEARCH_ROWS = 10;

export interface RowError {
  /** Line in the file (the first line is 1). */
  line: number;
  /** The field's code, for clients. */
  field: string;
  /** The column as the user knows it: its header in the file, or its name in the user's language. */
  column: string;
  message: string;
  value: string;
}

export interface ImportReport {
  ok: boolean;
  rows: number;
  imported: number;
  /** Of the rows imported: records that were new, changed, or already stored as they are. */
  added: number;
  updated: number;
  unchanged: number;
  /** How the file was read: xlsx, utf-8 or gb18030 (GBK). */
  encoding: Encoding | null;
  errors: RowError[];
}

export type Row = Record<string, string>;

export interface TableSpec {
  /** Column names as exported (lower-cased, spaces removed) → field names. */
  headers: Record<string, string>;
  required: string[];
  /** Fields holding dates / times: written in any of the shapes Excel and WPS produce. */
  dates?: string[];
  times?: string[];
}

export interface Table {
  rows: Row[];
  /** The file line of each row. */
  lines: number[];
  errors: RowError[];
  encoding: Encoding | null;
  /** Field → the header the file gave it. */
  columns: Record<string, string>;
}

const headerKey = (h: string) => h.replace(/\s/g, '').toLowerCase();
const fieldOf = (spec: TableSpec, header: string) => spec.headers[headerKey(header)] ?? header;

/** A field's name for the user when the file has no header for it. */
export const columnName = (field: string) => t(`column.${field}`);

/** The first row among the top ones naming the most of the spec's columns (title rows are skipped). */
function headerRow(cells: string[][], spec: TableSpec) {
  let best = 0;
  let bestHits = 0;
  cells.slice(0, HEADER_SEARCH_ROWS).forEach((row, i) => {
    const hits = row.filter((h) => headerKey(h) in spec.headers).length;
    if (hits > bestHits) [best, bestHits] = [i, hits];
  });
  return best;
}

/** 2026/3/1, 2026.3.1, 2026年3月1日, 2026-03-01 08:00 → 2026-03-01 (validity is checked by the import). */
export function normalizeDate(v: string, xlsx: boolean): string {
  const s = xlsx ? fromExcelSerial(v, 'date') : v;
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : s;
}

/** 8:52, 08:52:10, 2026-03-02 08:52 → 08:52. */
export function normalizeTime(v: string, xlsx: boolean): string {
  const s = xlsx ? fromExcelSerial(v, 'time') : v;
  const m = /(?:^|\s)(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(s);
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : s;
}

async function toRows(cells: string[][], spec: TableSpec, xlsx: boolean) {
  const head = headerRow(cells, spec);
  const fields = (cells[head] ?? []).map((h) => fieldOf(spec, h));
  const columns = Object.fromEntries(fields.map((f, k) => [f, cells[head]![k]!]));
  const rows: Row[] = [];
  const lines: number[] = [];
  await mapInSlices(cells.slice(head + 1), (r, i) => {
    if (r.every((c) => !c)) return;
    const row: Row = Object.fromEntries(fields.map((f, k) => [f, r[k] ?? '']));
    for (const f of spec.dates ?? []) if (row[f]) row[f] = normalizeDate(row[f], xlsx);
    for (const f of spec.times ?? []) if (row[f]) row[f] = normalizeTime(row[f], xlsx);
    rows.push(row);
    lines.push(head + i + 2);
  });
  return { rows, lines, columns };
}

const fileError = (message: string, params = {}, line = 1): RowError => ({
  line,
  field: '',
  column: '',
  message: t(message, params),
  value: '',
});

/** Reads CSV or XLSX; a file that cannot be read, lacks a column or is empty is one error. */
export async function readTable(data: Buffer, spec: TableSpec): Promise<Table> {
  let read: Awaited<ReturnType<typeof readCells>>;
  try {
    read = await readCells(data);
  } catch (err) {
    if (!(err instanceof UnreadableFile)) throw err;
    return { rows: [], lines: [], columns: {}, encoding: null, errors: [fileError(err.message, err.params)] };
  }
  const { rows, lines, columns } = await toRows(read.cells, spec, read.encoding === 'xlsx');
  const table: Table = { rows, lines, columns, encoding: read.encoding, errors: [] };
  const missing = spec.required.filter((c) => !(c in columns));
  for (const c of missing) table.errors.push({ ...fileError('column missing'), field: c, column: columnName(c) });
  // Every column missing from a CSV that is not UTF-8 means the encoding was guessed wrong.
  if (missing.length === spec.required.length && read.encoding !== 'xlsx')
    table.errors.unshift(fileError('no known column found: is this the right file, saved as CSV (UTF-8) or XLSX?'));
  if (!missing.length && !rows.length) table.errors.push(fileError('no rows'));
  if (rows.length > MAX_IMPORT_ROWS)
    table.errors.push(fileError('at most {{count}} rows', { count: MAX_IMPORT_ROWS }, lines[MAX_IMPORT_ROWS]));
  return table;
}

/** Collects one row's problems (catalogue keys), each with its line, column and value as given. */
export const rowChecker =
  (table: Table, row: Row, i: number) =>
  (field: string, message: string, params: Record<string, unknown> = {}) =>
    table.errors.push({
      line: table.lines[i] ?? i + 2,
      field,
      column: table.columns[field] ?? columnName(field),
      message: t(message, params),
      value: row[field] ?? '',
    });

/** Flags rows repeating an earlier row's natural key; answers the earlier row's line. */
export function duplicateChecker() {
  const seen = new Map<string, number>();
  return (key: string, line: number) => {
    const first = seen.get(key);
    if (first === undefined) seen.set(key, line);
    return first;
  };
}

/** A real calendar date written YYYY-MM-DD. */
export const validDate = isLocalDate;

export const rejected = (table: Table): ImportReport => ({
  ok: false,
  rows: table.rows.length,
  imported: 0,
  added: 0,
  updated: 0,
  unchanged: 0,
  encoding: table.encoding,
  errors: table.errors,
});

/** Every row stored: `added` of them new, `updated` changed, the rest already stored as they are. */
export const accepted = (table: Table, added: number, updated: number): ImportReport => {
  const rows = table.rows.length;
  const unchanged = rows - added - updated;
  return { ok: true, rows, imported: rows, added, updated, unchanged, encoding: table.encoding, errors: [] };
};

/** A template to fill in: the columns named in the user's language (the import reads both) and one sample row. */
export const templateOf = (fields: string[], sample: Cell[]) => xlsxOf(fields.map(columnName), [sample]);
