import { trusted } from 'mongoose';
import type { z } from 'zod';
import type { SessionUser } from '../../graphql/context.js';
import { paginate } from '../../graphql/pagination.js';
import type { Logger } from '../../lib/logger.js';
import type { auditFilter } from './audit.inputs.js';
import { AuditModel, type AuditEntry } from './audit.model.js';

const SECRET_KEYS = /password|token|secret|ticket|phone|contact/i;
const MAX_ARGS_LENGTH = 2000;

/** A copy of the arguments with secrets and personal data replaced by ***. */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_KEYS.test(k) ? '***' : redact(v)]));
  }
  return value;
}

export interface AuditRecord {
  user: SessionUser | null;
  /** Who tried, when there is no session yet (a login attempt). */
  actorName?: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  ok: boolean;
  errorCode?: string | null;
  args?: unknown;
  requestId?: string | null;
  /** The client address the request came from (req.ip / ctx.clientIp). */
  source?: string | null;
}

/** Appends to the audit log; a failed write is logged, never allowed to fail the request. */
export async function recordAudit(r: AuditRecord, logger: Logger) {
  try {
    await AuditModel.create({
      at: new Date(),
      actor: r.user?.id ?? null,
      actorName: r.user?.username ?? r.actorName ?? null,
      role: r.user?.role ?? null,
      action: r.action,
      targetType: r.targetType ?? null,
      targetId: r.targetId ?? null,
      ok: r.ok,
      errorCode: r.errorCode ?? null,
      args: r.args === undefined ? null : JSON.stringify(redact(r.args)).slice(0, MAX_ARGS_LENGTH),
      requestId: r.requestId ?? null,
      source: r.source ?? null,
    });
  } catch (err) {
    logger.error({ err, action: r.action, requestId: r.requestId }, 'audit log write failed');
  }
}

/** The log, newest first. */
export function pageAudit(f: z.output<typeof auditFilter>, page: number, pageSize: number) {
  const at = { ...(f.from ? { $gte: f.from } : {}), ...(f.to ? { $lt: f.to } : {}) };
  const filter = {
    ...(f.actorId ? { actor: f.actorId } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.targetId ? { targetId: f.targetId } : {}),
    ...(f.from || f.to ? { at: trusted(at) } : {}),
  };
  return paginate<AuditEntry>(AuditModel, filter, { at: -1 }, page, pageSize);
}
