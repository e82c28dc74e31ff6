import { parse } from 'csv-parse/sync';
import { isLocalDate } from '../../../common/time.js';

// Tabular imports (sign-ins, cases handled): a CSV or XLSX file is read into rows keyed by field
// name, every bad row is reported with its line, field and reason, and nothing is stored unless
// every row is valid. Each import maps its own column names (Chinese or English) to fields.

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

export interface RowError {
  /** Line in the file (the header is line 1). */
  line: number;
  field: string;
  message: string;
  value: string;
}

export interface ImportReport {
  ok: boolean;
  rows: number;
  imported: number;
  errors: RowError[];
}

export type Row = Record<string, string>;

export interface TableSpec {
  /** Column names as exported (lower-cased, spaces removed) → field names. */
  headers: Record<string, string>;
  required: string[];
}

/** A real calendar date written YYYY-MM-DD (common/time.ts: month 13 is refused, not thrown). */
export const validDate = (s: string) => isLocalDate(s);

const fieldOf = (spec: TableSpec, header: string) => spec.headers[header.replace(/\s/g, '').toLowerCase()] ?? header;

// An XLSX file is a zip archive: it starts with "PK\x03\x04".
const isXlsx = (data: Buffer) => data.length > 4 && data.readUInt32LE(0) === 0x04034b50;

function parseCsv(data: Buffer, spec: TableSpec): Row[] {
  return parse<Row>(data, {
    bom: true,
    skip_empty_lines: true,
    trim: true,
    columns: (header: string[]) => header.map((h) => fieldOf(spec, h)),
  });
}

/** A cell as the text a person sees: dates as local dates, numbers as written, formulas by result. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10); // Excel dates carry no zone: read as UTC.
  if (typeof v === 'object') {
    const o = v as { result?: unknown; richText?: Array<{ text: string }>; text?: string };
    if ('result' in o) return cellText(o.result);
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if (typeof o.text === 'string') return o.text;
  }
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return typeof v === 'string' ? v.trim() : '';
}

/** The first worksheet; its first row names the columns. */
async function parseXlsx(data: Buffer, spec: TableSpec): Promise<Row[]> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) return [];
  const values = (i: number) => (sheet.getRow(i).values as unknown[]).slice(1).map(cellText);
  const columns = values(1).map((h) => fieldOf(spec, h));
  const rows: Row[] = [];
  // actualRowCount walks every row: read it once, not once per row (that was quadratic).
  const last = Math.min(sheet.actualRowCount + 1, MAX_IMPORT_ROWS + 2);
  for (let i = 2; i <= last; i++) {
    const cells = values(i);
    if (cells.every((c) => !c)) continue;
    rows.push(Object.fromEntries(columns.map((c, k) => [c, cells[k] ?? ''])));
  }
  return rows;
}

/** Reads CSV or XLSX (told apart by their bytes); a file that cannot be read, lacks a column or is empty is one error. */
export async function readTable(data: Buffer, spec: TableSpec): Promise<{ rows: Row[]; errors: RowError[] }> {
  let rows: Row[];
  try {
    rows = isXlsx(data) ? await parseXlsx(data, spec) : parseCsv(data, spec);
  } catch (err) {
    const e = err as { lines?: number; message: string };
    return { rows: [], errors: [{ line: e.lines ?? 1, field: '', message: e.message, value: '' }] };
  }
  const errors = spec.required
    .filter((c) => rows.length && !(c in rows[0]!))
    .map((c) => ({ line: 1, field: c, message: 'column missing', value: '' }));
  if (!errors.length && !rows.length) errors.push({ line: 1, field: '', message: 'no rows', value: '' });
  if (rows.length > MAX_IMPORT_ROWS)
    errors.push({ line: MAX_IMPORT_ROWS + 2, field: '', message: `at most ${MAX_IMPORT_ROWS} rows`, value: '' });
  return { rows, errors };
}

/** Collects one row's problems, each with the line and the value as given. */
export const rowChecker = (errors: RowError[], row: Row, line: number) => (field: string, message: string) =>
  errors.push({ line, field, message, value: row[field] ?? '' });

/** Flags rows repeating an earlier row's natural key. */
export function duplicateChecker() {
  const seen = new Map<string, number>();
  return (key: string, line: number) => {
    const first = seen.get(key);
    if (first === undefined) seen.set(key, line);
    return first;
  };
}

export const rejected = (rows: number, errors: RowError[]): ImportReport => ({ ok: false, rows, imported: 0, errors });
