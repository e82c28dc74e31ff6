import { Router } from 'express';
import { trusted } from 'mongoose';
import { z } from 'zod';
import { validationFailed } from '../../graphql/errors.js';
import type { SessionUser } from '../../graphql/context.js';
import { localDay } from '../../graphql/inputs.js';
import { csvStream } from '../../lib/csv.js';
import { requestIdOf, type Logger } from '../../lib/logger.js';
import { requireStaff } from '../accounts/http-auth.js';
import { recordAudit } from '../audit/audit.service.js';
import { RatingModel, type Rating } from '../ratings/rating.model.js';
import { FEED_FIELDS } from './feed.record.js';
import { provinceRecordsOf } from './feed.service.js';
import { provinceFeedSettings } from './feed.settings.js';

const query = z
  .object({ from: localDay, to: localDay })
  .refine((r) => r.from <= r.to, { path: ['to'], message: 'must not be before the start' });

const BATCH = 500;

/**
 * GET /api/province-feed/records.json (or .csv)?from=&to=: the counted ratings of those local
 * dates as the province receives them (its field names and codes), for a batch upload where a
 * province takes files instead of pushes, or to check the push. Anonymous, like the records.
 */
export function provinceFeedRouter(logger: Logger) {
  const router = Router();
  router.get(
    ['/api/province-feed/records.json', '/api/province-feed/records.csv'],
    requireStaff('viewProvinceFeed'),
    async (req, res, next) => {
      try {
        const parsed = query.safeParse(req.query);
        if (!parsed.success)
          throw validationFailed(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
        const { from, to } = parsed.data;
        const s = await provinceFeedSettings.get();
        const cursor = RatingModel.find({ counted: true, day: trusted({ $gte: from, $lte: to }) })
          .sort({ createdAt: 1 })
          .lean<Rating[]>()
          .cursor();
        const name = `province-feed-${from}-${to}`;
        const csv = req.path.endsWith('.csv');
        const columns = FEED_FIELDS.map((f) => s.fieldNames[f]).filter((n): n is string => !!n);
        let out: ReturnType<typeof csvStream> | null = null;
        let first = true;
        res.setHeader('content-disposition', `attachment; filename="${name}.${csv ? 'csv' : 'json'}"`);
        if (csv) {
          res.setHeader('content-type', 'text/csv; charset=utf-8');
          res.write('\uFEFF'); // lets Excel read the Chinese as UTF-8
          out = csvStream(columns);
          out.pipe(res);
        } else {
          res.setHeader('content-type', 'application/json; charset=utf-8');
          res.write('{"records":[');
        }
        let batch: Rating[] = [];
        const flush = async () => {
          for (const record of await provinceRecordsOf(batch, s)) {
            if (out) out.write(columns.map((c) => String(record[c] ?? '')));
            else res.write(`${first ? '' : ','}${JSON.stringify(record)}`);
            first = false;
          }
          batch = [];
        };
        for await (const r of cursor as AsyncIterable<Rating>) {
          batch.push(r);
          if (batch.length >= BATCH) await flush();
        }
        await flush();
        if (out) out.end();
        else res.end(']}');
        const user = res.locals.user as SessionUser;
        const audit = { action: 'exportProvinceFeed', targetType: 'Rating', ok: true, args: parsed.data };
        await recordAudit({ user, ...audit, requestId: requestIdOf(req), source: req.ip }, logger);
      } catch (err) {
        if (res.headersSent) res.destroy(err as Error);
        else next(err);
      }
    },
  );
  return router;
}
