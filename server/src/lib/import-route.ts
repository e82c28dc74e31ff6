import express, { Router } from 'express';
import type { Capability } from '../../../common/roles.js';
import { requireCsrfHeader, requireStaff } from '../domains/accounts/http-auth.js';
import { recordAudit } from '../domains/audit/audit.service.js';
import type { SessionUser } from '../graphql/context.js';
import { importLimits } from './import-limits.js';
import { requestIdOf, type Logger } from './logger.js';
import { sendXlsx } from './table-export.js';
import { MAX_IMPORT_BYTES, type ImportReport } from './table-import.js';

/** One staff table import: what it is called, who may run it and what it does with the file. */
export interface TableImport {
  /** e.g. /api/cases/import; the template is served at `${path}/template.xlsx`. */
  path: string;
  capability: Capability;
  /** The audit entry's action and target type (the action needs its phrase in messages/audit.ts). */
  action: string;
  targetType: string;
  templateName: string;
  run: (file: Buffer, userId: string) => Promise<ImportReport>;
  template: () => Promise<Buffer>;
}

/**
 * POST `path`: a CSV or XLSX, checked for size and rows before any parser sees it; all rows valid
 * or nothing stored (422 with the row report), audited either way. GET `path`/template.xlsx: the
 * file to fill in. Every table import goes through here, so the limits and the audit cannot be
 * forgotten by one of them.
 */
export function tableImportRouter(spec: TableImport, logger: Logger) {
  const router = Router();
  router.post(
    spec.path,
    requireCsrfHeader,
    requireStaff(spec.capability),
    express.raw({ type: () => true, limit: MAX_IMPORT_BYTES + 1 }),
    importLimits,
    (req, res, next) => {
      const user = res.locals.user as SessionUser;
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      spec
        .run(body, user.id)
        .then(async (report) => {
          const args = { rows: report.rows, errors: report.errors.length };
          const audit = { action: spec.action, targetType: spec.targetType, ok: report.ok, args };
          await recordAudit({ user, ...audit, requestId: requestIdOf(req), source: req.ip }, logger);
          res.status(report.ok ? 200 : 422).json(report);
        })
        .catch(next);
    },
  );
  router.get(`${spec.path}/template.xlsx`, requireStaff(spec.capability), (_req, res, next) => {
    spec
      .template()
      .then((data) => sendXlsx(res, spec.templateName, data))
      .catch(next);
  });
  return router;
}
