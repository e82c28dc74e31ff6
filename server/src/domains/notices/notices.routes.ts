import { Router } from 'express';
import type { SessionUser } from '../../graphql/context.js';
import { notFound } from '../../graphql/errors.js';
import { pdfFailed, sendPdf } from '../../lib/pdf-http.js';
import { requireStaff } from '../accounts/http-auth.js';
import { renderLayoutPdf } from '../documents/layout.pdf.js';
import { noticeLayoutFor } from './annex.service.js';
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
      const pdf = await renderLayoutPdf(await noticeLayoutFor(user, notice));
      sendPdf(res, pdf, `${notice.number || 'draft'}.pdf`);
    } catch (err) {
      pdfFailed(err, req, next);
    }
  });
  return router;
}
