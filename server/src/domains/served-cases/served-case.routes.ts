import express, { Router } from 'express';
import type { SessionUser } from '../../graphql/context.js';
import { importLimits } from '../../lib/import-limits.js';
import { requestIdOf, type Logger } from '../../lib/logger.js';
import { sendXlsx } from '../../lib/table-export.js';
import { MAX_IMPORT_BYTES } from '../../lib/table-import.js';
import { requireCsrfHeader, requireStaff } from '../accounts/http-auth.js';
import { recordAudit } from '../audit/audit.service.js';
import { importServedCases, servedCaseTemplate } from './served-case.import.js';

/**
 * POST /api/served-cases/import — a CSV or XLSX of served cases (one per row); all rows valid or
 * nothing stored (422 with the report). GET /api/served-cases/import/template.xlsx — the file to fill in.
 */
export function servedCasesRouter(logger: Logger) {
  const router = Router();
  router.post(
    '/api/served-cases/import',
    requireCsrfHeader,
    requireStaff('manageCases'),
    express.raw({ type: () => true, limit: MAX_IMPORT_BYTES + 1 }),
    importLimits,
    (req, res, next) => {
      const user = res.locals.user as SessionUser;
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      importServedCases(body, user.id)
        .then(async (report) => {
          const args = { rows: report.rows, errors: report.errors.length };
          const audit = { action: 'importServedCases', targetType: 'ServedCase', ok: report.ok, args };
          await recordAudit({ user, ...audit, requestId: requestIdOf(req), source: req.ip }, logger);
          res.status(report.ok ? 200 : 422).json(report);
        })
        .catch(next);
    },
  );
  router.get('/api/served-cases/import/template.xlsx', requireStaff('manageCases'), (_req, res, next) => {
    servedCaseTemplate()
      .then((data) => sendXlsx(res, 'served-cases-template.xlsx', data))
      .catch(next);
  });
  return router;
}
