import { createHmac } from 'node:crypto';
import type { Config } from '../../config.js';
import { safeEqual } from '../../lib/crypto.js';

// A window's QR code opens PUBLIC_BASE_URL/r/<code>?s=<kid>.<mac>. The MAC binds the code and the
// window's qrVersion to a server key, so a code cannot be guessed or altered, keys can rotate
// (kid names the key), and bumping qrVersion revokes every copy already printed.

type Keys = Config['qrKeys'];

const mac = (secret: string, code: string, version: number) =>
  createHmac('sha256', secret).update(`${code}.${version}`).digest('base64url').slice(0, 22);

export function signWindow(keys: Keys, code: string, version: number) {
  const key = keys[0]!;
  return `${key.kid}.${mac(key.secret, code, version)}`;
}

export function qrUrl(config: Config, code: string, version: number) {
  return `${config.publicBaseUrl}/r/${encodeURIComponent(code)}?s=${signWindow(config.qrKeys, code, version)}`;
}

/** Checks a signature in constant time against whichever key its kid names. */
export function verifyWindowSignature(keys: Keys, code: string, version: number, sig: string) {
  const [kid, given] = sig.split('.');
  const key = keys.find((k) => k.kid === kid);
  if (!key || !given) return false;
  return safeEqual(mac(key.secret, code, version), given);
}
