import { uuidFromBytes } from '@common/ids';

/**
 * A random UUID v4. crypto.randomUUID exists only in secure contexts (HTTPS or localhost), and a
 * hall may serve the pages over plain HTTP on its LAN; getRandomValues works everywhere.
 */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  return uuidFromBytes(crypto.getRandomValues(new Uint8Array(16)));
}
