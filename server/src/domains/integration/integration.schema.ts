import { z } from 'zod';
import { builder } from '../../graphql/builder.js';
import { objectId, text } from '../../graphql/inputs.js';
import { requireUser } from '../accounts/access.js';
import { API_SCOPES, type ApiKey, type RatingWebhook } from './api-key.model.js';
import * as keys from './api-key.service.js';
import * as hooks from './rating-webhook.service.js';

// The admin's side of the integration API (系统对接): API keys and the rating webhooks.

const ScopeEnum = builder.enumType('ApiScope', {
  values: Object.fromEntries(API_SCOPES.map((s) => [s.replace(':', '_').toUpperCase(), { value: s }])),
});

const ApiKeyRef = builder.objectRef<ApiKey>('ApiKey').implement({
  description: 'A machine client’s key; the secret itself is shown once, when it is created',
  fields: (t) => ({
    id: t.exposeID('_id'),
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix', { description: 'The first characters of the secret, to tell keys apart' }),
    scopes: t.field({ type: [ScopeEnum], resolve: (k) => k.scopes }),
    createdAt: t.field({ type: 'DateTime', resolve: (k) => k.createdAt }),
    revokedAt: t.field({ type: 'DateTime', nullable: true, resolve: (k) => k.revokedAt ?? null }),
    lastUsedAt: t.field({ type: 'DateTime', nullable: true, resolve: (k) => k.lastUsedAt ?? null }),
  }),
});

const CreatedKey = builder.objectRef<{ key: ApiKey; secret: string }>('CreatedApiKey').implement({
  fields: (t) => ({
    key: t.field({ type: ApiKeyRef, resolve: (c) => c.key }),
    secret: t.exposeString('secret', { description: 'Shown this once; only its hash is stored' }),
  }),
});

const WebhookRef = builder.objectRef<RatingWebhook>('RatingWebhook').implement({
  description: 'A receiver of signed `rating.created` webhooks (the secret is never read back)',
  fields: (t) => ({
    id: t.exposeID('_id'),
    url: t.exposeString('url'),
    active: t.exposeBoolean('active'),
    createdAt: t.field({ type: 'DateTime', resolve: (h) => h.createdAt }),
  }),
});

const keyId = z.string().regex(/^[a-f0-9]{64}$/, 'not a valid id');
const webhookUrl = z.url({ protocol: /^https?$/ }).max(500);
const webhookSecret = z.string().min(16, 'at least 16 characters').max(200);

builder.queryFields((t) => ({
  apiKeys: t.field({
    type: [ApiKeyRef],
    description: 'The integration API keys, newest first (revoked ones too)',
    authScopes: { can: 'manageIntegrations' },
    resolve: () => keys.listApiKeys(),
  }),
  ratingWebhooks: t.field({
    type: [WebhookRef],
    authScopes: { can: 'manageIntegrations' },
    resolve: () => hooks.listRatingWebhooks(),
  }),
}));

builder.mutationFields((t) => ({
  createApiKey: t.field({
    type: CreatedKey,
    authScopes: { can: 'manageIntegrations' },
    args: {
      name: t.arg.string({ required: true, validate: text(60) }),
      scopes: t.arg({ type: [ScopeEnum], required: true, validate: z.array(z.string()).min(1, 'required') }),
    },
    resolve: (_, a, ctx) => keys.createApiKey(requireUser(ctx.user), a.name, a.scopes),
  }),
  revokeApiKey: t.field({
    type: ApiKeyRef,
    authScopes: { can: 'manageIntegrations' },
    args: { id: t.arg.id({ required: true, validate: keyId }) },
    resolve: (_, a) => keys.revokeApiKey(a.id),
  }),
  addRatingWebhook: t.field({
    type: WebhookRef,
    authScopes: { can: 'manageIntegrations' },
    args: {
      url: t.arg.string({ required: true, validate: webhookUrl }),
      secret: t.arg.string({ required: true, validate: webhookSecret }),
    },
    resolve: (_, a) => hooks.addRatingWebhook(a.url, a.secret),
  }),
  setRatingWebhookActive: t.field({
    type: WebhookRef,
    authScopes: { can: 'manageIntegrations' },
    args: { id: t.arg.id({ required: true, validate: objectId }), active: t.arg.boolean({ required: true }) },
    resolve: (_, a) => hooks.setRatingWebhookActive(a.id, a.active),
  }),
  deleteRatingWebhook: t.boolean({
    authScopes: { can: 'manageIntegrations' },
    args: { id: t.arg.id({ required: true, validate: objectId }) },
    resolve: (_, a) => hooks.deleteRatingWebhook(a.id),
  }),
}));
