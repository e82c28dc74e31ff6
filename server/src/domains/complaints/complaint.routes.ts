import express, { Router, type Request } from 'express';
import { can } from '../../../../common/roles.js';
import { z } from 'zod';
import type { Config } from '../../config.js';
import type { SessionUser } from '../../graphql/context.js';
import { AppError, forbidden, validationFailed } from '../../graphql/errors.js';
import { objectId } from '../../graphql/inputs.js';
import { keyedHash } from '../../lib/crypto.js';
import { requestIdOf, type Logger } from '../../lib/logger.js';
import { consumeOrRetryAfter, createLimiter } from '../../lib/rate-limit.js';
import { requireCsrfHeader, requireStaff } from '../accounts/http-auth.js';
import { recordAudit } from '../audit/audit.service.js';
import { CATEGORIES, STATES } from './complaint.model.js';
import { MAX_PHOTO_BYTES, storePhoto } from './complaint-photos.js';
import { exportComplaints } from './complaint-query.service.js';
import { toCsv, toXlsx } from './complaint-csv.js';
import { sendXlsx } from '../../lib/table-export.js';

// Plain HTTP where GraphQL is wrong: the citizen's photo upload (raw bytes) and the inbox's
// CSV download.

const uploadsPerIp = createLimiter('complaint_photo', 30, 3600);

const exportQuery = z.object({
  state: z.enum(STATES).optional(),
  overdue: z.enum(['1', 'true']).optional(),
  departmentId: objectId.optional(),
  category: z.enum(CATEGORIES).optional(),
  search: z.string().max(50).optional(),
  personal: z.enum(['0', '1']).optional(),
});

function parseQuery(req: Request) {
  const parsed = exportQuery.safeParse(req.query);
  if (!parsed.success)
    throw validationFailed(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  return parsed.data;
}

export function complaintsRouter(config: Config, logger: Logger) {
  const router = Router();

  /** POST /api/complaints/photos: the image as the raw body (the bytes decide its type) → { id }. */
  router.post(
    '/api/complaints/photos',
    requireCsrfHeader,
    (req, _res, next) => {
      consumeOrRetryAfter(uploadsPerIp, keyedHash(config.secret, 'ip', req.ip ?? '')).then((wait) => {
        if (!wait) return next();
        next(
          new AppError('RATE_LIMITED', 'Too many uploads; please try later', {
            retryAfter: wait,
            http: { status: 429 },
          }),
        );
      }, next);
    },
    express.raw({ type: () => true, limit: MAX_PHOTO_BYTES + 1 }),
    async (req, res, next) => {
      try {
        const file = await storePhoto(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
        res.status(201).json({ id: file.id });
      } catch (err) {
        next(err);
      }
    },
  );

  /**
   * GET /api/complaints.csv (or .xlsx) with the inbox's filters. Names and phones only for an admin who
   * asks (?personal=1), and that is written to the audit log like every export.
   */
  const paths = ['/api/complaints.csv', '/api/complaints.xlsx'];
  router.get(paths, requireStaff('handleComplaints'), async (req, res, next) => {
    const user = res.locals.user as SessionUser;
    try {
      const { personal, overdue, ...filter } = parseQuery(req);
      const withPersonal = personal === '1';
      if (withPersonal && !can(user.role, 'exportPersonalData')) throw forbidden('personal data in exports');
      const rows = await exportComplaints(user, { ...filter, overdue: !!overdue });
      await recordAudit(
        {
          user,
          action: 'exportComplaints',
          targetType: 'Complaint',
          ok: true,
          args: { ...filter, overdue: !!overdue, personal: withPersonal, rows: rows.length },
          requestId: requestIdOf(req),
          source: req.ip,
        },
        logger,
      );
      const day = new Date().toISOString().slice(0, 10);
      if (req.path.endsWith('.xlsx')) return sendXlsx(res, `complaints-${day}.xlsx`, await toXlsx(rows, withPersonal));
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="complaints-${day}.csv"`);
      res.setHeader('cache-control', 'no-store');
      res.send(toCsv(rows, withPersonal));
    } catch (err) {
      next(err);
    }
  });

  return router;
}
