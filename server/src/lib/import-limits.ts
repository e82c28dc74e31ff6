import type { RequestHandler } from 'express';
import { Unzip, UnzipInflate } from 'fflate';
import { AppError } from '../graphql/errors.js';
import { MAX_IMPORT_ROWS } from './table-import.js';

// The limits of an import file, checked at the route before any parser sees it: a parser spends
// time in proportion to the rows (at best), so a file of 100,000 rows or a zip that expands a
// thousandfold must be refused by a linear scan first. The checks read bytes only; they do not
// interpret the table.

/** What an XLSX (a zip) may expand to in all: 2 MB compressed of ordinary sheets stays far below. */
export const MAX_XLSX_EXPANDED_BYTES = 48 * 1024 * 1024;

const tooLarge = (message: string, params: Record<string, unknown> = {}) =>
  new AppError('PAYLOAD_TOO_LARGE', message, { http: { status: 413 } }, params);
const tooManyRows = () => tooLarge('An import file holds at most {{count}} rows', { count: MAX_IMPORT_ROWS });

/** Lines of a CSV, counted by their line ends (\n, or \r in old Mac files): never fewer than its records. */
function csvLines(data: Buffer) {
  const count = (byte: number) => {
    let n = 0;
    for (let at = data.indexOf(byte); at !== -1 && at < data.length - 1; at = data.indexOf(byte, at + 1)) n++;
    return n;
  };
  return 1 + (count(10) || count(13));
}

const SLICE = 8 * 1024;
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;
const ROW_TAG = /<(?:\w+:)?row[\s>]/g;

/**
 * Inflates every entry of an XLSX as a stream, counting the bytes it expands to and the rows of
 * each worksheet, and stops at the first limit it passes.
 */
async function checkXlsx(data: Buffer) {
  let expanded = 0;
  const unzip = new Unzip((file) => {
    const sheet = WORKSHEET.test(file.name);
    let rows = 0;
    let tail = '';
    file.ondata = (err, chunk) => {
      if (err) throw err;
      expanded += chunk.length;
      if (expanded > MAX_XLSX_EXPANDED_BYTES) throw tooLarge('The import file is too large once unpacked');
      if (!sheet) return;
      // A tag may straddle two chunks: keep the end of the last one.
      const text = tail + Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length).toString('latin1');
      // Rows wholly inside the kept end were counted with the last chunk.
      rows += (text.match(ROW_TAG) ?? []).length - (tail.match(ROW_TAG) ?? []).length;
      tail = text.slice(-16);
      // The first row holds the column names.
      if (rows > MAX_IMPORT_ROWS + 1) throw tooManyRows();
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  // In slices, so a limit passed early stops the work early, and other requests are served
  // between them (a slice expands to a few hundred kB at most: milliseconds of work).
  for (let at = 0; at < data.length; at += SLICE) {
    unzip.push(data.subarray(at, at + SLICE), at + SLICE >= data.length);
    await new Promise(setImmediate);
  }
}

const isZip = (data: Buffer) => data.length > 4 && data.readUInt32LE(0) === 0x04034b50;

/** Throws PAYLOAD_TOO_LARGE (413) for a file with too many rows, or a zip that expands too far. */
export async function checkImportFile(data: Buffer) {
  if (isZip(data)) {
    try {
      await checkXlsx(data);
    } catch (err) {
      if (err instanceof AppError) throw err;
      // A broken archive is the parser's to report, with its own row report.
    }
  } else if (csvLines(data) > MAX_IMPORT_ROWS + 1) throw tooManyRows(); // and the header
}

/** The check as a route step, after the body was read (express.raw). */
export const importLimits: RequestHandler = (req, _res, next) => {
  const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  checkImportFile(body).then(() => next(), next);
};
