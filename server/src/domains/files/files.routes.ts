import { Router } from 'express';
import { notFound } from '../../graphql/errors.js';
import { can } from '../../../../common/roles.js';
import type { SessionUser } from '../../graphql/context.js';
import { canSeeDepartment } from '../accounts/access.js';
import { sessionUser } from '../accounts/http-auth.js';
import { fileInfo, openFile, type FileMeta } from './file-store.js';

/** A staff file: staff with the file's reader capability, and a liaison only its department's. */
const mayRead = (user: SessionUser | null, meta: FileMeta) =>
  !!user && (!meta.reader || can(user.role, meta.reader)) && canSeeDepartment(user, meta.department);

/** GET /files/:id — public files to anyone, staff files to staff of the right department. */
export function filesRouter() {
  const router = Router();
  router.get('/files/:id', async (req, res, next) => {
    try {
      const info = await fileInfo(req.params.id);
      if (!info) throw notFound('File');
      if (info.meta.visibility !== 'public') {
        // Same answer for "forbidden" as for "missing": ids of private files reveal nothing.
        if (!mayRead(await sessionUser(req), info.meta)) throw notFound('File');
      }
      res.setHeader('content-type', info.meta.contentType);
      res.setHeader('content-length', String(info.length));
      res.setHeader(
        'cache-control',
        info.meta.visibility === 'public' ? 'public, max-age=86400, immutable' : 'private, max-age=3600',
      );
      res.setHeader('content-disposition', 'inline');
      openFile(info.id).on('error', next).pipe(res);
    } catch (err) {
      next(err);
    }
  });
  return router;
}
