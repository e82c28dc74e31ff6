import express, { Router } from 'express';
import type { SessionUser } from '../../graphql/context.js';
import { notFound } from '../../graphql/errors.js';
import { requestIdOf, type Logger } from '../../lib/logger.js';
import { requireCsrfHeader, requireStaff } from '../accounts/http-auth.js';
import { recordAudit } from '../audit/audit.service.js';
import { removeFile, storeImage } from '../files/file-store.js';
import { StaffModel } from './staff.model.js';
import { getStaff } from './staff.service.js';

const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

/**
 * PUT /api/staff/:id/photo with the image as the raw body (any content type: the bytes decide),
 * DELETE /api/staff/:id/photo. The photo is public: citizens see it on the rating page.
 */
export function staffRouter(logger: Logger) {
  const router = Router();
  const editors = [requireCsrfHeader, requireStaff('editStaff')];
  const raw = express.raw({ type: () => true, limit: MAX_PHOTO_BYTES + 1 });

  router.put('/api/staff/:id/photo', ...editors, raw, async (req, res, next) => {
    const user = res.locals.user as SessionUser;
    try {
      const staff = await getStaff(user, req.params.id as string);
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const file = await storeImage(
        body,
        { purpose: 'staff-photo', visibility: 'public', department: String(staff.department), uploadedBy: user.id },
        MAX_PHOTO_BYTES,
      );
      await StaffModel.updateOne({ _id: staff._id }, { photo: file.id });
      await removeFile(staff.photo ? String(staff.photo) : null);
      await recordAudit(
        {
          user,
          action: 'setStaffPhoto',
          targetType: 'Staff',
          targetId: String(staff._id),
          ok: true,
          args: { size: file.size },
          requestId: requestIdOf(req),
          source: req.ip,
        },
        logger,
      );
      res.json({ photoUrl: `/files/${file.id}` });
    } catch (err) {
      next(err);
    }
  });

  router.delete('/api/staff/:id/photo', ...editors, async (req, res, next) => {
    const user = res.locals.user as SessionUser;
    try {
      const staff = await getStaff(user, req.params.id as string);
      if (!staff.photo) throw notFound('Photo');
      await StaffModel.updateOne({ _id: staff._id }, { photo: null });
      await removeFile(String(staff.photo));
      await recordAudit(
        {
          user,
          action: 'removeStaffPhoto',
          targetType: 'Staff',
          targetId: String(staff._id),
          ok: true,
          requestId: requestIdOf(req),
          source: req.ip,
        },
        logger,
      );
      res.json({ photoUrl: null });
    } catch (err) {
      next(err);
    }
  });
  return router;
}
