import type { Response } from 'express';
import writeXlsxFile, { type Cell as XlsxCell } from 'write-excel-file/node';

// Lists as .xlsx files (write-excel-file): a bold, frozen header row in the reader's language, text
// cells kept as text (case numbers of 18+ digits would otherwise turn into 1.23E+17 in Excel),
// numbers as numbers and instants as date cells in centre time.

export type Cell = string | number | Date | null | undefined;
const CENTER_OFFSET_MS = 8 * 3600_000;

function cellOf(v: Cell): XlsxCell {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return { value: v, type: Number };
  // Excel has no zones: write the centre's wall-clock time.
  if (v instanceof Date)
    return { value: new Date(v.getTime() + CENTER_OFFSET_MS), type: Date, format: 'yyyy-mm-dd hh:mm' };
  return { value: v, type: String };
}

const width = (header: string, rows: Cell[][], k: number) =>
  Math.min(60, Math.max(8, header.length * 2, ...rows.slice(0, 200).map((r) => String(r[k] ?? '').length + 2)));

/** One sheet: the header row, then the rows. */
export function xlsxOf(header: string[], rows: Cell[][], sheet = 'Sheet1'): Promise<Buffer> {
  const head = header.map((h) => ({ value: h, type: String, fontWeight: 'bold' as const }));
  return writeXlsxFile([head, ...rows.map((r) => r.map(cellOf))], {
    sheet,
    stickyRowsCount: 1,
    columns: header.map((h, k) => ({ width: width(h, rows, k) })),
  }).toBuffer();
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a workbook as a download named `name` (ASCII, with .xlsx). */
export function sendXlsx(res: Response, name: string, data: Buffer) {
  res.setHeader('content-type', XLSX_TYPE);
  res.setHeader('content-disposition', `attachment; filename="${name}"`);
  res.setHeader('cache-control', 'no-store');
  res.send(data);
}
