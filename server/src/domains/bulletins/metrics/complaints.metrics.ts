import { AWAITING_REPLY, ComplaintModel } from '../../complaints/complaint.model.js';
import { countIf, groupCells } from './cells.js';
import type { Frame } from './figures.js';
import { endOfLocalDay, startOfLocalDay } from '../../../../../common/time.js';

/**
 * Complaints filed in the periods about a department, window or staff member; duplicates count
 * once (with their original). "Upheld" (有效投诉) is one the center accepted rather than rejected:
 * the workflow records no separate verdict. A reply is due once given, or once its deadline has
 * passed without one (as on the complaints dashboard); `now` fixes that moment for the snapshot.
 */
export function complaintCells(f: Frame, now: Date) {
  const replied = { $in: ['$repliedOnTime', [true, false]] };
  const lateUnanswered = { $and: [{ $in: ['$state', [...AWAITING_REPLY]] }, { $lt: ['$replyDueAt', now] }] };
  return groupCells(
    ComplaintModel,
    [
      {
        $match: {
          duplicateOf: null,
          createdAt: { $gte: startOfLocalDay(f.previous.from), $lte: endOfLocalDay(f.current.to) },
        },
      },
    ],
    {
      department: '$subject.department',
      window: '$subject.window',
      staff: '$subject.staff',
      current: { $gte: ['$createdAt', startOfLocalDay(f.current.from)] },
    },
    {
      complaints: { $sum: 1 },
      upheld: countIf({ $not: [{ $in: ['$state', ['RECEIVED', 'REJECTED']] }] }),
      repliesDue: countIf({ $or: [replied, lateUnanswered] }),
      repliedOnTime: countIf({ $eq: ['$repliedOnTime', true] }),
    },
  );
}
