import { trusted } from 'mongoose';
import type { Context } from '../../graphql/context.js';
import { isDuplicateKey } from '../../db.js';
import { AppError } from '../../graphql/errors.js';
import { keyedHash, randomToken, sha256 } from '../../lib/crypto.js';
import { createCounter } from '../../lib/rate-limit.js';
import type { RatingChannel } from '../../../../common/channels.js';
import { knownCase } from '../served-cases/served-case.service.js';
import { onDutyAt } from '../staff/duty.service.js';
import { verifyWindowSignature } from '../windows/qr.js';
import { WindowModel, type Window } from '../windows/window.model.js';
import { RatingTicketModel, TicketUseModel, type RatingTicket } from './rating.model.js';
import { ratingSettings } from './rating.settings.js';

const ticketsPerIp = createCounter('ticket_ip', 3600);

export const ipHashOf = (ctx: Context) => keyedHash(ctx.config.secret, 'ip', ctx.clientIp);

/** The active window a QR code names, if its signature is right; otherwise QR_INVALID. */
export async function windowForQr(ctx: Context, code: string, sig: string) {
  // By the unique code alone (an index on every engine), then judged.
  const win = await WindowModel.findOne({ code: code.toUpperCase() }).lean<Window>();
  // Same answer whether the code is unknown, inactive, revoked or forged.
  if (!win?.active || !verifyWindowSignature(ctx.config.qrKeys, win.code, win.qrVersion, sig)) {
    throw new AppError('QR_INVALID', 'This QR code is not valid; please scan the code at the window again');
  }
  return win;
}

/**
 * A single-use, expiring ticket to rate this window once. The staff member on duty is fixed now,
 * at the scan: that is who served the citizen, even if the shift changes before they submit.
 */
export async function issueTicket(ctx: Context, code: string, sig: string) {
  const settings = await ratingSettings.get();
  if ((await ticketsPerIp(ipHashOf(ctx))) > settings.ticketsPerIpHour) {
    throw new AppError('RATE_LIMITED', 'Too many requests from this network; please try again later');
  }
  const win = await windowForQr(ctx, code, sig);
  // The window's id leads the token (not secret: the random part is), so a submission can be
  // counted per window while the ticket itself is still being checked.
  const token = `${String(win._id)}.${randomToken(24)}`;
  const now = new Date();
  const staff = (await onDutyAt([String(win._id)], now)).get(String(win._id))?.[0] ?? null;
  const expiresAt = new Date(now.getTime() + settings.ticketMinutes * 60_000);
  await RatingTicketModel.create({
    _id: sha256(token),
    window: win._id,
    department: win.department,
    staff,
    expiresAt,
  });
  return { ticket: token, expiresAt, window: win };
}

/**
 * A ticket to rate one served case (一次一评): issued to the window's rating device, or to a phone
 * that scanned the device's rotating QR code for the case. The case names the window, the staff
 * who served it and the service item; a case already rated gets no ticket.
 */
export async function issueCaseTicket(caseNumber: string, channel: RatingChannel) {
  const served = await knownCase(caseNumber);
  if (!served) throw new AppError('CASE_UNKNOWN', 'Unknown case number');
  if (served.ratedBy) throw new AppError('CASE_ALREADY_RATED', 'This case number has already been rated');
  const settings = await ratingSettings.get();
  const token = `${String(served.window)}.${randomToken(24)}`;
  const now = new Date();
  const staff = served.staff ?? (await onDutyAt([String(served.window)], now)).get(String(served.window))?.[0] ?? null;
  const expiresAt = new Date(now.getTime() + settings.ticketMinutes * 60_000);
  await RatingTicketModel.create({
    _id: sha256(token),
    window: served.window,
    department: served.department,
    staff,
    channel,
    servedCase: served._id,
    serviceItem: served.serviceItem,
    expiresAt,
  });
  return { ticket: token, expiresAt, servedCase: served };
}

/** The window a ticket token names (unverified: only for counting before the check). */
export const ticketWindow = (token: string) => token.split('.')[0]!.slice(0, 24);

/**
 * Spends the ticket for this submission, atomically, addressing documents by `_id` only: the
 * ticket is read and judged, then its use is claimed by an insert. Spending it again with the
 * same clientKey passes and says so (`resend`): a lost answer never strands a citizen's rating.
 */
export async function spendTicket(
  token: string,
  clientKey: string,
): Promise<{ ticket: RatingTicket; resend: boolean }> {
  const id = sha256(token);
  const ticket = await RatingTicketModel.findById(id).lean<RatingTicket>();
  if (!ticket) throw new AppError('TICKET_INVALID', 'Unknown rating ticket; please scan the QR code again');
  if (ticket.expiresAt <= new Date()) {
    if (await TicketUseModel.exists({ _id: id })) throw ticketUsed();
    throw new AppError('TICKET_EXPIRED', 'The rating ticket has expired; please scan the QR code again');
  }
  try {
    await TicketUseModel.create({ _id: id, clientKey, expiresAt: ticket.expiresAt });
    return { ticket, resend: false };
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
  const use = await TicketUseModel.findById(id).lean<{ clientKey: string }>();
  if (use?.clientKey !== clientKey) throw ticketUsed();
  return { ticket, resend: true };
}

const ticketUsed = () => new AppError('TICKET_USED', 'This ticket has already been used: one visit, one rating');

/**
 * Gives a consumed ticket back (a later check refused the rating, so the citizen may retry). Only
 * the submission holding the use calls this, so the `_id` alone names the right document.
 */
export async function releaseTicket(token: string) {
  await TicketUseModel.deleteOne({ _id: sha256(token) });
}

/** Deletes expired tickets and their uses (the local engine never applies TTL). */
export async function sweepTickets(now = new Date()) {
  const expired = { expiresAt: trusted({ $lt: new Date(now.getTime() - 3600_000) }) };
  await Promise.all([RatingTicketModel.deleteMany(expired), TicketUseModel.deleteMany(expired)]);
}
