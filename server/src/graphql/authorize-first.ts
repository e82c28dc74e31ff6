import { Kind, getOperationAST, type ExecutionArgs, type GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { can, type Capability } from '../../../common/roles.js';
import type { Context } from './context.js';
import { forbidden, unauthenticated } from './errors.js';

interface Scopes {
  staff?: boolean;
  can?: Capability;
}

function refusal(scopes: Scopes, ctx: Context): GraphQLError | null {
  if (!ctx.user) return unauthenticated();
  if (scopes.can && !can(ctx.user.role, scopes.can)) return forbidden();
  return null;
}

/**
 * Pothos validates arguments before its scope-auth runs, so a caller without the right role
 * would learn which of its inputs are invalid before being turned away. This checks the root
 * fields' own scopes (read from the Pothos config, the one place they are written) before
 * anything executes; scope-auth still guards every field, this only moves the refusal first.
 */
export function useAuthorizeFirst(): Plugin<Context> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const { document, operationName, schema, contextValue } = args as ExecutionArgs;
      const op = getOperationAST(document, operationName);
      const root = op && schema.getRootType(op.operation);
      if (!op || !root) return;
      for (const sel of op.selectionSet.selections) {
        if (sel.kind !== Kind.FIELD) continue;
        const scopes = root.getFields()[sel.name.value]?.extensions?.pothosOptions as
          { authScopes?: unknown } | undefined;
        const s = scopes?.authScopes;
        if (!s || typeof s !== 'object' || Object.keys(s).some((k) => k !== 'staff' && k !== 'can')) continue;
        const error = refusal(s, contextValue as Context);
        if (error) {
          setResultAndStopExecution({ data: null, errors: [error] });
          return;
        }
      }
    },
  };
}
