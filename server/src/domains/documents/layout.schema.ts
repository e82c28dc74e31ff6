import { builder } from '../../graphql/builder.js';
import { DOCUMENT_TYPES, type Block, type DocumentLayout, type LayoutColumn, type LayoutRow } from './layout.js';

// A document's layout (layout.ts) as a typed tree, for the web's print view: a list of blocks,
// each of its own type, that the page renders in order as the PDF does.

type Of<T extends Block['type']> = Extract<Block, { type: T }>;

const Align = builder.enumType('DocumentAlign', {
  values: { LEFT: { value: 'left' }, CENTER: { value: 'center' }, RIGHT: { value: 'right' } } as const,
});

const Column = builder.objectRef<LayoutColumn>('DocumentColumn').implement({
  fields: (t) => ({
    header: t.exposeString('header'),
    share: t.exposeFloat('share', { description: 'Share of the text width; the shares of a table add up to 1' }),
    align: t.field({ type: Align, resolve: (c) => c.align }),
  }),
});

const Row = builder.objectRef<LayoutRow>('DocumentRow').implement({
  fields: (t) => ({
    cells: t.exposeStringList('cells'),
    struck: t.exposeBoolean('struck', { description: 'On record but no longer counting: shown struck through' }),
  }),
});

const Figure = builder.objectRef<{ label: string; value: string }>('DocumentFigure').implement({
  fields: (t) => ({ label: t.exposeString('label'), value: t.exposeString('value') }),
});

const Masthead = builder.objectRef<Of<'masthead'>>('DocumentMasthead').implement({
  description: 'The red masthead: banner and number, with the issuer and date under them when given',
  fields: (t) => ({
    banner: t.exposeString('banner'),
    number: t.exposeString('number'),
    issuer: t.exposeString('issuer', { nullable: true }),
    date: t.exposeString('date', { nullable: true }),
  }),
});

const Title = builder.objectRef<Of<'title'>>('DocumentTitle').implement({
  fields: (t) => ({ text: t.exposeString('text'), subtitle: t.exposeString('subtitle', { nullable: true }) }),
});

const Heading = builder.objectRef<Of<'heading'>>('DocumentHeading').implement({
  fields: (t) => ({ text: t.exposeString('text') }),
});

const Paragraph = builder.objectRef<Of<'paragraph'>>('DocumentParagraph').implement({
  fields: (t) => ({
    text: t.exposeString('text'),
    indent: t.exposeBoolean('indent', { description: 'Two-character first-line indent; a salutation has none' }),
  }),
});

const Figures = builder.objectRef<Of<'figures'>>('DocumentFigures').implement({
  description: 'Labelled figures in a grid',
  fields: (t) => ({
    items: t.field({ type: [Figure], resolve: (b) => b.items }),
    perRow: t.exposeInt('perRow'),
  }),
});

const Table = builder.objectRef<Of<'table'>>('DocumentTable').implement({
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Names the table, e.g. "windows"' }),
    columns: t.field({ type: [Column], resolve: (b) => b.columns }),
    rows: t.field({ type: [Row], resolve: (b) => b.rows }),
    dense: t.exposeBoolean('dense', { description: 'Set smaller, for wide tables' }),
  }),
});

const Signature = builder.objectRef<Of<'signature'>>('DocumentSignature').implement({
  fields: (t) => ({ lines: t.exposeStringList('lines') }),
});

const TYPES = {
  masthead: Masthead,
  title: Title,
  heading: Heading,
  paragraph: Paragraph,
  figures: Figures,
  table: Table,
  signature: Signature,
} as const;

const BlockRef = builder.unionType('DocumentBlock', {
  types: Object.values(TYPES),
  resolveType: (b: Block) => TYPES[b.type],
});

const DocumentType = builder.enumType('DocumentType', { values: DOCUMENT_TYPES });

export const LayoutRef = builder.objectRef<DocumentLayout>('DocumentLayout').implement({
  description: 'A document (notice or bulletin) as it is printed: its blocks in reading order, as in its PDF',
  fields: (t) => ({
    type: t.field({ type: DocumentType, resolve: (l) => l.type }),
    title: t.exposeString('title'),
    blocks: t.field({ type: [BlockRef], resolve: (l) => l.blocks }),
  }),
});
