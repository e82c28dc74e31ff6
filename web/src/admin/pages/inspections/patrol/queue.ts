import { ref } from 'vue';
import { ApiError } from '@/graphql/client';
import { loadRound, saveFinding, uploadPhoto, type FindingInput } from './api';
import {
  localId,
  localKey,
  readQueue,
  readSnapshot,
  saveSnapshot,
  updateQueue,
  type LocalPhoto,
  type Pending,
} from './offline';

// Saves and photos that could not reach the server (the hall's Wi-Fi drops, the session ended)
// wait in IndexedDB and are resent when the connection is back: photos first, each with its own
// key so that a retried upload is stored once, then the finding with its client key and edit
// number. The server applies each save at most once and never lets an older edit replace a newer one.

const RETRY_MS = 15_000;
// No network, or a session that ended mid-round (kept until the inspector logs in again).
const OFFLINE = new Set(['NETWORK', 'SERVICE_UNAVAILABLE', 'BAD_RESPONSE', 'UNAUTHENTICATED']);

export const isOffline = (err: unknown) => err instanceof ApiError && OFFLINE.has(err.code);

/** The round from the server (kept on the device for an offline reload), else the kept copy. */
export async function loadRoundOrKept(roundId: string) {
  try {
    const data = await loadRound(roundId);
    await saveSnapshot(roundId, data).catch(() => undefined); // private mode may refuse IndexedDB
    return { data, fromDevice: false };
  } catch (err) {
    const kept = isOffline(err) ? await readSnapshot(roundId).catch(() => undefined) : undefined;
    if (!kept) throw err;
    return { data: kept, fromDevice: true };
  }
}

/** Uploads the local photos of a finding and returns it with their server ids; throws when offline. */
export async function sendPhotos(roundId: string, windowId: string, input: FindingInput, photos: LocalPhoto[]) {
  const ids: string[] = [];
  for (const id of input.photoIds) {
    const key = localKey(id);
    const photo = key ? photos.find((p) => p.key === key) : null;
    if (!key) ids.push(id);
    else if (photo) ids.push((await uploadPhoto(roundId, windowId, photo.blob, key)).id);
  }
  return { ...input, photoIds: ids };
}

/** The queue of one round, as reactive state for the page: waiting saves and waiting photos. */
export function usePatrolQueue(
  roundId: string,
  onSaved: (windowId: string, input: FindingInput) => void,
  onRejected: (err: unknown) => void,
) {
  const pending = ref(0);
  const photos = ref(0);
  let flushing = false;
  let timer: number | undefined;

  const mine = (items: Pending[]) => items.filter((p) => p.roundId === roundId);
  async function refresh() {
    const items = mine(await readQueue());
    pending.value = items.length;
    photos.value = items.reduce((n, p) => n + p.input.photoIds.filter((id) => localKey(id)).length, 0);
    if (items.length) timer ??= window.setInterval(() => void flush(), RETRY_MS);
    else if (timer !== undefined) {
      window.clearInterval(timer);
      timer = undefined;
    }
    return items;
  }

  async function enqueue(windowId: string, input: FindingInput, local: LocalPhoto[]) {
    // A newer edit of the same window replaces a queued older one (its photos travel along).
    const item: Pending = {
      roundId,
      windowId,
      input,
      photos: local.filter((p) => input.photoIds.includes(localId(p.key))),
    };
    await updateQueue((q) => [...q.filter((p) => !(p.roundId === roundId && p.windowId === windowId)), item]);
    await refresh();
  }

  async function sendOne(item: Pending) {
    const input = await sendPhotos(item.roundId, item.windowId, item.input, item.photos);
    await saveFinding(item.roundId, item.windowId, input);
    onSaved(item.windowId, input);
  }

  async function flush() {
    if (flushing) return;
    flushing = true;
    try {
      for (const item of await refresh()) {
        try {
          await sendOne(item);
        } catch (err) {
          if (isOffline(err)) return; // still offline: keep everything for the next try
          onRejected(err); // the server refused it (e.g. round submitted elsewhere): drop it
        }
        await updateQueue((q) => q.filter((p) => p.input.clientKey !== item.input.clientKey));
      }
    } finally {
      flushing = false;
      await refresh();
    }
  }

  const online = () => void flush();
  window.addEventListener('online', online);
  function stop() {
    window.removeEventListener('online', online);
    if (timer !== undefined) window.clearInterval(timer);
  }

  return { pending, photos, enqueue, flush, refresh, stop, items: async () => mine(await readQueue()) };
}
