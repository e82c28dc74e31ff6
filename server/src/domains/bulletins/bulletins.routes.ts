import { Router } from 'express';
import { isLiaison } from '../../../../common/roles.js';
import type { SessionUser } from '../../graphql/context.js';
import { notFound } from '../../graphql/errors.js';
import { pdfFailed, sendPdf } from '../../lib/pdf-http.js';
import { requireStaff } from '../accounts/http-auth.js';
import { renderBulletinPdf } from './bulletin.pdf.js';
import { getBulletin, partOf } from './bulletin.query.js';

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
      const departmentId = isLiaison(user.role) ? (asked ?? user.departmentId) : asked;
      const bulletin = await getBulletin(user, id);
      const part = departmentId ? partOf(user, bulletin, departmentId) : null;
      const pdf = await renderBulletinPdf(bulletin, part);
      sendPdf(
        res,
        pdf,
        `${bulletin.number || bulletin.period.key}${part ? `-${part.department.departmentShort}` : ''}.pdf`,
      );
    } catch (err) {
      pdfFailed(err, req, next);
    }
  });
  return router;
}
