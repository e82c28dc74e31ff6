import { stringify, type Options } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';

// Every CSV export is opened in Excel or WPS, which run a cell that starts with a formula sign
// (OWASP "CSV injection"): =HYPERLINK(…) leaks data, +cmd|… runs programs. Citizens write the
// comments and complaints, so every text cell is defused twice: by our own rule, which also knows
// the full-width signs a Chinese input method types (＝＋－＠) and signs behind leading blanks, and
// by csv-stringify's escape_formulas.

/** A formula sign at the start, possibly behind blanks or controls a spreadsheet skips. */
const FORMULA_START = /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r\n]/;

/** The text as a cell no spreadsheet runs: a leading apostrophe makes it plain text. */
export function defuseFormula(value: string) {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The options every export uses: text defused, Excel's line ends. */
const SAFE: Options = {
  escape_formulas: true,
  cast: { string: defuseFormula },
  record_delimiter: 'windows',
};

/** A streaming CSV writer with the given header row. */
export const csvStream = (columns: string[]) => stringify({ ...SAFE, header: true, columns });

/** A whole CSV at once, a header row then the rows. */
export const csvText = (header: string[], rows: string[][]) => stringifySync([header, ...rows], SAFE);
