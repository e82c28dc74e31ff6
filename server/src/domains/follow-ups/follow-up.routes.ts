import express, { Router } from 'express';
import { isObjectId } from '../../../../common/ids.js';
import type { SessionUser } from '../../graphql/context.js';
import { notFound } from '../../graphql/errors.js';
import { requestIdOf, type Logger } from '../../lib/logger.js';
import { requireCsrfHeader, requireStaff } from '../accounts/http-auth.js';
import { recordAudit } from '../audit/audit.service.js';
import { MAX_EVIDENCE_BYTES, storeEvidence } from '../files/evidence.js';
import { evidenceOwner, getFollowUp } from './follow-up.service.js';

/**
 * POST /api/follow-ups/:id/evidence — one photo or PDF as the raw body (the bytes decide the
 * type), for a later verify, rectify or appeal step to name. A liaison only for its department.
 */
export function followUpsRouter(logger: Logger) {
  const router = Router();
  const raw = express.raw({ type: () => true, limit: MAX_EVIDENCE_BYTES + 1 });
  router.post(
    '/api/follow-ups/:id/evidence',
    requireCsrfHeader,
    requireStaff('workFollowUps'),
    raw,
    async (req, res, next) => {
      const user = res.locals.user as SessionUser;
      try {
        const id = String(req.params.id);
        if (!isObjectId(id)) throw notFound('Follow-up');
        const f = await getFollowUp(user, id);
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const file = await storeEvidence(body, evidenceOwner(f._id), String(f.department), user.id);
        await recordAudit(
          {
            user,
            action: 'uploadFollowUpEvidence',
            targetType: 'FollowUp',
            targetId: id,
            ok: true,
            args: { size: file.size, contentType: file.contentType },
            requestId: requestIdOf(req),
          },
          logger,
        );
        res.status(201).json({ id: file.id, url: `/files/${file.id}`, contentType: file.contentType });
      } catch (err) {
        next(err);
      }
    },
  );
  return router;
}
