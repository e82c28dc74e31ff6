import { isBad, isGood } from '../../../../common/ratings.js';
import type { Context } from '../../graphql/context.js';
import { AppError, validationFailed } from '../../graphql/errors.js';
import { isDuplicateKey } from '../../db.js';
import { createCounter } from '../../lib/rate-limit.js';
import { periodKeys } from '../../../../common/periods.js';
import { evaluateAlerts } from '../alerts/alert.service.js';
import { markBurst } from '../alerts/burst.service.js';
import { cooldownLeft, readStamps, stampWindow } from './device-cookie.js';
import { openFollowUp } from '../follow-ups/follow-up.service.js';
import { queueForProvince } from '../province-feed/feed.service.js';
import { publishRating } from '../integration/rating-webhook.service.js';
import type { SubmitRatingInput } from './rating.inputs.js';
import { normalizeCaseNumber } from '../../../../common/ids.js';
import type { ServedCase } from '../served-cases/served-case.model.js';
import { knownCase, markCaseRated } from '../served-cases/served-case.service.js';
import { RatedCaseModel, RatingModel, type Rating, type RatingTicket } from './rating.model.js';
import { ratingSettings, type RatingSettings } from './rating.settings.js';
import { ipHashOf, releaseTicket, spendTicket, ticketWindow } from './ticket.service.js';

export interface SubmitRatingResult {
  accepted: true;
  /** True when this was a resend of a submission already stored. */
  replayed: boolean;
  negative: boolean;
  followUpDays: number | null;
  /** A bad rating's follow-up code (PJ-…), for the citizen to see the fix. */
  trackingCode: string | null;
  /** After a good rating: ask whether the staff asked for it (answerSteeringQuestion). */
  askSteering: boolean;
}

const ratingsPerIp = createCounter('rating_ip', 3600);
const ratingsPerIpAndWindow = createCounter('rating_burst', 600);

function result(
  rating: Pick<Rating, 'negative' | 'good'> & { staffAskedForGood?: boolean | null },
  s: RatingSettings,
  replayed: boolean,
  followUp: { trackingCode: string } | null,
): SubmitRatingResult {
  return {
    accepted: true,
    replayed,
    negative: rating.negative,
    followUpDays: rating.negative ? s.followUpDays : null,
    trackingCode: followUp?.trackingCode ?? null,
    askSteering: s.askStaffSteering && rating.good && (rating.staffAskedForGood ?? null) === null,
  };
}

function checkTags(input: SubmitRatingInput, s: RatingSettings) {
  const allowed = new Set((isBad(input.level) ? s.negativeTags : s.positiveTags).map((t) => t.code));
  const bad = input.tags.filter((t) => !allowed.has(t));
  if (bad.length)
    throw validationFailed([
      { path: 'tags', message: 'not offered for this level: {{tags}}', params: { tags: bad.join(', ') } },
    ]);
  if (input.callbackPhone && !isBad(input.level)) {
    throw validationFailed([{ path: 'callbackPhone', message: 'only asked after a bad rating' }]);
  }
}

/** 一次一评 per case number: claims it for this submission, or refuses if another has it. */
async function claimCase(caseNumber: string, clientKey: string) {
  try {
    await RatedCaseModel.create({ _id: caseNumber, clientKey, at: new Date() });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const owner = await RatedCaseModel.findById(caseNumber).lean<{ clientKey: string }>();
    if (owner?.clientKey !== clientKey)
      throw new AppError('CASE_ALREADY_RATED', 'This case number has already been rated');
  }
}

/**
 * The served case this rating is bound to: the ticket's own (device, rotating QR), or a number the
 * citizen typed, but only when the centre knows that case at this window. Anything else is kept as
 * text and binds nothing, so a made-up number cannot take a real citizen's case (squatting).
 */
async function caseToBind(ticket: RatingTicket, typed: string | null): Promise<ServedCase | null> {
  if (ticket.servedCase) return knownCase(ticket.servedCase);
  if (!typed) return null;
  const known = await knownCase(normalizeCaseNumber(typed));
  return known && String(known.window) === String(ticket.window) ? known : null;
}

/** The stored answer to a resent submission, or null if it was never stored. */
async function replay(clientKey: string, s: RatingSettings) {
  const previous = await RatingModel.findOne({ clientKey }).lean<Rating>();
  if (!previous) return null;
  // Completes a submission that crashed after its write, and finds its follow-up's code.
  const followUp = await openFollowUp(previous, s);
  await queueForProvince(previous);
  return result(previous, s, true, followUp);
}

/**
 * Stores one citizen's rating. There are no transactions, so order matters: the counters and the
 * ticket go first, together (the ticket names its window, so the burst counter need not wait);
 * a resend (the ticket already spent by this clientKey) is answered from what is stored; any later
 * refusal gives the ticket back; the rating is written last and everything after it is idempotent.
 */
export async function submitRating(ctx: Context, input: SubmitRatingInput): Promise<SubmitRatingResult> {
  const s = await ratingSettings.get();
  checkTags(input, s);
  const ipHash = ipHashOf(ctx);
  const [perIp, perWindow, spent] = await Promise.all([
    ratingsPerIp(ipHash),
    ratingsPerIpAndWindow(`${ipHash}:${ticketWindow(input.ticket)}`),
    spendTicket(input.ticket, input.clientKey).catch((err: unknown) => ({ err })),
  ]);
  // A refused ticket may still belong to a resend of a stored rating (e.g. the ticket expired).
  if ('err' in spent) {
    const answer = await replay(input.clientKey, s);
    if (answer) return answer;
    throw spent.err;
  }
  const { ticket, resend } = spent;
  if (resend) {
    const answer = await replay(input.clientKey, s);
    if (answer) return answer;
  }
  const refuse = async (err: AppError) => {
    await releaseTicket(input.ticket);
    throw err;
  };
  if (perIp > s.ipLimitPerHour)
    await refuse(new AppError('RATE_LIMITED', 'Too many ratings from this network; please try again later'));
  const windowId = String(ticket.window);
  const stamps = await readStamps(ctx);
  // A ticket for one served case is already one rating per case: the window's shared device (and
  // the next citizen at it) is not held to the per-device cooldown, nor counted as a burst.
  const caseTicket = ticket.servedCase !== null && ticket.servedCase !== undefined;
  const wait = caseTicket ? 0 : cooldownLeft(stamps, windowId, s.cooldownMinutes);
  if (wait > 0)
    await refuse(
      new AppError('RATING_COOLDOWN', 'This window was rated from this device a moment ago', { retryAfter: wait }),
    );
  const served = await caseToBind(ticket, input.caseNumber);
  if (served) await claimCase(served._id, input.clientKey).catch(refuse);

  const burst = !caseTicket && perWindow >= s.burstCount;
  const now = new Date();
  const negative = isBad(input.level);
  const doc = {
    clientKey: input.clientKey,
    window: ticket.window,
    department: ticket.department,
    staff: served?.staff ?? ticket.staff,
    level: input.level,
    negative,
    good: isGood(input.level),
    tags: [...new Set(input.tags)],
    comment: input.comment,
    caseNumber: input.caseNumber ?? served?._id ?? null,
    channel: ticket.channel,
    servedCase: served?._id ?? null,
    serviceItem: served?.serviceItem ?? ticket.serviceItem ?? null,
    ratingSeq: 1,
    regionCode: s.regionCode,
    callbackPhone: negative ? input.callbackPhone : null,
    ipHash,
    createdAt: now,
    ...periodKeys(now),
    suspect: burst,
    suspectReason: burst ? `${s.burstCount}+ ratings from one address at this window within 10 minutes` : null,
    excluded: false,
    counted: !burst,
  };
  let rating: Rating;
  try {
    rating = (await RatingModel.create(doc)).toObject<Rating>();
  } catch (err) {
    // Two copies of one submission racing: the other one stored it.
    if (!isDuplicateKey(err)) throw err;
    return (await replay(input.clientKey, s)) ?? result(doc, s, true, null);
  }
  if (served) await markCaseRated(served._id, input.clientKey, now);
  const followUp = await openFollowUp(rating, s);
  await markBurst(rating);
  await evaluateAlerts(rating, s, ctx.logger);
  await queueForProvince(rating);
  // The rating is stored: a failure to queue its webhooks is logged, never the citizen's error.
  await publishRating(rating).catch((err: unknown) =>
    ctx.logger.warn({ err: (err as Error).message }, 'rating webhooks not queued'),
  );
  await stampWindow(ctx, stamps, windowId, now.getTime());
  return result(rating, s, false, followUp);
}
