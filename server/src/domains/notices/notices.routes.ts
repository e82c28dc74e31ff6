import express, { Router, type RequestHandler } from 'express';
import type { SessionUser } from '../../graphql/context.js';
import { forbidden, notFound } from '../../graphql/errors.js';
import { MAX_EVIDENCE_BYTES, storeEvidence } from '../files/evidence.js';
import { receiptIndex } from '../documents/receipts.js';
import { noticeEvidenceOwner } from './receipt.service.js';
import { pdfFailed, sendPdf } from '../../lib/pdf-http.js';
import { requireCsrfHeader, requireStaff } from '../accounts/http-auth.js';
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
  router.post(
    '/api/notices/:id/evidence',
    requireCsrfHeader,
    requireStaff('respondForDepartment'),
    raw,
    uploadEvidence,
  );
  return router;
}

const raw = express.raw({ type: () => true, limit: MAX_EVIDENCE_BYTES + 1 });

/**
 * POST /api/notices/:id/evidence — a photo or PDF (raw body, the bytes decide) for the liaison's
 * appeal of a notice naming its department; the appeal then names the returned id.
 */
const uploadEvidence: RequestHandler = async (req, res, next) => {
  const user = res.locals.user as SessionUser;
  try {
    const id = String(req.params.id);
    if (!/^[a-f0-9]{24}$/i.test(id)) throw notFound('Notice');
    const notice = await getNotice(user, id);
    if (receiptIndex(notice, user.departmentId) < 0) throw forbidden('this notice');
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const owner = noticeEvidenceOwner(notice._id, user.departmentId);
    const file = await storeEvidence(body, owner, user.departmentId ?? '', user.id);
    res.status(201).json({ id: file.id, url: `/files/${file.id}`, contentType: file.contentType });
  } catch (err) {
    next(err);
  }
};
