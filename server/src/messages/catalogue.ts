import { auditEn, auditZh } from './audit.js';
import { errorsZh } from './errors.js';
import { exportsZh } from './exports.js';
import { importsEn, importsZh } from './imports.js';
import { notificationsZh } from './notifications.js';

// The message catalogue, one file per kind of message. Keys are English text (shown as written
// when English is asked for), except where a word needs English of its own (audit actions).
export const zhCN: Record<string, string> = {
  ...errorsZh,
  ...exportsZh,
  ...importsZh,
  ...auditZh,
  ...notificationsZh,
};
export const en: Record<string, string> = { ...importsEn, ...auditEn };
