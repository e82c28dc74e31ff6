import { graphql, type ResultOf } from '@/graphql/graphql';

// A document (notice or bulletin) as the server lays it out, block by block: the same layout its
// PDF is drawn from. DocumentSheet.vue renders any of them; pages only fetch it.
export const DocumentLayoutFields = graphql(`
  fragment DocumentLayoutFields on DocumentLayout {
    type
    title
    blocks {
      __typename
      ... on DocumentMasthead {
        banner
        number
        issuer
        date
      }
      ... on DocumentTitle {
        text
        subtitle
      }
      ... on DocumentHeading {
        text
      }
      ... on DocumentParagraph {
        text
        indent
      }
      ... on DocumentFigures {
        perRow
        items {
          label
          value
        }
      }
      ... on DocumentTable {
        key
        dense
        columns {
          header
          share
          align
        }
        rows {
          cells
          struck
        }
      }
      ... on DocumentSignature {
        lines
      }
    }
  }
`);

export type DocumentLayout = ResultOf<typeof DocumentLayoutFields>;
export type LayoutBlock = DocumentLayout['blocks'][number];
export type BlockOf<T extends LayoutBlock['__typename']> = Extract<LayoutBlock, { __typename: T }>;
