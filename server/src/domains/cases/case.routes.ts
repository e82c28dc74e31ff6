import express, { Router } from 'express';
import type { SessionUser } from '../../graphql/context.js';
import { requestIdOf, type Logger } from '../../lib/logger.js';
import { importLimits } from '../../lib/import-limits.js';
import { MAX_IMPORT_BYTES } from '../../lib/table-import.js';
import { requireCsrfHeader, requireStaff } from '../accounts/http-auth.js';
import { recordAudit } from '../audit/audit.service.js';
import { caseTemplate, importCases } from './case.import.js';
import { sendXlsx } from '../../lib/table-export.js';

/**
 * POST /api/cases/import — a CSV or XLSX of cases handled; all rows valid or nothing stored (422 with the report).
 * GET /api/cases/import/template.xlsx — the file to fill in.
 */
export function casesRouter(logger: Logger) {
  const router = Router();
  router.post(
    '/api/cases/import',
    requireCsrfHeader,
    requireStaff('manageCases'),
    express.raw({ type: () => true, limit: MAX_IMPORT_BYTES + 1 }),
    importLimits,
    (req, res, next) => {
      const user = res.locals.user as SessionUser;
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      importCases(body, user.id)
        .then(async (report) => {
          await recordAudit(
            {
              user,
              action: 'importCases',
              targetType: 'CaseRecord',
              ok: report.ok,
              args: { rows: report.rows, errors: report.errors.length },
              requestId: requestIdOf(req),
              source: req.ip,
            },
            logger,
          );
          res.status(report.ok ? 200 : 422).json(report);
        })
        .catch(next);
    },
  );
  router.get('/api/cases/import/template.xlsx', requireStaff('manageCases'), (_req, res, next) => {
    caseTemplate()
      .then((data) => sendXlsx(res, 'cases-template.xlsx', data))
      .catch(next);
  });
  return router;
}
