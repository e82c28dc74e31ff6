import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import { GraphQLError, Kind } from 'graphql';
import type { Types } from 'mongoose';
import type { Context } from './context.js';
import { can, type Capability } from '../../../common/roles.js';
import { AppError, forbidden, unauthenticated, validationFailed } from './errors.js';

// The one schema builder: plugins, context and scalars. Domain types live in their domains.
export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: {
    /** Any logged-in staff member. */
    staff: boolean;
    /** Logged in with a role that has this capability (common/roles.ts). */
    can: Capability;
  };
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    // Ids arrive as strings (validated by `objectId` where they name a record) and may leave as
    // ObjectIds: graphql-js prints those as their hex text, so no resolver converts them.
    ID: { Input: string; Output: string | Types.ObjectId };
  };
  DefaultFieldNullability: false;
}>({
  defaultFieldNullability: false,
  plugins: [ScopeAuthPlugin, ValidationPlugin, DataloaderPlugin],
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: (ctx) => ({
      staff: !!ctx.user,
      can: (capability) => !!ctx.user && can(ctx.user.role, capability),
    }),
    unauthorizedError: (_parent, ctx) => (ctx.user ? forbidden() : unauthenticated()),
  },
  validation: {
    validationError: (result) =>
      validationFailed(
        result.issues.map((issue) => ({
          // Drop the argument name ("input.") so paths match the form's field names.
          path: (issue.path ?? [])
            .map((p) => (typeof p === 'object' ? String(p.key) : String(p)))
            .filter((p, i) => !(i === 0 && p === 'input'))
            .join('.'),
          message: issue.message,
        })),
      ),
  },
});

function parseDate(value: unknown): Date {
  const d = typeof value === 'string' || typeof value === 'number' ? new Date(value) : null;
  if (!d || Number.isNaN(d.getTime())) {
    throw new AppError('VALIDATION_FAILED', 'DateTime must be an ISO-8601 string');
  }
  return d;
}

builder.scalarType('DateTime', {
  description: 'An instant, as an ISO-8601 string in UTC',
  serialize: (v) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString()),
  parseValue: parseDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string');
    return parseDate(ast.value);
  },
});

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
