import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { useCookies } from '@whatwg-node/server-plugin-cookies';
import type { Request as ExpressRequest, Response as ExpressResponse } from 'express';
import { GraphQLError } from 'graphql';
import { createYoga, maskError, type Plugin } from 'graphql-yoga';
import type { Config } from '../config.js';
import { isDbUnavailable } from '../db.js';
import { SESSION_COOKIE, userFromSession } from '../domains/accounts/auth.service.js';
import { setSessionCacheTtl } from '../domains/accounts/session-cache.js';
import { useAuditLog } from '../domains/audit/audit.plugin.js';
import { CSRF_HEADER, CSRF_MESSAGE, lacksCsrfHeader } from '../lib/csrf.js';
import { requestIdOf, type Logger } from '../lib/logger.js';
import { useArmor, useWorkLimit } from './armor.js';
import { useAuthorizeFirst } from './authorize-first.js';
import type { Context } from './context.js';
import { t } from '../lib/messages.js';
import { AppError } from './errors.js';
import { schema } from './schema.js';

// It wraps the resolvers of the (module-wide) schema, so it must exist once per process, not once
// per app instance, or tests hosting several apps would record every mutation several times.
const auditLog = useAuditLog();

/** Refuses the requests a browser could send cross-origin unasked, unless they carry the CSRF header. */
function useCsrfPrevention(): Plugin {
  return {
    onRequestParse({ request }) {
      const { method, headers } = request;
      if (lacksCsrfHeader(method, headers.get('content-type'), headers.has(CSRF_HEADER))) {
        throw new AppError('CSRF_HEADER_MISSING', CSRF_MESSAGE, { http: { status: 403 } }, { header: CSRF_HEADER });
      }
    },
  };
}

/**
 * CORS for the configured origins only (CORS_ORIGINS); for any other page, no CORS headers at
 * all, so a browser never lets it read an answer or send a preflighted request.
 */
function corsFor(config: Config) {
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (!origin || !config.corsOrigins.includes(origin)) return false as const;
    return {
      origin: [origin],
      credentials: true,
      methods: ['GET', 'POST'],
      allowedHeaders: ['content-type', 'accept', CSRF_HEADER],
      maxAge: 600,
    };
  };
}

/**
 * Errors graphql-js raises while coercing variables (a wrong enum value, a missing field) carry no
 * code; give them BAD_USER_INPUT so every expected failure is coded for clients. And no error
 * suggests names ("Did you mean …"), whatever stage raised it: the schema is not published.
 */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;
function useCodedInputErrors(): Plugin {
  const coded = (e: GraphQLError) => {
    const message = e.message.replace(SUGGESTION, '');
    const code = e.extensions?.code ?? (e.message.startsWith('Variable "$') ? 'BAD_USER_INPUT' : undefined);
    if (message === e.message && code === e.extensions?.code) return e;
    const { nodes, source, positions, path, originalError } = e;
    const extensions = { ...e.extensions, ...(code ? { code } : {}) };
    return new GraphQLError(message, { nodes, source, positions, path, originalError, extensions });
  };
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || !('errors' in result) || !result.errors?.length) return;
      setResult({ ...result, errors: result.errors.map((e) => coded(e)) });
    },
  };
}

// Express hands yoga its req/res; yoga.fetch (used by scripts) has neither, hence the `?.` below.
interface ServerContext {
  req: ExpressRequest;
  res: ExpressResponse;
}

export function createGraphQL(config: Config, logger: Logger) {
  setSessionCacheTtl(config.sessionCacheMs);
  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    logging: logger.child({ component: 'yoga' }),
    graphiql: config.isProduction ? false : { headers: JSON.stringify({ [CSRF_HEADER]: '1' }) },
    landingPage: false,
    cors: corsFor(config),
    maskedErrors: {
      maskError(error, message, isDev) {
        const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
        if (isDbUnavailable(original)) {
          return new AppError('SERVICE_UNAVAILABLE', 'The service is temporarily unavailable; please retry', {
            http: { status: 503, headers: { 'retry-after': '5' } },
          });
        }
        if (!(original instanceof GraphQLError)) logger.error({ err: original }, 'unexpected error');
        // The client is told, in its language, only that something went wrong; the log has the rest.
        return maskError(error, t(message), isDev);
      },
    },
    plugins: [
      useCsrfPrevention(),
      useCodedInputErrors(),
      useCookies(),
      useArmor(),
      useWorkLimit(),
      useAuthorizeFirst(),
      auditLog,
      ...(config.isProduction ? [useDisableIntrospection()] : []),
    ],
    context: async ({ request, req }): Promise<Context> => {
      const token = (await request.cookieStore?.get(SESSION_COOKIE))?.value;
      const session = await userFromSession(token);
      const requestId = (req && requestIdOf(req)) || (request.headers.get('x-request-id') ?? '');
      return {
        request,
        config,
        logger: logger.child({ requestId }),
        requestId,
        clientIp: req?.ip ?? '0.0.0.0',
        user: session?.user ?? null,
        sessionId: session?.sessionId ?? null,
      };
    },
  });
}
