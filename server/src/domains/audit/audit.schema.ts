import { trusted } from 'mongoose';
import { z } from 'zod';
import { builder } from '../../graphql/builder.js';
import { objectId } from '../../graphql/inputs.js';
import { pageArgs, pageType, paginate } from '../../graphql/pagination.js';
import { AuditModel, type AuditEntry } from './audit.model.js';

const AuditRef = builder.objectRef<AuditEntry>('AuditEntry').implement({
  description: 'One staff mutation as recorded in the audit log',
  fields: (t) => ({
    id: t.id({ resolve: (e) => String(e._id) }),
    at: t.field({ type: 'DateTime', resolve: (e) => e.at }),
    actorId: t.id({ nullable: true, resolve: (e) => (e.actor ? String(e.actor) : null) }),
    actorName: t.exposeString('actorName', { nullable: true }),
    role: t.exposeString('role', { nullable: true }),
    action: t.exposeString('action'),
    targetType: t.exposeString('targetType', { nullable: true }),
    targetId: t.exposeString('targetId', { nullable: true }),
    ok: t.exposeBoolean('ok'),
    errorCode: t.exposeString('errorCode', { nullable: true }),
    args: t.exposeString('args', { nullable: true, description: 'Arguments as JSON, secrets redacted' }),
  }),
});

const AuditPage = pageType<AuditEntry>('AuditPage', AuditRef);

builder.queryField('auditLog', (t) =>
  t.field({
    type: AuditPage,
    description: 'Newest first',
    authScopes: { can: 'readAuditLog' },
    args: {
      actorId: t.arg.id({ validate: objectId }),
      action: t.arg.string({ validate: z.string().max(64) }),
      targetId: t.arg.string({ validate: z.string().max(64) }),
      from: t.arg({ type: 'DateTime' }),
      to: t.arg({ type: 'DateTime' }),
      ...pageArgs(t.arg),
    },
    resolve: (_, a) => {
      const at = { ...(a.from ? { $gte: a.from } : {}), ...(a.to ? { $lt: a.to } : {}) };
      const filter = {
        ...(a.actorId ? { actor: String(a.actorId) } : {}),
        ...(a.action ? { action: a.action } : {}),
        ...(a.targetId ? { targetId: a.targetId } : {}),
        ...(a.from || a.to ? { at: trusted(at) } : {}),
      };
      return paginate<AuditEntry>(AuditModel, filter, { at: -1 }, a.page, a.pageSize);
    },
  }),
);
