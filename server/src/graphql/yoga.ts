import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { useCookies } from '@whatwg-node/server-plugin-cookies';
import type { Request as ExpressRequest, Response as ExpressResponse } from 'express';
import { GraphQLError } from 'graphql';
import { createYoga, maskError, type Plugin } from 'graphql-yoga';
import type { Config } from '../config.js';
import { isDbUnavailable } from '../db.js';
import { SESSION_COOKIE, userFromSession } from '../domains/accounts/auth.service.js';
import { useAuditLog } from '../domains/audit/audit.plugin.js';
import { CSRF_HEADER } from '../lib/csrf.js';
import { requestIdOf, type Logger } from '../lib/logger.js';
import { useArmor } from './armor.js';
import { useAuthorizeFirst } from './authorize-first.js';
import type { Context } from './context.js';
import { AppError } from './errors.js';
import { schema } from './schema.js';

// It wraps the resolvers of the (module-wide) schema, so it must exist once per process, not once
// per app instance, or tests hosting several apps would record every mutation several times.
const auditLog = useAuditLog();

/** Refuses any GraphQL request without the CSRF header (see lib/csrf.ts for why). */
function useStrictCsrf(): Plugin {
  return {
    onRequestParse({ request }) {
      if (!request.headers.has(CSRF_HEADER)) {
        throw new AppError(
          'CSRF_HEADER_MISSING',
          'Missing the {{header}} header',
          { http: { status: 403 } },
          {
            header: CSRF_HEADER,
          },
        );
      }
    },
  };
}

// Express hands yoga its req/res; yoga.fetch (used by scripts) has neither, hence the `?.` below.
/**
 * Errors graphql-js raises while coercing variables (a wrong enum value, a missing field) carry no
 * code; give them BAD_USER_INPUT so every expected failure is coded for clients.
 */
function useCodedInputErrors(): Plugin {
  const coded = (e: GraphQLError) =>
    e.extensions?.code || !e.message.startsWith('Variable "$')
      ? e
      : new GraphQLError(e.message, { nodes: e.nodes, extensions: { ...e.extensions, code: 'BAD_USER_INPUT' } });
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || !('errors' in result) || !result.errors?.length) return;
      setResult({ ...result, errors: result.errors.map((e) => coded(e)) });
    },
  };
}

interface ServerContext {
  req: ExpressRequest;
  res: ExpressResponse;
}

export function createGraphQL(config: Config, logger: Logger) {
  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    logging: logger.child({ component: 'yoga' }),
    graphiql: config.isProduction ? false : { headers: JSON.stringify({ [CSRF_HEADER]: '1' }) },
    landingPage: false,
    maskedErrors: {
      maskError(error, message, isDev) {
        const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
        if (isDbUnavailable(original)) {
          return new AppError('SERVICE_UNAVAILABLE', 'The service is temporarily unavailable; please retry', {
            http: { status: 503, headers: { 'retry-after': '5' } },
          });
        }
        if (!(original instanceof GraphQLError)) logger.error({ err: original }, 'unexpected error');
        return maskError(error, message, isDev);
      },
    },
    plugins: [
      useStrictCsrf(),
      useCodedInputErrors(),
      useCookies(),
      useArmor(),
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
