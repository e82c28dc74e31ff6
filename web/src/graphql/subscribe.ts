import { print } from '@0no-co/graphql.web';
import type { TadaDocumentNode } from 'gql.tada';
import { createClient } from 'graphql-sse';

// GraphQL subscriptions over server-sent events (yoga speaks the graphql-sse protocol). The
// client reconnects by itself after a dropped connection.
let client: ReturnType<typeof createClient> | null = null;

function sse() {
  client ??= createClient({
    url: '/graphql',
    headers: { 'x-wfp-csrf': '1' },
    credentials: 'same-origin',
    retryAttempts: Infinity,
    retry: async (retries) => new Promise((r) => setTimeout(r, Math.min(30_000, 1000 * 2 ** retries))),
  });
  return client;
}

/** Calls `onData` for every event; returns the function that ends the subscription. */
export function subscribe<R, V>(
  doc: TadaDocumentNode<R, V>,
  variables: V,
  onData: (data: R) => void,
  onError?: (e: unknown) => void,
) {
  return sse().subscribe<R>(
    { query: print(doc), variables: variables as Record<string, unknown> },
    {
      next: (msg) => msg.data && onData(msg.data),
      error: (e) => onError?.(e),
      complete: () => undefined,
    },
  );
}
