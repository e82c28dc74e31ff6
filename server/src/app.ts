import compression from 'compression';
import express, { type ErrorRequestHandler } from 'express';
import helmet from 'helmet';
import type { Config } from './config.js';
import { GraphQLError } from 'graphql';
import { isDbUnavailable, pingDb } from './db.js';
import { bulletinsRouter } from './domains/bulletins/bulletins.routes.js';
import { casesRouter } from './domains/cases/case.routes.js';
import { complaintsRouter } from './domains/complaints/complaint.routes.js';
import { refuseForeignWrites } from './domains/accounts/http-auth.js';
import { devicesRouter } from './domains/devices/device.routes.js';
import { filesRouter } from './domains/files/files.routes.js';
import { inspectionsRouter } from './domains/inspections/inspections.routes.js';
import { integrationRouter } from './domains/integration/integration.routes.js';
import { servedCasesRouter } from './domains/served-cases/served-case.routes.js';
import { followUpsRouter } from './domains/follow-ups/follow-up.routes.js';
import { noticesRouter } from './domains/notices/notices.routes.js';
import { staffRouter } from './domains/staff/staff.routes.js';
import { qrRouter } from './domains/windows/qr.routes.js';
import { ratingsRouter } from './domains/ratings/ratings.routes.js';
import { provinceFeedRouter } from './domains/province-feed/feed.routes.js';
import { createGraphQL } from './graphql/yoga.js';
import type { Logger } from './lib/logger.js';
import { requestLang } from './lib/messages.js';
import { metricsMiddleware } from './lib/metrics.js';
import { requestLog } from './lib/request-log.js';
import { mountAssets, mountWeb } from './web.js';

const isEventStream = (res: { getHeader(name: string): unknown }) => {
  const type = res.getHeader('content-type');
  return typeof type === 'string' && type.startsWith('text/event-stream');
};

/**
 * Errors of the plain HTTP routes, in the same shape as GraphQL errors: coded ones keep their
 * code and status, the database being away is a 503, anything else is masked and logged.
 */
/** body-parser and friends throw errors with a 4xx `status` for what the client sent. */
const isClientError = (err: unknown): err is { status: number; message: string } =>
  typeof err === 'object' &&
  err !== null &&
  'status' in err &&
  typeof err.status === 'number' &&
  err.status >= 400 &&
  err.status < 500;

const onError: ErrorRequestHandler = (err: unknown, req, res, _next) => {
  let status = 500;
  let code = 'INTERNAL';
  let message = 'Internal error';
  if (err instanceof GraphQLError && typeof err.extensions.code === 'string') {
    code = err.extensions.code;
    status = Number(err.extensions.http?.status ?? httpStatusOf(code));
    message = err.message;
  } else if (isDbUnavailable(err)) {
    [status, code, message] = [503, 'SERVICE_UNAVAILABLE', 'The service is temporarily unavailable; please retry'];
  } else if (isClientError(err)) {
    status = err.status;
    code = status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST';
    message = status === 413 ? 'Request body too large' : err.message;
  } else {
    req.log.error({ err }, 'unhandled error');
  }
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
};

function httpStatusOf(code: string) {
  return ({ UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 } as Record<string, number>)[code] ?? 400;
}

/** Builds the whole HTTP app without listening, so tests and scripts can host it as they like. */
export async function createApp({ config, logger }: { config: Config; logger: Logger }) {
  const app = express();
  app.disable('x-powered-by');
  // A hop count or the proxies' addresses (config.ts): never the client's own X-Forwarded-For.
  app.set('trust proxy', config.trustProxy);
  app.use(metricsMiddleware);
  app.use(requestLang); // messages in the request's language (lib/messages.ts)

  app.use(requestLog(logger));
  // gzip or brotli (quality 4: fast) for pages, assets and larger GraphQL answers; never for a
  // live stream (SSE), which must reach the dashboard event by event.
  app.use(compression({ filter: (req, res) => !isEventStream(res) && compression.filter(req, res) }));
  mountAssets(app, config);

  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Element Plus and ECharts set inline styles at runtime.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          connectSrc: ["'self'"],
          fontSrc: ["'self'", 'data:'],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: config.secureCookies ? [] : null,
        },
      },
      strictTransportSecurity: config.secureCookies,
    }),
  );

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const db = await pingDb();
    if (db.ok) res.json({ status: 'ready' });
    else res.status(503).json({ status: 'unavailable', reason: db.reason });
  });

  const yoga = createGraphQL(config, logger);
  // One body limit for every content type (413): the body is read here, whatever it claims to be
  // (JSON, application/graphql+json, text), and yoga parses the bytes it was handed.
  app.use(yoga.graphqlEndpoint, express.raw({ type: () => true, limit: config.bodyLimit }));
  app.use(yoga.graphqlEndpoint, (req, res) => yoga(req, res, { req, res }));

  app.use('/api', refuseForeignWrites(config));
  app.use(filesRouter());
  app.use(staffRouter(logger));
  app.use(qrRouter(config));
  app.use(ratingsRouter(logger));
  app.use(provinceFeedRouter(logger));
  app.use(complaintsRouter(config, logger));
  app.use(inspectionsRouter(logger));
  app.use(followUpsRouter(logger));
  app.use(noticesRouter());
  app.use(casesRouter(logger));
  app.use(bulletinsRouter());
  app.use(devicesRouter(config, logger));
  app.use(integrationRouter(config, logger));
  app.use(servedCasesRouter(logger));

  if (config.serveWeb) await mountWeb(app, config);

  app.use(onError);

  return { app, yoga };
}
