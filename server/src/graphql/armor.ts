import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext } from 'graphql';

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
