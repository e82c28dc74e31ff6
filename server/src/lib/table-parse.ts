import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';

// Parses the bytes of an office table (Excel/WPS XLSX, or CSV in UTF-8 or GBK/GB18030) into rows
// of text cells, as a person sees them: dates as YYYY-MM-DD, times as HH:MM, full-width characters
// (２０２６－０３－０１, 08：52) as their ASCII forms, numbers as written. This runs in a worker
// thread (table-read.worker.ts): parsing a file at the row cap takes half a second of CPU, which
// must not stall the requests the server answers meanwhile. Nothing here may import the app.

export type Encoding = 'xlsx' | 'utf-8' | 'gb18030';
/** A file that cannot be read at all; `message` is a catalogue key, `params` fill it. */
export class UnreadableFile extends Error {
  constructor(
    message: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

// An XLSX file is a zip archive ("PK\x03\x04"); a legacy .xls is an OLE2 compound file.
const isXlsx = (data: Buffer) => data.length > 4 && data.readUInt32LE(0) === 0x04034b50;
const isXls = (data: Buffer) => data.length > 8 && data.readUInt32BE(0) === 0xd0cf11e0;

/** Excel's serial day 0 is 1899-12-30; a cell with only a time is a fraction of a day after it. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Full-width letters, digits and punctuation as ASCII; trims spaces of either width. */
export const normalizeText = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/\u3000/g, ' ')
    .trim();

/** Text of a date cell: Excel keeps no zone, so the UTC reading is the date typed. */
function dateCellText(cell: Date): string {
  // Serial days are floats: 00:30 may arrive as 00:29:59.999. Round to the second first.
  const d = new Date(Math.round(cell.getTime() / 1000) * 1000);
  const iso = d.toISOString();
  const time = iso.slice(11, 16);
  if (d.getTime() < EXCEL_EPOCH_MS + DAY_MS) return time; // a time-only cell (Excel's day 0)
  return time === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : dateCellText(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return typeof v === 'string' ? normalizeText(v) : '';
}

/** A number an XLSX cell holds in a date or time column without a date format: Excel's serial. */
export function fromExcelSerial(text: string, kind: 'date' | 'time'): string {
  if (!/^\d+(\.\d+)?$/.test(text)) return text;
  const n = Number(text);
  if (kind === 'time' && n < 1)
    return new Date(EXCEL_EPOCH_MS + Math.round(n * 1440) * 60_000).toISOString().slice(11, 16);
  if (kind === 'date' && n >= 1 && n < 2_958_466)
    return new Date(EXCEL_EPOCH_MS + Math.floor(n) * DAY_MS).toISOString().slice(0, 10);
  return text;
}

/** UTF-8 when the bytes are valid UTF-8 (with or without BOM), else GB18030 (a superset of GBK, Excel's CSV on Chinese Windows). */
export function decodeCsv(data: Buffer): { text: string; encoding: Encoding } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(data), encoding: 'gb18030' };
  }
}

/** The file's rows of text cells, its first sheet for XLSX; throws UnreadableFile with a catalogue key. */
export async function parseCells(data: Buffer): Promise<{ cells: string[][]; encoding: Encoding }> {
  if (isXls(data)) throw new UnreadableFile('legacy .xls files cannot be read: save as .xlsx or CSV');
  if (isXlsx(data)) {
    let sheet: unknown[][];
    try {
      sheet = await readSheet(data);
    } catch {
      throw new UnreadableFile('the file is not a readable XLSX workbook');
    }
    return { cells: sheet.map((row) => row.map(cellText)), encoding: 'xlsx' };
  }
  const { text, encoding } = decodeCsv(data);
  try {
    const rows: string[][] = parse(text, { bom: true, relax_column_count: true });
    return { cells: rows.map((r) => r.map(normalizeText)), encoding };
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw new UnreadableFile('the CSV cannot be read from line {{line}} on (unbalanced quotes?)', { line: line ?? 1 });
  }
}
