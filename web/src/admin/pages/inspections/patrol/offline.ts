import { createStore, get, set, update } from 'idb-keyval';
import { registerSW } from 'virtual:pwa-register';
import type { FindingInput, PatrolData } from './api';

// What the patrol keeps on the phone, in IndexedDB (it holds Blobs, and survives a reload with
// no network): the last loaded snapshot of each round, and the saves and photos waiting to be sent.

const store = createStore('wfp-patrol', 'kv');

/** A photo taken while it could not be sent: its bytes and the key that makes its upload idempotent. */
export interface LocalPhoto {
  key: string;
  blob: Blob;
}

/** A finding waiting to be sent; its photoIds name local photos as `local:<key>`. */
export interface Pending {
  roundId: string;
  windowId: string;
  input: FindingInput;
  photos: LocalPhoto[];
}

const LOCAL = 'local:';
export const localId = (key: string) => LOCAL + key;
export const localKey = (id: string) => (id.startsWith(LOCAL) ? id.slice(LOCAL.length) : null);

export const readQueue = async () => (await get<Pending[]>('queue', store)) ?? [];
/** Changes the queue in one IndexedDB transaction, so two changes never overwrite each other. */
export const updateQueue = (fn: (items: Pending[]) => Pending[]) =>
  update<Pending[]>('queue', (q) => fn(q ?? []), store);

export const saveSnapshot = (roundId: string, data: PatrolData) => set(`round:${roundId}`, data, store);
export const readSnapshot = (roundId: string) => get<PatrolData>(`round:${roundId}`, store);

let registered = false;
/**
 * Installs the service worker that keeps the admin shell for offline reloads. Browsers offer it
 * only in a secure context (HTTPS, or localhost): on plain HTTP in a hall there is none, and
 * only the queue works offline (docs/patrol.md).
 */
export function registerOfflineShell() {
  if (registered || !('serviceWorker' in navigator) || import.meta.env.DEV) return;
  registered = true;
  // A worker that activates while a page is open (a deployment, or the first install finishing
  // after the inspector moved on from the page that started it) would make the plugin reload
  // the page: a finding being typed would be lost mid-round. The page keeps running on what it
  // has loaded, and the new worker serves the next page load.
  void registerSW({ immediate: true, onNeedReload: () => undefined });
}
