import { isObjectId, UUID } from '../../../../common/ids.js';
import express, { Router, type RequestHandler } from 'express';
import type { SessionUser } from '../../graphql/context.js';
import { invalidState, notFound, validationFailed } from '../../graphql/errors.js';
import { requestIdOf, type Logger } from '../../lib/logger.js';
import { requireCsrfHeader, requireStaff } from '../accounts/http-auth.js';
import { recordAudit } from '../audit/audit.service.js';
import { fileIdForKey, fileInfo, storeImage } from '../files/file-store.js';
import { WindowModel } from '../windows/window.model.js';
import { tableImportRouter } from '../../lib/import-route.js';
import { importSignIns, signInTemplate } from './attendance.import.js';
import { PHOTO_PURPOSE } from './finding.service.js';
import { runnableRound } from './round-run.service.js';

const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

const isDuplicateKey = (err: unknown) => (err as { code?: unknown } | null)?.code === 11000;

/** Wraps an async handler so its failures reach the coded error handler. */
const handle =
  (fn: (req: express.Request, res: express.Response, user: SessionUser) => Promise<unknown>): RequestHandler =>
  (req, res, next) => {
    fn(req, res, res.locals.user as SessionUser).catch(next);
  };

/**
 * POST /api/patrol/rounds/:roundId/photos?windowId=…&key=<uuid> — a photo taken on a round, raw
 * body (the bytes decide the type). Staff-only, scoped to the window's department. With a key,
 * sending the same photo again returns the file stored the first time (the offline queue retries).
 * POST /api/attendance/sign-ins — a CSV or XLSX of sign-in records; all rows valid or nothing stored.
 * GET /api/attendance/sign-ins/template.xlsx — the file to fill in.
 */
export function inspectionsRouter(logger: Logger) {
  const router = Router();
  const raw = (limit: number) => express.raw({ type: () => true, limit: limit + 1 });

  router.post(
    '/api/patrol/rounds/:roundId/photos',
    requireCsrfHeader,
    requireStaff('runPatrols'),
    raw(MAX_PHOTO_BYTES),
    handle(async (req, res, user) => {
      const round = await runnableRound(user, String(req.params.roundId));
      const windowId = typeof req.query.windowId === 'string' ? req.query.windowId : '';
      if (!isObjectId(windowId)) throw validationFailed([{ path: 'windowId', message: 'not a valid id' }]);
      const win = await WindowModel.findById(windowId).lean();
      if (!win) throw notFound('Window');
      if (!win.active) throw invalidState('The window is not active');
      const key = typeof req.query.key === 'string' ? req.query.key : '';
      if (key && !UUID.test(key)) throw validationFailed([{ path: 'key', message: 'not a valid upload key' }]);
      const fileId = key ? fileIdForKey(PHOTO_PURPOSE, user.id, key) : undefined;
      // A retry of an upload that reached us before (the phone lost the answer): the same file.
      const known = fileId && (await fileInfo(String(fileId)));
      if (known) return res.status(200).json({ id: known.id, url: `/files/${known.id}` });
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const file = await storeImage(
        body,
        { purpose: PHOTO_PURPOSE, visibility: 'staff', department: String(win.department), uploadedBy: user.id },
        MAX_PHOTO_BYTES,
        fileId,
      ).catch((err: unknown) => {
        // Its twin, sent at the same moment, stored it first (the unique _id refused this one).
        if (fileId && isDuplicateKey(err)) return { id: String(fileId), size: body.length };
        throw err;
      });
      await recordAudit(
        {
          user,
          action: 'uploadPatrolPhoto',
          targetType: 'PatrolRound',
          targetId: String(round._id),
          ok: true,
          args: { windowId, size: file.size },
          requestId: requestIdOf(req),
          source: req.ip,
        },
        logger,
      );
      res.status(201).json({ id: file.id, url: `/files/${file.id}` });
    }),
  );

  router.use(
    tableImportRouter(
      {
        path: '/api/attendance/sign-ins',
        capability: 'importSignIns',
        action: 'importSignIns',
        targetType: 'SignIn',
        templateName: 'sign-ins-template.xlsx',
        run: (file) => importSignIns(file),
        template: signInTemplate,
      },
      logger,
    ),
  );
  return router;
}
