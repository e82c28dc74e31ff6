import { ref } from 'vue';
import { ApiError } from '@/graphql/client';
import { saveFinding, type FindingInput } from './api';

// Saves that could not reach the server (the hall's Wi-Fi drops) wait in localStorage and are
// resent, with the same client key and edit number, when the connection is back. The server
// applies each at most once and never lets an older edit replace a newer one.

interface Pending {
  roundId: string;
  windowId: string;
  input: FindingInput;
}

const KEY = 'wfp.patrol.queue.v1';
const RETRY_MS = 15_000;
// No network, or a session that ended mid-round (kept until the inspector logs in again).
const OFFLINE = new Set(['NETWORK', 'SERVICE_UNAVAILABLE', 'BAD_RESPONSE', 'UNAUTHENTICATED']);

const read = (): Pending[] => {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '[]') as Pending[];
  } catch {
    return [];
  }
};
const write = (items: Pending[]) => localStorage.setItem(KEY, JSON.stringify(items));

export const isOffline = (err: unknown) => err instanceof ApiError && OFFLINE.has(err.code);

/** The queue of one round, as reactive state for the page. */
export function usePatrolQueue(
  roundId: string,
  onSaved: (windowId: string) => void,
  onRejected: (err: unknown) => void,
) {
  const pending = ref(read().filter((p) => p.roundId === roundId).length);
  let flushing = false;
  let timer: number | undefined;

  const refresh = () => (pending.value = read().filter((p) => p.roundId === roundId).length);

  function enqueue(windowId: string, input: FindingInput) {
    // A newer edit of the same window replaces a queued older one.
    write([...read().filter((p) => !(p.roundId === roundId && p.windowId === windowId)), { roundId, windowId, input }]);
    refresh();
    timer ??= window.setInterval(() => void flush(), RETRY_MS);
  }

  async function flush() {
    if (flushing) return;
    flushing = true;
    try {
      for (const item of read().filter((p) => p.roundId === roundId)) {
        try {
          await saveFinding(item.roundId, item.windowId, item.input);
          onSaved(item.windowId);
        } catch (err) {
          if (isOffline(err)) return; // still offline: keep everything for the next try
          onRejected(err); // the server refused it (e.g. round submitted elsewhere): drop it
        }
        write(read().filter((p) => p.input.clientKey !== item.input.clientKey));
        refresh();
      }
      if (!pending.value && timer !== undefined) {
        window.clearInterval(timer);
        timer = undefined;
      }
    } finally {
      flushing = false;
    }
  }

  const online = () => void flush();
  window.addEventListener('online', online);
  function stop() {
    window.removeEventListener('online', online);
    if (timer !== undefined) window.clearInterval(timer);
  }
  if (pending.value) timer = window.setInterval(() => void flush(), RETRY_MS);

  return { pending, enqueue, flush, stop };
}
