import { Router } from 'express';
import type { SessionUser } from '../../graphql/context.js';
import { AppError, notFound } from '../../graphql/errors.js';
import { PdfFontMissingError } from '../../lib/pdf.js';
import { requireStaff } from '../accounts/http-auth.js';
import { renderNoticePdf } from './notice.pdf.js';
import { getNotice } from './notice.service.js';

/** GET /api/notices/:id.pdf — the notice as a PDF; a liaison gets its department's part. */
export function noticesRouter() {
  const router = Router();
  router.get('/api/notices/:id.pdf', requireStaff(['ADMIN', 'MANAGER', 'DEPARTMENT']), async (req, res, next) => {
    const user = res.locals.user as SessionUser;
    try {
      const id = String(req.params.id);
      if (!/^[a-f0-9]{24}$/i.test(id)) throw notFound('Notice');
      const notice = await getNotice(user, id);
      const pdf = await renderNoticePdf(notice, user.role === 'DEPARTMENT' ? user.departmentId : null);
      const name = `${notice.number || 'draft'}.pdf`;
      res.setHeader('content-type', 'application/pdf');
      res.setHeader('content-length', String(pdf.length));
      res.setHeader('cache-control', 'private, no-store');
      res.setHeader('content-disposition', `inline; filename="notice.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`);
      res.end(pdf);
    } catch (err) {
      // A server without the CJK font: say so plainly (and log it) rather than "internal error".
      if (err instanceof PdfFontMissingError) {
        req.log.error({ err }, 'PDF font missing');
        return next(new AppError('SERVICE_UNAVAILABLE', err.message, { http: { status: 503 } }));
      }
      next(err);
    }
  });
  return router;
}
