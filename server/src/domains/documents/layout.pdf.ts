import { contentWidth, createPdf, paragraph, table, type Pdf } from '../../lib/pdf.js';
import type { Block, DocumentLayout } from './layout.js';

// A document's layout on A4 paper, block by block; the web's print view renders the same
// blocks with the same sizes (DocumentSheet.vue). Sizes are points.

const RED = '#c00000';

type Of<T extends Block['type']> = Extract<Block, { type: T }>;

function masthead(doc: Pdf, b: Of<'masthead'>) {
  doc.fillColor(RED).fontSize(28).text(b.banner, { align: 'center', characterSpacing: 6 });
  doc.moveDown(0.4);
  doc.fillColor('#000').fontSize(12).text(b.number, { align: 'center' });
  if (b.issuer || b.date) {
    doc.moveDown(0.6);
    const y = doc.y;
    doc.fontSize(11).text(b.issuer ?? '', doc.page.margins.left, y);
    doc.text(b.date ?? '', doc.page.margins.left, y, { width: contentWidth(doc), align: 'right' });
  }
  const ruleY = doc.y + 6;
  doc
    .moveTo(doc.page.margins.left, ruleY)
    .lineTo(doc.page.width - doc.page.margins.right, ruleY)
    .lineWidth(1.5)
    .stroke(RED);
  doc.y = ruleY + 18;
}

function title(doc: Pdf, b: Of<'title'>) {
  const at = { width: contentWidth(doc), align: 'center' } as const;
  doc.fillColor('#000').fontSize(18).text(b.text, doc.page.margins.left, doc.y, at);
  if (b.subtitle) doc.moveDown(0.2).fontSize(13).text(b.subtitle, at);
  doc.moveDown(0.8);
}

function heading(doc: Pdf, b: Of<'heading'>) {
  // A heading never ends a page: what it heads would start on the next.
  if (doc.y > doc.page.height - doc.page.margins.bottom - 90) doc.addPage();
  doc.moveDown(0.3).fontSize(13).fillColor('#000').text(b.text, doc.page.margins.left);
  doc.moveDown(0.3);
}

function figures(doc: Pdf, b: Of<'figures'>) {
  const pairs = b.items.map((f) => [f.label, f.value]);
  const rows = Array.from({ length: Math.ceil(pairs.length / b.perRow) }, (_, r) => ({
    cells: pairs.slice(r * b.perRow, (r + 1) * b.perRow).flat(),
  }));
  const share = 1 / (2 * b.perRow);
  const columns = Array.from({ length: 2 * b.perRow }, (_, i) => ({
    header: '',
    share,
    align: i % 2 ? ('right' as const) : ('left' as const),
    shaded: i % 2 === 0,
  }));
  for (const row of rows) while (row.cells.length < columns.length) row.cells.push('');
  table(doc, columns, rows, 9, false);
}

function signature(doc: Pdf, b: Of<'signature'>) {
  doc.moveDown(1.5).fontSize(12).fillColor('#000');
  for (const line of b.lines)
    doc.text(line, doc.page.margins.left, doc.y, { width: contentWidth(doc), align: 'right' });
}

const RENDER: { [K in Block['type']]: (doc: Pdf, block: Of<K>) => void } = {
  masthead,
  title,
  heading,
  paragraph: (doc, b) => paragraph(doc, b.text, 12, b.indent),
  figures,
  table: (doc, b) => table(doc, b.columns, b.rows, b.dense ? 8 : 9),
  signature,
};

/** The document as PDF bytes, numbered "— 1 / 3 —" at the foot of each page. */
export function renderLayoutPdf(layout: DocumentLayout) {
  const { doc, finish } = createPdf({ title: layout.title, author: layout.author });
  for (const block of layout.blocks) (RENDER[block.type] as (doc: Pdf, b: Block) => void)(doc, block);
  return finish((page, pages) => `— ${page} / ${pages} —`);
}
