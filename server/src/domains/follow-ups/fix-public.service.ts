import { normalizeTrackingCode, TRACKING_PREFIXES } from '../../../../common/ids.js';
import type { Context } from '../../graphql/context.js';
import { AppError } from '../../graphql/errors.js';
import { keyedHash } from '../../lib/crypto.js';
import { consumeOrRetryAfter, createLimiter } from '../../lib/rate-limit.js';
import { WindowModel, type Window } from '../windows/window.model.js';
import { boardOf } from './fix-board.service.js';
import { CENTRE_BOARD } from './fix-board.model.js';
import { FollowUpModel, type FollowUp, type FollowUpState } from './follow-up.model.js';

// The citizen's side of a bad rating's follow-up: with the code from the thanks screen, its
// progress and result; and the 您说，我们改 lists. Read by unique key only, nothing personal:
// no names, phones, comments or internal notes leave here.

const lookupsPerIp = createLimiter('fix_lookup', 30, 10 * 60);

async function throttle(ctx: Context) {
  const wait = await consumeOrRetryAfter(lookupsPerIp, keyedHash(ctx.config.secret, 'ip', ctx.clientIp));
  if (wait) throw new AppError('RATE_LIMITED', 'Too many lookups; please try again later', { retryAfter: wait });
}

/** Where the follow-up is, as the citizen reads it: received → verified → rectified → called back → closed. */
export const FIX_STAGES = [
  'RECEIVED',
  'VERIFIED',
  'RECTIFIED',
  'CALLED_BACK',
  'CLOSED_RESOLVED',
  'CLOSED_UNRESOLVED',
  'EXCLUDED',
] as const;
export type FixStage = (typeof FIX_STAGES)[number];

/** An appeal under review is still being checked, to the citizen. */
const STAGE_OF: Record<FollowUpState, FixStage> = {
  OPEN: 'RECEIVED',
  APPEALED: 'RECEIVED',
  VERIFIED: 'VERIFIED',
  RECTIFIED: 'RECTIFIED',
  CALLED_BACK: 'CALLED_BACK',
  CLOSED: 'CLOSED_RESOLVED',
  EXCLUDED: 'EXCLUDED',
};
const stageOf = (f: FollowUp): FixStage =>
  f.state === 'CLOSED' && f.resolution === 'UNRESOLVED' ? 'CLOSED_UNRESOLVED' : STAGE_OF[f.state];

const STEP_STAGE: Partial<Record<string, FixStage>> = {
  verify: 'VERIFIED',
  rectify: 'RECTIFIED',
  callBack: 'CALLED_BACK',
  close: 'CLOSED_RESOLVED',
  closeUnresolved: 'CLOSED_UNRESOLVED',
  exclude: 'EXCLUDED',
};

/** What the public page shows of a follow-up. */
export function publicFix(f: FollowUp, win: Window | null) {
  const steps = [{ stage: 'RECEIVED' as FixStage, at: f.ratedAt }];
  // Every step the citizen would recognise, in order: an unsatisfied call-back is followed by
  // another rectification, so the rounds show. Appeals and their decisions are internal.
  for (const s of f.timeline) {
    const stage = STEP_STAGE[s.action];
    if (stage) steps.push({ stage, at: s.at });
  }
  const closed = f.state === 'CLOSED';
  return {
    trackingCode: f.trackingCode,
    stage: stageOf(f),
    windowCode: win?.code ?? '',
    windowName: win?.name ?? '',
    ratedAt: f.ratedAt,
    dueAt: f.dueAt,
    rounds: f.rounds ?? 0,
    steps,
    category: f.category ?? null,
    result: closed ? f.publicResult || null : null,
    closedAt: closed ? f.closedAt : null,
  };
}
export type PublicFix = ReturnType<typeof publicFix>;

/** The follow-up with this code, as the public sees it; null for a code nobody has. */
export async function fixStatus(ctx: Context, code: string) {
  await throttle(ctx);
  // A malformed code still runs the query, with a value no record can have.
  const key = normalizeTrackingCode(code, TRACKING_PREFIXES.ratingFix) ?? '-';
  const f = await FollowUpModel.findOne({ trackingCode: key }).lean<FollowUp>();
  if (!f) return null;
  return publicFix(f, await WindowModel.findById(f.window).lean<Window>());
}

/** 您说，我们改: the centre's recent fixes, or one window's (by its code). */
export async function recentFixes(windowCode: string | null) {
  if (!windowCode) return boardOf(CENTRE_BOARD);
  const win = await WindowModel.findOne({ code: windowCode.toUpperCase() }).lean<Window>();
  return win?.active ? boardOf(String(win._id)) : [];
}
