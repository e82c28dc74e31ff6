import { Types, trusted } from 'mongoose';
import { can, isLiaison } from '../../../../common/roles.js';
import { endOfLocalDay, localDate } from '../../../../common/time.js';
import type { SessionUser } from '../../graphql/context.js';
import { departmentFilter } from '../accounts/access.js';
import { AlertModel } from '../alerts/alert.model.js';
import { ComplaintModel } from '../complaints/complaint.model.js';
import { FollowUpModel } from '../follow-ups/follow-up.model.js';
import { NoticeModel } from '../notices/notice.model.js';
import { RatingModel } from '../ratings/rating.model.js';

// The to-do home: each role's work as counts with links, grouped as due today, overdue,
// waiting for me and waiting for others. What counts as "mine" follows the workflows'
// capabilities: a liaison verifies and rectifies, the centre closes and decides.
export const TODO_GROUPS = ['DUE_TODAY', 'OVERDUE', 'MINE', 'OTHERS'] as const;
export interface Todo {
  key: string;
  group: (typeof TODO_GROUPS)[number];
  count: number;
  /** A path in the staff admin. */
  link: string;
}

const UNFINISHED = trusted({ $nin: ['CLOSED', 'EXCLUDED'] });
const DEPT_STEPS = ['OPEN', 'VERIFIED', 'RECTIFIED'];
const CENTRE_STEPS = ['CALLED_BACK', 'APPEALED'];
const HANDLING = ['ASSIGNED', 'INVESTIGATING', 'REOPENED'];

async function followUps(user: SessionUser, now: Date): Promise<Todo[]> {
  if (!can(user.role, 'workFollowUps')) return [];
  const scope = departmentFilter(user);
  const count = (f: object) => FollowUpModel.countDocuments({ ...scope, ...f });
  const [mine, others] = isLiaison(user.role) ? [DEPT_STEPS, CENTRE_STEPS] : [CENTRE_STEPS, DEPT_STEPS];
  return [
    {
      key: 'followUpsDueToday',
      group: 'DUE_TODAY',
      count: await count({ state: UNFINISHED, dueAt: trusted({ $gte: now, $lte: endOfLocalDay(localDate(now)) }) }),
      link: '/follow-ups',
    },
    {
      key: 'followUpsOverdue',
      group: 'OVERDUE',
      count: await count({ state: UNFINISHED, dueAt: trusted({ $lt: now }) }),
      link: '/follow-ups?overdue=1',
    },
    { key: 'followUpsMine', group: 'MINE', count: await count({ state: trusted({ $in: mine }) }), link: '/follow-ups' },
    {
      key: 'followUpsOthers',
      group: 'OTHERS',
      count: await count({ state: trusted({ $in: others }) }),
      link: '/follow-ups',
    },
  ];
}

async function complaints(user: SessionUser): Promise<Todo[]> {
  if (can(user.role, 'manageComplaints')) {
    return [
      {
        key: 'complaintsToAccept',
        group: 'MINE',
        count: await ComplaintModel.countDocuments({ state: 'RECEIVED' }),
        link: '/complaints',
      },
      {
        key: 'repliesToReview',
        group: 'MINE',
        count: await ComplaintModel.countDocuments({ state: 'REPLIED' }),
        link: '/complaints',
      },
      {
        key: 'complaintsWithDepartments',
        group: 'OTHERS',
        count: await ComplaintModel.countDocuments({ state: trusted({ $in: HANDLING }) }),
        link: '/complaints',
      },
    ];
  }
  if (!can(user.role, 'handleComplaints') || !user.departmentId) return [];
  const mine = { assignedTo: new Types.ObjectId(user.departmentId) };
  return [
    {
      key: 'complaintsToHandle',
      group: 'MINE',
      count: await ComplaintModel.countDocuments({ ...mine, state: trusted({ $in: HANDLING }) }),
      link: '/complaints',
    },
    {
      key: 'repliesUnderReview',
      group: 'OTHERS',
      count: await ComplaintModel.countDocuments({ ...mine, state: 'REPLIED' }),
      link: '/complaints',
    },
  ];
}

async function centreQueues(user: SessionUser): Promise<Todo[]> {
  const out: Todo[] = [];
  if (can(user.role, 'reviewSuspectRatings')) {
    out.push({
      key: 'suspectRatings',
      group: 'MINE',
      count: await RatingModel.countDocuments({ suspect: true }),
      link: '/ratings/records?suspect=1',
    });
  }
  if (can(user.role, 'issueNotices')) {
    const waiting = await NoticeModel.countDocuments({ status: 'PUBLISHED', 'receipts.acknowledgedAt': null });
    out.push({ key: 'noticesUnacknowledged', group: 'OTHERS', count: waiting, link: '/notices' });
  }
  if (can(user.role, 'respondForDepartment') && user.departmentId) {
    const mine = { department: new Types.ObjectId(user.departmentId), acknowledgedAt: null };
    const count = await NoticeModel.countDocuments({ status: 'PUBLISHED', receipts: trusted({ $elemMatch: mine }) });
    out.push({ key: 'noticesToAcknowledge', group: 'MINE', count, link: '/notices' });
  }
  if (can(user.role, 'workFollowUps')) {
    const open = await AlertModel.countDocuments({ ...departmentFilter(user), state: 'OPEN' });
    out.push({ key: 'openAlerts', group: 'MINE', count: open, link: '/ratings' });
  }
  return out;
}

/** The viewer's to-do list (inspectors: none of these queues; their rounds are on the patrol page). */
export async function myWork(user: SessionUser): Promise<Todo[]> {
  const now = new Date();
  return [...(await followUps(user, now)), ...(await complaints(user)), ...(await centreQueues(user))];
}
