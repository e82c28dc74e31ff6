import { trusted } from 'mongoose';
import { addWorkingDays } from '../calendar/calendar.service.js';
import { tell, text } from '../notifications/notification.service.js';
import { FollowUpModel, type FollowUp } from './follow-up.model.js';

// Deadlines coming and missed: a periodic sweep tells the department (and the centre) one
// working day before a follow-up is due and once it is overdue. Keys make each notice once.
const UNFINISHED = { $nin: ['CLOSED', 'EXCLUDED'] };
/** Overdue items are told about once; only recent ones are looked at, so a sweep stays small. */
const OVERDUE_LOOKBACK_MS = 3 * 86_400_000;

export async function sweepFollowUpDeadlines(now = new Date()) {
  const horizon = await addWorkingDays(now, 1);
  const near = await FollowUpModel.find({
    state: trusted(UNFINISHED),
    dueAt: trusted({ $gte: new Date(now.getTime() - OVERDUE_LOOKBACK_MS), $lte: horizon }),
  })
    .limit(500)
    .lean<FollowUp[]>();
  for (const f of near) {
    const overdue = f.dueAt < now;
    const id = String(f._id);
    await tell({
      key: `followUp:${id}:${overdue ? 'overdue' : 'due'}`,
      kind: overdue ? 'FOLLOW_UP_OVERDUE' : 'FOLLOW_UP_DUE',
      title: overdue ? text('Follow-up overdue') : text('Follow-up due tomorrow'),
      body: overdue
        ? text('A follow-up is past its deadline; please close it soon')
        : text('A follow-up is due within one working day'),
      link: `/admin/follow-ups?id=${id}`,
      to: { capability: 'workFollowUps', department: f.department },
    });
  }
  return near.length;
}
