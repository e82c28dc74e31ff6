import { Router } from 'express';
import { notFound } from '../../graphql/errors.js';
import { canSeeDepartment } from '../accounts/access.js';
import { sessionUser } from '../accounts/http-auth.js';
import { fileInfo, openFile } from './file-store.js';

/** GET /files/:id — public files to anyone, staff files to staff of the right department. */
export function filesRouter() {
  const router = Router();
  router.get('/files/:id', async (req, res, next) => {
    try {
      const info = await fileInfo(req.params.id);
      if (!info) throw notFound('File');
      if (info.meta.visibility !== 'public') {
        const user = await sessionUser(req);
        // Same answer for "forbidden" as for "missing": ids of private files reveal nothing.
        if (!user || !canSeeDepartment(user, info.meta.department ?? user.departmentId)) throw notFound('File');
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
