// A minimal XLSX written by hand (one sheet, inline strings), so tests of the import limits do not
// depend on the library the server reads spreadsheets with.
import { strToU8, zipSync } from 'fflate';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const cell = (value: string, ref: string) => `<c${ref} t="inlineStr"><is><t>${escape(value)}</t></is></c>`;

/**
 * A workbook whose first sheet holds the rows (the first being the column names). Without `refs`
 * the cells carry no address (optional in the format): a file of repeated rows then compresses
 * as well as one Excel writes with shared strings.
 */
export function xlsx(rows: string[][], extra: Record<string, Uint8Array> = {}, refs = true): Buffer {
  const ref = (col: number, row: number) => (refs ? ` r="${String.fromCharCode(65 + col)}${row}"` : '');
  const sheet = rows
    .map((r, i) => `<row${refs ? ` r="${i + 1}"` : ''}>${r.map((v, c) => cell(v, ref(c, i + 1))).join('')}</row>`)
    .join('');
  const ns = 'http://schemas.openxmlformats.org';
  const files = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${ns}/spreadsheetml/2006/main"><sheetData>${sheet}</sheetData></worksheet>`,
  };
  const entries = Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)]));
  return Buffer.from(zipSync({ ...entries, ...extra }, { level: 6 }));
}
