import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

/** Typed GraphQL documents: results and variables are inferred from schema.graphql. */
export const graphql = initGraphQLTada<{
  // Fragments only share field lists here; unmasked results keep components simple.
  disableMasking: true;
  introspection: introspection;
  scalars: { DateTime: string; ID: string };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
export { readFragment } from 'gql.tada';
