import { localDateTime } from '../../../../common/time.js';
import { t, type Lang } from '../../lib/messages.js';
import { AUDIT_ACTION, AUDIT_ROLE, AUDIT_TYPE } from '../../messages/audit.js';
import type { AuditEntry } from './audit.model.js';

type Described = Pick<
  AuditEntry,
  'at' | 'actorName' | 'role' | 'action' | 'targetType' | 'targetId' | 'ok' | 'errorCode'
> & {
  source?: string | null;
};

/** A key's text, or `fallback` (the API name) when the catalogue has no entry for it. */
const word = (key: string, fallback: string, lang?: Lang) => {
  const text = t(key, {}, lang);
  return text === key ? fallback : text;
};

/**
 * One audit entry as a sentence in the reader's language: when (centre time), who and in which
 * role, what, on which record, whether it failed and from which address.
 * "2026-12-02 14:03，admin（管理员）新建了窗口：窗口 6650…，来自 10.0.0.7"
 */
export function describeAudit(e: Described, lang?: Lang): string {
  const role = e.role ? t('audit.role', { role: word(AUDIT_ROLE + e.role, e.role, lang) }, lang) : '';
  const type = e.targetType ? word(AUDIT_TYPE + e.targetType, e.targetType, lang) : '';
  return t(
    'audit.sentence',
    {
      when: localDateTime(e.at),
      who: e.actorName ?? t('audit.someone', {}, lang),
      role,
      action: word(AUDIT_ACTION + e.action, e.action, lang),
      target: e.targetId ? t('audit.target', { type, id: e.targetId }, lang) : '',
      outcome: e.ok ? '' : t('audit.failed', { code: e.errorCode ?? 'INTERNAL' }, lang),
      from: e.source ? t('audit.from', { address: e.source }, lang) : '',
    },
    lang,
  );
}
