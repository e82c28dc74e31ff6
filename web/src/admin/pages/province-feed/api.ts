import { request } from '@/graphql/client';
import { graphql, type ResultOf, type VariablesOf } from '@/graphql/graphql';

const Fields = graphql(`
  fragment ProvinceFeedSettingsFields on ProvinceFeedSettings {
    enabled
    url
    secretSet
    startDate
    fields {
      field
      element
      name
    }
    levelCodes {
      level
      label
      code
    }
  }
`);
const Get = graphql(
  `
    query ProvinceFeedSettings {
      provinceFeedSettings {
        ...ProvinceFeedSettingsFields
      }
    }
  `,
  [Fields],
);
const Save = graphql(
  `
    mutation UpdateProvinceFeedSettings($input: ProvinceFeedSettingsInput!) {
      updateProvinceFeedSettings(input: $input) {
        ...ProvinceFeedSettingsFields
      }
    }
  `,
  [Fields],
);
const Reconcile = graphql(`
  query ProvinceFeedReconciliation($from: String!, $to: String!) {
    provinceFeedReconciliation(from: $from, to: $to) {
      enabled
      startDate
      days {
        day
        stored
        acknowledged
        pending
        failed
        difference
      }
      failures {
        recordId
        day
        state
        attempts
        lastError
        nextAttemptAt
      }
    }
  }
`);
const Retry = graphql(`
  mutation RetryProvinceFeed($from: String!, $to: String!) {
    retryProvinceFeed(from: $from, to: $to)
  }
`);

export type FeedSettings = ResultOf<typeof Fields>;
export type Reconciliation = ResultOf<typeof Reconcile>['provinceFeedReconciliation'];
export type FeedSettingsInput = VariablesOf<typeof Save>['input'];

export const loadFeedSettings = () => request(Get).then((d) => d.provinceFeedSettings);
export const saveFeedSettings = (input: FeedSettingsInput) =>
  request(Save, { input }).then((d) => d.updateProvinceFeedSettings);
export const loadReconciliation = (from: string, to: string) =>
  request(Reconcile, { from, to }).then((d) => d.provinceFeedReconciliation);
export const retryFeed = (from: string, to: string) => request(Retry, { from, to }).then((d) => d.retryProvinceFeed);
/** The export's address (the browser downloads it with the session cookie). */
export const exportUrl = (format: 'json' | 'csv', from: string, to: string) =>
  `/api/province-feed/records.${format}?from=${from}&to=${to}`;
