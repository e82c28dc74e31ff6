import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';

// Server-rendered PDFs (notices, bulletins) in Chinese. pdfkit embeds a subset of a CJK font,
// which must exist on the machine: Debian's fonts-noto-cjk by default, or PDF_FONT. Without it
// every Chinese character would be an empty box, so a missing font fails loudly instead.

export const DEFAULT_PDF_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
/** The face to take from a font collection (.ttc) when PDF_FONT names none. */
const DEFAULT_FACE = 'NotoSansCJKsc-Regular';

export class PdfFontMissingError extends Error {
  constructor(readonly path: string) {
    super(
      `PDF font not found at ${path}: install fonts-noto-cjk or set PDF_FONT to a CJK font (.ttf/.otf, or file.ttc#PostScriptName)`,
    );
    this.name = 'PdfFontMissingError';
  }
}

export interface PdfFont {
  path: string;
  face?: string;
}

/** PDF_FONT is a file, optionally with the face to use from a collection: "x.ttc#Face". */
export function resolvePdfFont(spec: string | undefined = process.env.PDF_FONT): PdfFont {
  const [path = DEFAULT_PDF_FONT, face] = (spec || DEFAULT_PDF_FONT).split('#');
  if (!existsSync(path)) throw new PdfFontMissingError(path);
  return { path, face: face ?? (path.toLowerCase().endsWith('.ttc') ? DEFAULT_FACE : undefined) };
}

export type Pdf = PDFKit.PDFDocument;

/** An A4 document in the CJK font; `finish()` ends it and resolves to its bytes. */
export function createPdf(meta: { title: string; author: string }, font = resolvePdfFont()) {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 64, left: 64, right: 64 },
    info: { Title: meta.title, Author: meta.author },
    bufferPages: true,
  });
  doc.registerFont('cjk', font.path, font.face);
  doc.font('cjk');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return {
    doc,
    finish(footer?: (page: number, pages: number) => string) {
      if (footer) pageFooters(doc, footer);
      doc.end();
      return done;
    },
  };
}

/** The usable width between the margins. */
export const contentWidth = (doc: Pdf) => doc.page.width - doc.page.margins.left - doc.page.margins.right;

/** A paragraph with the two-character first-line indent of Chinese documents. */
export function paragraph(doc: Pdf, text: string, size = 12, indent = true) {
  // pdfkit's `indent` (not leading full-width spaces, which justified lines drop).
  doc.fontSize(size).text(text, doc.page.margins.left, doc.y, {
    width: contentWidth(doc),
    lineGap: size * 0.6,
    align: 'justify',
    indent: indent ? size * 2 : 0,
  });
  doc.moveDown(0.4);
}

export interface Column {
  header: string;
  /** Share of the content width; the shares of a table add up to 1. */
  share: number;
  align?: 'left' | 'center' | 'right';
  /** Cells shaded like the header: the labels of a grid of figures. */
  shaded?: boolean;
}

export interface Row {
  cells: string[];
  /** Greyed and struck through. */
  struck?: boolean;
}

const PAD = 4;
const SHADE = '#f0f2f5';
const RULE = '#888';

/** A ruled table that breaks across pages, repeating its header (unless `header` is false). */
export function table(doc: Pdf, columns: Column[], rows: Row[], size = 9, header = true) {
  const left = doc.page.margins.left;
  const widths = columns.map((c) => c.share * contentWidth(doc));
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const heightOf = (cells: string[]) =>
    Math.max(...cells.map((c, i) => doc.fontSize(size).heightOfString(c, { width: widths[i]! - 2 * PAD }))) + 2 * PAD;
  const headerRow: Row = { cells: columns.map((c) => c.header) };

  const drawRow = (row: Row, isHeader: boolean) => {
    const h = heightOf(row.cells);
    if (doc.y + h > bottom()) {
      doc.addPage();
      if (header && !isHeader) drawRow(headerRow, true);
    }
    const y = doc.y;
    let x = left;
    row.cells.forEach((cell, i) => {
      const w = widths[i]!;
      if (isHeader || columns[i]!.shaded) doc.rect(x, y, w, h).fillAndStroke(SHADE, RULE);
      else doc.rect(x, y, w, h).stroke(RULE);
      doc
        .fillColor(row.struck ? '#999' : '#000')
        .fontSize(size)
        .text(cell, x + PAD, y + PAD, {
          width: w - 2 * PAD,
          // Headers are centred over their column, as the print view sets them.
          align: isHeader ? 'center' : (columns[i]!.align ?? 'left'),
          strike: !!row.struck,
        });
      x += w;
    });
    doc.x = left;
    doc.y = y + h;
  };

  doc.lineWidth(0.5);
  if (header) drawRow(headerRow, true);
  for (const row of rows) drawRow(row, false);
  doc.moveDown(0.8);
}

function pageFooters(doc: Pdf, footer: (page: number, pages: number) => string) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - doc.page.margins.bottom + 24;
    // Writing below the bottom margin would start a new page; lift the margin while writing.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .fontSize(9)
      .fillColor('#666')
      .text(footer(i + 1, range.count), doc.page.margins.left, y, { width: contentWidth(doc), align: 'center' });
    doc.page.margins.bottom = margin;
  }
}
