import { useOnResolve } from '@envelop/on-resolve';
import { GraphQLError, getNamedType } from 'graphql';
import type { Context } from '../../graphql/context.js';
import { recordAudit } from './audit.service.js';

function targetOf(args: Record<string, unknown>, result: unknown) {
  const r = result as { _id?: unknown; id?: unknown } | null;
  const id = args.id ?? r?._id ?? r?.id;
  return id == null ? null : String(id);
}

/**
 * Records every root mutation made by a logged-in staff member (and every login attempt) once it
 * has resolved, successful or not. Citizens' public mutations are not staff actions and are skipped.
 */
export function useAuditLog() {
  return useOnResolve<Context>(({ context: ctx, args, info }) => {
    if (info.parentType.name !== 'Mutation') return;
    const action = info.fieldName;
    return async ({ result }) => {
      if (!ctx.user && action !== 'login') return;
      const failed = result instanceof Error;
      await recordAudit(
        {
          user: ctx.user,
          actorName: action === 'login' ? String(args.username ?? '').slice(0, 64) : null,
          action,
          targetType: getNamedType(info.returnType).name,
          targetId: failed ? (args.id == null ? null : String(args.id)) : targetOf(args, result),
          ok: !failed,
          errorCode: failed ? String((result as GraphQLError).extensions?.code ?? 'INTERNAL') : null,
          args,
          requestId: ctx.requestId,
        },
        ctx.logger,
      );
    };
  });
}
