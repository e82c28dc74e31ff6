import { Router } from 'express';
import type { SessionUser } from '../../graphql/context.js';
import { notFound } from '../../graphql/errors.js';
import { pdfFailed, sendPdf } from '../../lib/pdf-http.js';
import { requireStaff } from '../accounts/http-auth.js';
import { renderLayoutPdf } from '../documents/layout.pdf.js';
import { partFor } from '../documents/visibility.js';
import { bulletinLayoutFor } from './bulletin.layout.js';
import { getBulletin } from './bulletin.query.js';

const ID = /^[a-f0-9]{24}$/i;

/**
 * GET /api/bulletins/:id.pdf[?department=<id>] — the bulletin as a PDF: center-wide, or one
 * department's part. A liaison always gets its own department's part, and never another's.
 */
export function bulletinsRouter() {
  const router = Router();
  router.get('/api/bulletins/:id.pdf', requireStaff('readBulletins'), async (req, res, next) => {
    const user = res.locals.user as SessionUser;
    try {
      const id = String(req.params.id);
      if (!ID.test(id)) throw notFound('Bulletin');
      const asked = typeof req.query.department === 'string' ? req.query.department : null;
      if (asked && !ID.test(asked)) throw notFound('Department');
      const bulletin = await getBulletin(user, id);
      const pdf = await renderLayoutPdf(bulletinLayoutFor(user, bulletin, asked));
      const part = bulletin.snapshot.departments.find((d) => d.id === partFor(user, asked));
      sendPdf(res, pdf, `${bulletin.number || bulletin.period.key}${part ? `-${part.departmentShort}` : ''}.pdf`);
    } catch (err) {
      pdfFailed(err, req, next);
    }
  });
  return router;
}
