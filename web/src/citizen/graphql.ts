import type { graphql as typedGraphql } from '@/graphql/graphql';

// The citizen face's `graphql()`: the build for the phone (vite.config.ts) points
// '@/graphql/graphql' here, so its documents are sent as written instead of being parsed in the
// browser by gql.tada (whose parser the page would otherwise download). Type checks still see
// the real one: same signature, same inferred results.

interface SourceDocument {
  kind: 'Document';
  definitions: [];
  /** This document's text and, once each, that of every fragment it uses (nested ones too). */
  parts: string[];
  loc: { start: number; end: number; source: { body: string; name: string; locationOffset: object } };
}

function document(source: string, fragments: readonly SourceDocument[] = []): SourceDocument {
  const parts = [...new Set([source, ...fragments.flatMap((f) => f.parts)])];
  const body = parts.join('\n');
  const locationOffset = { line: 1, column: 1 };
  return {
    kind: 'Document',
    definitions: [],
    parts,
    loc: { start: 0, end: body.length, source: { body, name: 'citizen', locationOffset } },
  };
}

export const graphql = document as unknown as typeof typedGraphql;

export type { ResultOf, VariablesOf } from 'gql.tada';
