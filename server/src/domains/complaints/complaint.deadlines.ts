import { trusted } from 'mongoose';
import { z } from 'zod';
import { addWorkingDays } from '../calendar/calendar.service.js';
import { defineSettings } from '../settings/settings.store.js';
import { AWAITING_REPLY, type Complaint, type ComplaintState } from './complaint.model.js';

// The center's complaint rules: accept (or reject) within 1 working day of filing, answer within
// 5, both counted from filing in working days (holidays and 调休 from the calendar); a citizen
// may reopen within 7 calendar days of closing. Changing them applies to complaints filed after.
export const complaintSettings = defineSettings(
  'complaints',
  z
    .object({
      acceptDays: z.number().int().min(0).max(10).default(1),
      replyDays: z.number().int().min(1).max(60).default(5),
      reopenDays: z.number().int().min(1).max(60).default(7),
    })
    .refine((s) => s.acceptDays <= s.replyDays, { path: ['acceptDays'], message: 'cannot be later than the reply' }),
);

export type ComplaintSettings = Awaited<ReturnType<typeof complaintSettings.get>>;

/** The deadlines of a complaint filed (or reopened) at `from`. */
export async function deadlinesFor(from: Date) {
  const { acceptDays, replyDays } = await complaintSettings.get();
  const [acceptDueAt, replyDueAt] = await Promise.all([
    addWorkingDays(from, acceptDays),
    addWorkingDays(from, replyDays),
  ]);
  return { acceptDueAt, replyDueAt };
}

type Deadlines = Pick<Complaint, 'state' | 'acceptDueAt' | 'replyDueAt'>;

/**
 * Which deadline a complaint has missed, if any: acceptance while it still waits to be accepted,
 * the reply while nobody has answered the citizen yet.
 */
export function overdueStep(c: Deadlines, now = new Date()): 'ACCEPT' | 'REPLY' | null {
  if (c.state === 'RECEIVED' && c.acceptDueAt < now) return 'ACCEPT';
  if ((AWAITING_REPLY as readonly string[]).includes(c.state) && c.replyDueAt < now) return 'REPLY';
  return null;
}

/** The same rule as a MongoDB filter, for the inbox and the dashboard. */
export function overdueFilter(now = new Date()) {
  return {
    $or: [
      { state: 'RECEIVED', acceptDueAt: trusted({ $lt: now }) },
      { state: trusted({ $in: AWAITING_REPLY }), replyDueAt: trusted({ $lt: now }) },
    ],
  };
}

/** The date the citizen is told to expect an answer by, while one is still to come. */
export function expectedBy(c: { state: ComplaintState; replyDueAt: Date }) {
  return (AWAITING_REPLY as readonly string[]).includes(c.state) ? c.replyDueAt : null;
}
