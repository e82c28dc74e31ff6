import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { t } from '../lib/messages.js';
import type { Plugin } from 'graphql-yoga';
import {
  GraphQLError,
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  print,
  type ASTVisitor,
  type GraphQLNamedType,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

// Limits on what one request may ask for. Rejections carry QUERY_TOO_COMPLEX so clients and
// tests can tell them from other validation errors.
function coded(ctx: ValidationContext | null, error: GraphQLError) {
  const err = new GraphQLError(error.message, { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } } });
  if (ctx) ctx.reportError(err);
  else throw err; // token limits run while parsing, before any validation context exists
}

export function useArmor() {
  const common = { propagateOnRejection: false, onReject: [coded] };
  return EnvelopArmorPlugin({
    maxDepth: { n: 10, ...common },
    maxAliases: { n: 15, ...common },
    maxDirectives: { n: 20, ...common },
    maxTokens: { n: 2000, ...common },
    costLimit: { maxCost: 5000, ...common },
    blockFieldSuggestion: { enabled: true },
  });
}

/**
 * The work one request may ask for, in the units of the fields' `extensions.cost` (an aggregation
 * over a period's ratings costs 1000). armor's cost limit counts every field alike, so 15 aliases
 * of a public statistic, each for another period, passed as 15 cheap fields.
 */
export const MAX_WORK = 3000;

/**
 * Sums the cost of the costly fields an operation selects, through aliases and fragments. The
 * same field with the same arguments counts once: its result is cached (lib/cache.ts), so asking
 * for it again costs nothing. Each fragment's fields are collected once, so nesting fragments
 * cannot make this check itself expensive.
 */
function workLimitRule(ctx: ValidationContext): ASTVisitor {
  const schema = ctx.getSchema();
  const byFragment = new Map<string, Map<string, number>>();
  const collect = (set: SelectionSetNode, type: GraphQLNamedType | null | undefined, into: Map<string, number>) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const def = isObjectType(type) || isInterfaceType(type) ? type.getFields()[sel.name.value] : undefined;
        const cost = Number(def?.extensions.cost ?? 0);
        if (cost > 0) {
          const args = (sel.arguments ?? []).map(print).sort().join(',');
          into.set(`${type!.name}.${sel.name.value}(${args})`, cost);
        }
        if (sel.selectionSet) collect(sel.selectionSet, def && getNamedType(def.type), into);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const on = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : type;
        collect(sel.selectionSet, on, into);
      } else {
        for (const [key, cost] of fragmentWork(sel.name.value)) into.set(key, cost);
      }
    }
  };
  const fragmentWork = (name: string) => {
    let work = byFragment.get(name);
    if (work) return work;
    work = new Map();
    byFragment.set(name, work); // before collecting: a fragment cycle ends here (and fails validation)
    const fragment = ctx.getFragment(name);
    if (fragment) collect(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), work);
    return work;
  };
  return {
    OperationDefinition(op) {
      const work = new Map<string, number>();
      collect(op.selectionSet, schema.getRootType(op.operation), work);
      const total = [...work.values()].reduce((a, b) => a + b, 0);
      if (total > MAX_WORK)
        coded(
          ctx,
          new GraphQLError(t('The request asks for too many computed figures at once: ask for fewer periods')),
        );
    },
  };
}

export const useWorkLimit = (): Plugin => ({
  onValidate({ addValidationRule }) {
    addValidationRule(workLimitRule);
  },
});
