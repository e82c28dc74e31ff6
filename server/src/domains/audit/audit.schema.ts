import { builder } from '../../graphql/builder.js';
import { pageArgs, pageType } from '../../graphql/pagination.js';
import { auditFilter } from './audit.inputs.js';
import type { AuditEntry } from './audit.model.js';
import { pageAudit } from './audit.service.js';
import { describeAudit } from './audit.text.js';

const AuditRef = builder.objectRef<AuditEntry>('AuditEntry').implement({
  description: 'One staff mutation as recorded in the audit log',
  fields: (t) => ({
    id: t.exposeID('_id'),
    at: t.field({ type: 'DateTime', resolve: (e) => e.at }),
    actorId: t.exposeID('actor', { nullable: true }),
    actorName: t.exposeString('actorName', { nullable: true }),
    role: t.exposeString('role', { nullable: true }),
    action: t.exposeString('action'),
    targetType: t.exposeString('targetType', { nullable: true }),
    targetId: t.exposeString('targetId', { nullable: true }),
    ok: t.exposeBoolean('ok'),
    errorCode: t.exposeString('errorCode', { nullable: true }),
    args: t.exposeString('args', { nullable: true, description: 'Arguments as JSON, secrets redacted' }),
    source: t.exposeString('source', { nullable: true, description: 'The client address the request came from' }),
    summary: t.string({
      description: "The entry in words, in the reader's language: when, who, what, on which record, from where",
      resolve: (e) => describeAudit(e),
    }),
  }),
});

const AuditPage = pageType<AuditEntry>('AuditPage', AuditRef);
const { shape } = auditFilter;

builder.queryField('auditLog', (t) =>
  t.field({
    type: AuditPage,
    description: 'Newest first',
    authScopes: { can: 'readAuditLog' },
    args: {
      actorId: t.arg.id({ validate: shape.actorId }),
      action: t.arg.string({ validate: shape.action }),
      targetId: t.arg.string({ validate: shape.targetId }),
      from: t.arg({ type: 'DateTime' }),
      to: t.arg({ type: 'DateTime' }),
      ...pageArgs(t.arg),
    },
    resolve: (_, a) => pageAudit(a, a.page, a.pageSize),
  }),
);
