import { createHmac } from 'node:crypto';
import type { Context } from '../../graphql/context.js';
import { safeEqual } from '../../lib/crypto.js';

// The per-device cooldown: a signed httpOnly cookie remembers when this browser last rated each
// window. It stores no identity, only window ids and times, and cannot be forged.

const NAME = 'wfp_rated';
const MAX_ENTRIES = 30;
const DAY_S = 86_400;

type Stamps = Record<string, number>; // windowId → epoch seconds

const sign = (secret: string, body: string) => createHmac('sha256', secret).update(`rated:${body}`).digest('base64url');

export async function readStamps(ctx: Context): Promise<Stamps> {
  const raw = (await ctx.request.cookieStore?.get(NAME))?.value;
  const [body, mac] = raw?.split('.') ?? [];
  if (!body || !mac || !safeEqual(sign(ctx.config.secret, body), mac)) return {};
  try {
    return JSON.parse(Buffer.from(body, 'base64url').toString()) as Stamps;
  } catch {
    return {};
  }
}

/** Seconds left before this device may rate the window again, or 0. */
export function cooldownLeft(stamps: Stamps, windowId: string, minutes: number, now = Date.now()) {
  const last = stamps[windowId];
  return last ? Math.max(0, last + minutes * 60 - Math.floor(now / 1000)) : 0;
}

export async function stampWindow(ctx: Context, stamps: Stamps, windowId: string, now = Date.now()) {
  const nowS = Math.floor(now / 1000);
  const kept = Object.entries({ ...stamps, [windowId]: nowS })
    .filter(([, at]) => nowS - at < DAY_S)
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_ENTRIES);
  const body = Buffer.from(JSON.stringify(Object.fromEntries(kept))).toString('base64url');
  await ctx.request.cookieStore?.set({
    name: NAME,
    value: `${body}.${sign(ctx.config.secret, body)}`,
    path: '/graphql',
    httpOnly: true,
    sameSite: 'strict',
    secure: ctx.config.secureCookies,
    expires: now + DAY_S * 1000,
    domain: null,
  });
}
