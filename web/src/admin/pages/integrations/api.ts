import { request } from '@/graphql/client';
import { graphql, type ResultOf, type VariablesOf } from '@/graphql/graphql';

const Load = graphql(`
  query Integrations {
    apiKeys {
      id
      name
      prefix
      scopes
      createdAt
      revokedAt
      lastUsedAt
    }
    ratingWebhooks {
      id
      url
      active
      createdAt
    }
    notificationSettings {
      webhookUrl
      secretSet
    }
  }
`);
const CreateKey = graphql(`
  mutation CreateApiKey($name: String!, $scopes: [ApiScope!]!) {
    createApiKey(name: $name, scopes: $scopes) {
      secret
      key {
        id
      }
    }
  }
`);
const RevokeKey = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      id
    }
  }
`);
const AddHook = graphql(`
  mutation AddRatingWebhook($url: String!, $secret: String!) {
    addRatingWebhook(url: $url, secret: $secret) {
      id
    }
  }
`);
const SetHook = graphql(`
  mutation SetRatingWebhookActive($id: ID!, $active: Boolean!) {
    setRatingWebhookActive(id: $id, active: $active) {
      id
    }
  }
`);
const DeleteHook = graphql(`
  mutation DeleteRatingWebhook($id: ID!) {
    deleteRatingWebhook(id: $id)
  }
`);
const SaveNotify = graphql(`
  mutation SaveNotificationWebhook($webhookUrl: String!, $webhookSecret: String) {
    updateNotificationSettings(webhookUrl: $webhookUrl, webhookSecret: $webhookSecret) {
      webhookUrl
      secretSet
    }
  }
`);

export type Integrations = ResultOf<typeof Load>;
export type ApiKeyRow = Integrations['apiKeys'][number];
export type Scope = VariablesOf<typeof CreateKey>['scopes'][number];
export const SCOPES: Scope[] = ['CASES_WRITE', 'RATINGS_READ'];

export const loadIntegrations = () => request(Load, {});
export const createApiKey = (name: string, scopes: Scope[]) =>
  request(CreateKey, { name, scopes }).then((d) => d.createApiKey.secret);
export const revokeApiKey = (id: string) => request(RevokeKey, { id });
export const addRatingWebhook = (url: string, secret: string) => request(AddHook, { url, secret });
export const setRatingWebhookActive = (id: string, active: boolean) => request(SetHook, { id, active });
export const deleteRatingWebhook = (id: string) => request(DeleteHook, { id });
export const saveNotificationWebhook = (webhookUrl: string, webhookSecret: string | null) =>
  request(SaveNotify, { webhookUrl, webhookSecret });
