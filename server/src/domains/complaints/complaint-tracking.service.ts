import type { z } from 'zod';
import type { Context } from '../../graphql/context.js';
import { AppError, invalidState, notFound } from '../../graphql/errors.js';
import { keyedHash, safeEqual } from '../../lib/crypto.js';
import { consumeOrRetryAfter, createLimiter } from '../../lib/rate-limit.js';
import { recordAudit } from '../audit/audit.service.js';
import { complaintSettings, deadlinesFor, expectedBy } from './complaint.deadlines.js';
import type { feedbackInput, lookup } from './complaint.inputs.js';
import { ComplaintModel, type Complaint } from './complaint.model.js';
import { normalizeTrackingCode } from '../../../../common/ids.js';

// The citizen's side after filing: look the complaint up with its tracking code and the
// contact digits, and answer "was it resolved?" once it is closed. A wrong code and a wrong
// contact get the same answer after the same work, so lookups reveal nothing.

const lookupsPerIp = createLimiter('complaint_lookup', 30, 10 * 60);

// Compared against when no complaint has the code, so both failures cost one comparison.
const NO_KEY = '\u0000\u0000\u0000\u0000';

async function throttle(ctx: Context) {
  const wait = await consumeOrRetryAfter(lookupsPerIp, keyedHash(ctx.config.secret, 'ip', ctx.clientIp));
  if (wait) throw new AppError('RATE_LIMITED', 'Too many lookups; please try again later', { retryAfter: wait });
}

/** The complaint if both the code and the contact digits match, else null. */
export async function findByCode(ctx: Context, trackingCode: string, contact: string) {
  await throttle(ctx);
  // A malformed code still runs the query, with a value no record can have.
  const code = normalizeTrackingCode(trackingCode) ?? '-';
  const doc = await ComplaintModel.findOne({ trackingCode: code }).lean<Complaint>();
  const matches = safeEqual(doc?.lookupKey ?? NO_KEY, contact);
  return doc && matches ? doc : null;
}

/** What the tracking page shows for a code and its contact digits, or null when either is wrong. */
export async function statusOf(ctx: Context, { trackingCode, contact }: z.output<typeof lookup>) {
  const c = await findByCode(ctx, trackingCode, contact);
  return c && publicStatus(c);
}

/** When the citizen may still say "not resolved" and have it reopened, if it is closed. */
async function reopenableUntil(c: Complaint) {
  if (c.state !== 'CLOSED' || !c.closedAt) return null;
  const { reopenDays } = await complaintSettings.get();
  return new Date(c.closedAt.getTime() + reopenDays * 86_400_000);
}

/** Asked once per closing: an answer from before a reopening does not count. */
const awaitsFeedback = (c: Complaint) =>
  c.state === 'CLOSED' && (!c.feedback || (!!c.closedAt && c.feedback.at < c.closedAt));

type Step = Complaint['timeline'][number];

/**
 * Whether the citizen sees a step. A REPLY is shown only once the centre approved it (a REVIEW
 * follows before any RETURN), whatever was stored when it was written: so a reply still under
 * review or sent back is never shown, older records included.
 */
function shown(e: Step, i: number, all: Step[]) {
  if (e.action !== 'REPLY') return e.public;
  const verdict = all.slice(i + 1).find((x) => x.action === 'REVIEW' || x.action === 'RETURN');
  return verdict?.action === 'REVIEW';
}

/** The timeline with `public` as the citizen sees each step now (staff see the same flags). */
export const visibleTimeline = (all: Step[]) => all.map((e, i) => ({ ...e, public: shown(e, i, all) }));

/** The state the citizen sees: a reply under review is still being handled. */
const publicState = (s: Complaint['state']) => (s === 'REPLIED' ? 'INVESTIGATING' : s);

/** What the tracking page shows: no names, no phone, no internal notes. */
export async function publicStatus(c: Complaint) {
  return {
    trackingCode: c.trackingCode,
    state: publicState(c.state),
    category: c.category,
    filedAt: c.createdAt,
    expectedBy: expectedBy(c),
    progress: c.timeline.filter(shown).map((e) => ({ at: e.at, action: e.action, state: e.to, note: e.note })),
    feedback: awaitsFeedback(c) ? null : (c.feedback ?? null),
    canGiveFeedback: awaitsFeedback(c),
    reopenableUntil: await reopenableUntil(c),
  };
}

const ONCE = 'Feedback is asked once, after the complaint is closed';

/**
 * Records the citizen's answer to a closed complaint. "Not resolved" within the reopen period
 * reopens it with a fresh reply deadline; later it is only recorded.
 */
export async function giveFeedback(ctx: Context, input: z.output<typeof feedbackInput>) {
  const c = await findByCode(ctx, input.trackingCode, input.contact);
  if (!c) throw notFound('Complaint');
  if (!awaitsFeedback(c)) throw invalidState(ONCE);
  const now = new Date();
  const until = await reopenableUntil(c);
  const reopen = !input.resolved && !!until && now <= until;
  const event = { at: now, actor: null, actorName: 'citizen', from: 'CLOSED', note: '', public: true };
  const set = reopen ? { state: 'REOPENED', replyDueAt: (await deadlinesFor(now)).replyDueAt } : {};
  // The filter repeats what was read, so two answers sent at once cannot both count.
  const updated = await ComplaintModel.findOneAndUpdate(
    { _id: c._id, state: 'CLOSED', 'feedback.at': c.feedback?.at ?? null },
    {
      $set: { ...set, feedback: { resolved: input.resolved, satisfaction: input.satisfaction, at: now } },
      $push: { timeline: { ...event, action: reopen ? 'REOPEN' : 'FEEDBACK', to: reopen ? 'REOPENED' : 'CLOSED' } },
      ...(reopen ? { $inc: { reopenCount: 1 } } : {}),
    },
    { new: true },
  ).lean<Complaint>();
  if (!updated) throw invalidState(ONCE);
  if (reopen) {
    await recordAudit(
      {
        user: null,
        actorName: 'citizen',
        action: 'reopenComplaint',
        targetType: 'Complaint',
        targetId: String(c._id),
        ok: true,
        requestId: ctx.requestId,
      },
      ctx.logger,
    );
  }
  return publicStatus(updated);
}
