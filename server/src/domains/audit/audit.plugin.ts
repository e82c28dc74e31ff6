import { useOnResolve } from '@envelop/on-resolve';
import { GraphQLError, getNamedType } from 'graphql';
import type { Context } from '../../graphql/context.js';
import { AuditModel } from './audit.model.js';

const SECRET_KEYS = /password|token|secret|ticket|phone|contact/i;
const MAX_ARGS_LENGTH = 2000;

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_KEYS.test(k) ? '***' : redact(v)]),
    );
  }
  return value;
}

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
      const loginName = action === 'login' ? String(args.username ?? '').slice(0, 64) : null;
      try {
        await AuditModel.create({
          at: new Date(),
          actor: ctx.user?.id ?? null,
          actorName: ctx.user?.username ?? loginName,
          role: ctx.user?.role ?? null,
          action,
          targetType: getNamedType(info.returnType).name,
          targetId: failed ? (args.id == null ? null : String(args.id)) : targetOf(args, result),
          ok: !failed,
          errorCode: failed ? String((result as GraphQLError).extensions?.code ?? 'INTERNAL') : null,
          args: JSON.stringify(redact(args)).slice(0, MAX_ARGS_LENGTH),
          requestId: ctx.requestId,
        });
      } catch (err) {
        ctx.logger.error({ err, action, requestId: ctx.requestId }, 'audit log write failed');
      }
    };
  });
}
