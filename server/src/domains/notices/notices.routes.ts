import { Router } from 'express';
import { isLiaison } from '../../../../common/roles.js';
import type { SessionUser } from '../../graphql/context.js';
import { notFound } from '../../graphql/errors.js';
import { pdfFailed, sendPdf } from '../../lib/pdf-http.js';
import { requireStaff } from '../accounts/http-auth.js';
import { renderNoticePdf } from './notice.pdf.js';
import { getNotice } from './notice.service.js';

/** GET /api/notices/:id.pdf — the notice as a PDF; a liaison gets its department's part. */
export function noticesRouter() {
  const router = Router();
  router.get('/api/notices/:id.pdf', requireStaff('readNotices'), async (req, res, next) => {
    const user = res.locals.user as SessionUser;
    try {
      const id = String(req.params.id);
      if (!/^[a-f0-9]{24}$/i.test(id)) throw notFound('Notice');
      const notice = await getNotice(user, id);
      const pdf = await renderNoticePdf(notice, isLiaison(user.role) ? user.departmentId : null);
      sendPdf(res, pdf, `${notice.number || 'draft'}.pdf`);
    } catch (err) {
      pdfFailed(err, req, next);
    }
  });
  return router;
}
