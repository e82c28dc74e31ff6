import express, { Router, type ErrorRequestHandler, type Request, type RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import { trusted, Types } from 'mongoose';
import { z } from 'zod';
import { CASE_NUMBER, normalizeCaseNumber, OBJECT_ID, WINDOW_CODE } from '../../../../common/ids.js';
import type { Config } from '../../config.js';
import { isDbUnavailable } from '../../db.js';
import { AppError, validationFailed, type FieldError } from '../../graphql/errors.js';
import type { Logger } from '../../lib/logger.js';
import { t } from '../../lib/messages.js';
import { createCounter } from '../../lib/rate-limit.js';
import { RatingModel, type Rating } from '../ratings/rating.model.js';
import type { ServedCase } from '../served-cases/served-case.model.js';
import { knownCase, recordCase } from '../served-cases/served-case.service.js';
import { ServiceItemModel } from '../service-items/service-item.model.js';
import { StaffModel } from '../staff/staff.model.js';
import { WindowModel } from '../windows/window.model.js';
import type { ApiKey, ApiScope } from './api-key.model.js';
import { authenticate } from './api-key.service.js';
import { ratingRecords } from './rating-record.js';

// The integration API for queue (叫号) and case systems (docs/integration.md): plain JSON over
// HTTPS, authenticated by an API key as a bearer token. Errors answer `{ error: { code, message,
// fields } }` in the request's language, with an HTTP status a client can branch on.

const BASE = '/api/integration/v1';
/** Requests per key and minute; a queue system reports a few cases a minute per window. */
const PER_MINUTE = 600;
const requestsPerKey = createCounter('api_key', 60);

const caseInput = z.object({
  caseNumber: z
    .string()
    .max(64)
    .transform(normalizeCaseNumber)
    .pipe(z.string().regex(CASE_NUMBER, '4 to 32 letters, digits or -')),
  windowCode: z.string().trim().toUpperCase().regex(WINDOW_CODE, '2 to 16 letters, digits or -'),
  staffNo: z.string().trim().toUpperCase().min(1).max(32).nullish(),
  serviceItemCode: z.string().trim().toUpperCase().min(1).max(40).nullish(),
  event: z.enum(['served', 'completed']),
  at: z.iso
    .datetime({ offset: true })
    .transform((s) => new Date(s))
    .refine((d) => d.getTime() <= Date.now() + 5 * 60_000, 'not in the future')
    .nullish(),
});
const ratingsQuery = z.object({
  since: z.string().regex(OBJECT_ID, 'not a valid id').optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const STATUS: Record<string, number> = {
  API_KEY_INVALID: 401,
  API_SCOPE_MISSING: 403,
  CASE_UNKNOWN: 404,
  CASE_WINDOW_CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
};

const bearer = (req: Request) => /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? null;

/** The key, checked for the scope and its rate, in `res.locals.apiKey`. */
function requireKey(scope: ApiScope): RequestHandler {
  return (req, res, next) => {
    (async () => {
      const key = await authenticate(bearer(req), scope);
      if ((await requestsPerKey(key._id)) > PER_MINUTE) {
        res.setHeader('retry-after', '60');
        throw new AppError('RATE_LIMITED', 'Too many requests; please try again later');
      }
      res.locals.apiKey = key;
    })().then(() => next(), next);
  };
}

const parsed = <S extends z.ZodType>(schema: S, value: unknown): z.output<S> => {
  const r = schema.safeParse(value ?? {});
  if (!r.success) throw validationFailed(r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  return r.data;
};

const caseAnswer = (c: ServedCase, windowCode: string) => ({
  caseNumber: c._id,
  windowCode,
  state: c.state,
  servedAt: c.servedAt,
  completedAt: c.completedAt ?? null,
  rated: !!c.ratedBy,
  ratedAt: c.ratedAt ?? null,
});

/** The window, staff member and service item a report names, or a 400 naming each unknown one. */
async function resolve(input: z.output<typeof caseInput>) {
  const [win, staff, item] = await Promise.all([
    WindowModel.findOne({ code: input.windowCode }).lean(),
    input.staffNo ? StaffModel.findOne({ staffNo: input.staffNo }).lean() : null,
    input.serviceItemCode ? ServiceItemModel.findOne({ code: input.serviceItemCode }).lean() : null,
  ]);
  const fields: FieldError[] = [];
  if (!win) fields.push({ path: 'windowCode', message: 'no such window' });
  if (input.staffNo && !staff) fields.push({ path: 'staffNo', message: 'no such staff member' });
  if (input.serviceItemCode && !item) fields.push({ path: 'serviceItemCode', message: 'no such service item' });
  if (fields.length || !win) throw validationFailed(fields);
  return { win, staff, item };
}

const onError =
  (logger: Logger): ErrorRequestHandler =>
  (err: unknown, _req, res, _next) => {
    let [status, code, message, fields] = [500, 'INTERNAL', t('Internal error'), undefined as unknown];
    if (err instanceof GraphQLError && typeof err.extensions.code === 'string') {
      code = err.extensions.code;
      status = STATUS[code] ?? Number(err.extensions.http?.status ?? 400);
      [message, fields] = [err.message, err.extensions.fields];
    } else if (isDbUnavailable(err)) {
      [status, code, message] = [503, 'SERVICE_UNAVAILABLE', t('The service is temporarily unavailable; please retry')];
    } else if (
      typeof err === 'object' &&
      err &&
      'status' in err &&
      typeof err.status === 'number' &&
      err.status < 500
    ) {
      // body-parser: a body too large, or not JSON.
      status = err.status;
      [code, message] =
        status === 413
          ? ['PAYLOAD_TOO_LARGE', t('Request body too large')]
          : ['BAD_REQUEST', t('The body is not valid JSON')];
    } else {
      logger.error({ err }, 'integration API error');
    }
    res.status(status).json({ error: { code, message, ...(fields ? { fields } : {}) } });
  };

export function integrationRouter(config: Config, logger: Logger) {
  const router = Router();
  const json = express.json({ limit: config.bodyLimit, type: () => true });

  router.post(`${BASE}/cases`, requireKey('cases:write'), json, (req, res, next) => {
    (async () => {
      const key = res.locals.apiKey as ApiKey;
      const input = parsed(caseInput, req.body);
      const { win, staff, item } = await resolve(input);
      const { servedCase, created, completedNow } = await recordCase(
        {
          caseNumber: input.caseNumber,
          window: win._id,
          department: win.department,
          staff: staff?._id ?? null,
          serviceItem: item?._id ?? null,
          completed: input.event === 'completed',
          at: input.at ?? new Date(),
        },
        'API',
        key._id,
      );
      res.status(created ? 201 : 200).json({ ...caseAnswer(servedCase, win.code), created, completedNow });
    })().catch(next);
  });

  router.get(`${BASE}/cases/:caseNumber`, requireKey('cases:write'), (req, res, next) => {
    (async () => {
      const number = normalizeCaseNumber(String(req.params.caseNumber));
      const known = CASE_NUMBER.test(number) ? await knownCase(number) : null;
      if (!known) throw new AppError('CASE_UNKNOWN', 'Unknown case number');
      const win = await WindowModel.findById(known.window, { code: 1 }).lean();
      res.json(caseAnswer(known, win?.code ?? ''));
    })().catch(next);
  });

  router.get(`${BASE}/ratings`, requireKey('ratings:read'), (req, res, next) => {
    (async () => {
      const q = parsed(ratingsQuery, req.query);
      // Oldest first from the cursor: a client keeps the last id it read and asks from there.
      const filter = q.since ? { _id: trusted({ $gt: new Types.ObjectId(q.since) }) } : {};
      const ratings = await RatingModel.find(filter).sort({ _id: 1 }).limit(q.limit).lean<Rating[]>();
      const items = await ratingRecords(ratings);
      res.json({ items, next: items.at(-1)?.id ?? q.since ?? null, more: items.length === q.limit });
    })().catch(next);
  });

  router.use(BASE, onError(logger));
  return router;
}
