import { CHANNEL_NAMES } from '../../../../common/channels.js';
import { RATING_LEVEL_LABELS } from '../../../../common/ratings.js';
import { localDateTime } from '../../../../common/time.js';
import { Router } from 'express';
import type { SessionUser } from '../../graphql/context.js';
import { validationFailed } from '../../graphql/errors.js';
import { csvStream } from '../../lib/csv.js';
import { currentLang, t } from '../../lib/messages.js';
import { sendXlsx, xlsxOf } from '../../lib/table-export.js';
import { requestIdOf, type Logger } from '../../lib/logger.js';
import { requireStaff } from '../accounts/http-auth.js';
import { recordAudit } from '../audit/audit.service.js';
import { DepartmentModel } from '../departments/department.model.js';
import { ServiceItemModel } from '../service-items/service-item.model.js';
import { StaffModel } from '../staff/staff.model.js';
import { WindowModel } from '../windows/window.model.js';
import { RatingModel, type Rating } from './rating.model.js';
import { ratingStatsFilter } from '../rating-stats/stats.inputs.js';
import { ratingMatch } from '../rating-stats/stats.service.js';

const byId = <T extends { _id: unknown }>(docs: T[], name: (d: T) => string) =>
  new Map(docs.map((d) => [String(d._id), name(d)]));

const HEADER = [
  'Time',
  'Window',
  'Department',
  'Staff',
  'Level',
  'Reasons',
  'Comment',
  'Case number',
  'Channel',
  'Bound case',
  'Service item',
];

/** Names of windows, departments and staff, loaded once per export. */
async function names() {
  const [windows, depts, staff, items] = await Promise.all([
    WindowModel.find({}, { code: 1 })
      .lean()
      .then((d) => byId(d, (w) => w.code)),
    DepartmentModel.find({}, { name: 1 })
      .lean()
      .then((d) => byId(d, (x) => x.name)),
    StaffModel.find({}, { name: 1 })
      .lean()
      .then((d) => byId(d, (x) => x.name)),
    ServiceItemModel.find({}, { code: 1, name: 1 })
      .lean()
      .then((d) => byId(d, (x) => `${x.code} ${x.name}`)),
  ]);
  return (r: Rating) => [
    localDateTime(r.createdAt),
    windows.get(String(r.window)) ?? '',
    depts.get(String(r.department)) ?? '',
    r.staff ? (staff.get(String(r.staff)) ?? '') : '',
    RATING_LEVEL_LABELS[r.level][currentLang() === 'en' ? 'en' : 'zh'],
    r.tags.join('|'),
    r.comment,
    r.caseNumber ?? '',
    currentLang() === 'en' ? r.channel : CHANNEL_NAMES[r.channel],
    r.servedCase ?? '',
    r.serviceItem ? (items.get(String(r.serviceItem)) ?? '') : '',
  ];
}

/**
 * GET /api/ratings.csv (or .xlsx): the counted ratings of a period (same filters as the
 * dashboard), read from a cursor; the CSV is streamed. Raters are anonymous and the file carries
 * no addresses or phone numbers. Headers and levels in the reader's language.
 */
export function ratingsRouter(logger: Logger) {
  const router = Router();
  router.get(['/api/ratings.csv', '/api/ratings.xlsx'], requireStaff('exportRatings'), async (req, res, next) => {
    try {
      const parsed = ratingStatsFilter.safeParse(req.query);
      if (!parsed.success)
        throw validationFailed(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
      const user = res.locals.user as SessionUser;
      const rowOf = await names();
      const cursor = RatingModel.find(ratingMatch(user, parsed.data)).sort({ createdAt: 1 }).lean<Rating[]>().cursor();
      const name = `ratings-${parsed.data.from}-${parsed.data.to}`;
      if (req.path.endsWith('.xlsx')) {
        const rows: string[][] = [];
        for await (const r of cursor as AsyncIterable<Rating>) rows.push(rowOf(r));
        sendXlsx(
          res,
          `${name}.xlsx`,
          await xlsxOf(
            HEADER.map((h) => t(h)),
            rows,
            'ratings',
          ),
        );
      } else {
        res.setHeader('content-type', 'text/csv; charset=utf-8');
        res.setHeader('content-disposition', `attachment; filename="${name}.csv"`);
        res.write('\uFEFF'); // lets Excel read the Chinese as UTF-8
        const csv = csvStream(HEADER.map((h) => t(h)));
        csv.pipe(res);
        for await (const r of cursor as AsyncIterable<Rating>) csv.write(rowOf(r));
        csv.end();
      }
      const audit = { action: 'exportRatings', targetType: 'Rating', ok: true, args: parsed.data };
      await recordAudit({ user, ...audit, requestId: requestIdOf(req), source: req.ip }, logger);
    } catch (err) {
      if (res.headersSent)
        res.destroy(err as Error); // mid-stream: the client sees a cut download
      else next(err);
    }
  });
  return router;
}
