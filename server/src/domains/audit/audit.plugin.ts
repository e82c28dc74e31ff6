import { useOnResolve } from '@envelop/on-resolve';
import { GraphQLError, getNamedType } from 'graphql';
import { Types } from 'mongoose';
import type { Context } from '../../graphql/context.js';
import { recordAudit } from './audit.service.js';

/** An id argument or result field as text: ids arrive as strings, results carry ObjectIds. */
const idText = (id: unknown) => (typeof id === 'string' ? id : id instanceof Types.ObjectId ? id.toHexString() : null);

function targetOf(args: Record<string, unknown>, result: unknown) {
  const r = result as { _id?: unknown; id?: unknown } | null;
  return idText(args.id ?? r?._id ?? r?.id);
}

const errorCodeOf = (err: Error) =>
  err instanceof GraphQLError && typeof err.extensions.code === 'string' ? err.extensions.code : 'INTERNAL';

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
          actorName: action === 'login' && typeof args.username === 'string' ? args.username.slice(0, 64) : null,
          action,
          targetType: getNamedType(info.returnType).name,
          targetId: failed ? idText(args.id) : targetOf(args, result),
          ok: !failed,
          errorCode: failed ? errorCodeOf(result) : null,
          args,
          requestId: ctx.requestId,
          source: ctx.clientIp,
        },
        ctx.logger,
      );
    };
  });
}
