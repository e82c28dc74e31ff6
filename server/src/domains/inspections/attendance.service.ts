import { Types, trusted, type PipelineStage } from 'mongoose';
import type { z } from 'zod';
import type { SessionUser } from '../../graphql/context.js';
import { departmentFilter } from '../accounts/access.js';
import { FindingModel } from './finding.model.js';
import type { attendanceFilter } from './inspection.inputs.js';
import { inspectionSettings } from './inspection.settings.js';
import { datesBetween } from './round.service.js';
import { SignInModel } from './signin.model.js';
import { endOfLocalDay, localInstant } from '../../../../common/time.js';

export const ATTENDANCE_GROUPS = ['STAFF', 'WINDOW', 'DEPARTMENT'] as const;
export type AttendanceGroup = (typeof ATTENDANCE_GROUPS)[number];

export interface AttendanceRow {
  key: string;
  group: AttendanceGroup;
  /** Times a submitted round saw this person / window / department's people. */
  observations: number;
  onPost: number;
  /** Away with a stated reason: counts as present. */
  excused: number;
  away: number;
  absent: number;
  /** (on post + excused) / observations; null without observations. */
  rate: number | null;
  signInDays: number;
  late: number;
  leftEarly: number;
}

const count = (cond: unknown) => ({ $sum: { $cond: [cond, 1, 0] } });
const KEY = { STAFF: '$marks.staff', WINDOW: '$window', DEPARTMENT: '$department' } as const;

/** Patrol observations grouped in the database by `key` (e.g. one row per staff member; bulletins group finer). */
export function patrolPipeline(match: Record<string, unknown>, key: unknown): PipelineStage[] {
  const away = { $eq: ['$marks.presence', 'AWAY'] };
  return [
    { $match: match },
    { $unwind: '$marks' },
    {
      $group: {
        _id: key,
        observations: { $sum: 1 },
        onPost: count({ $eq: ['$marks.presence', 'ON_POST'] }),
        excused: count({ $and: [away, { $ne: ['$marks.reason', ''] }] }),
        away: count({ $and: [away, { $eq: ['$marks.reason', ''] }] }),
        absent: count({ $eq: ['$marks.presence', 'ABSENT'] }),
      },
    },
  ];
}

async function signInStats(from: string, to: string, dept: Record<string, unknown>, group: AttendanceGroup) {
  if (group === 'WINDOW') return new Map<string, { days: number; late: number; early: number }>();
  const { workStart, workEnd } = await inspectionSettings.get();
  const rows = await SignInModel.aggregate<{ _id: unknown; days: number; late: number; early: number }>([
    { $match: { date: trusted({ $gte: from, $lte: to }), ...dept } },
    {
      $group: {
        _id: group === 'STAFF' ? '$staff' : '$department',
        days: { $sum: 1 },
        // "HH:MM" strings compare in time order; a missing time is null, which sorts first.
        late: count({ $gt: ['$signIn', workStart] }),
        early: count({ $and: [{ $ne: ['$signOut', null] }, { $lt: ['$signOut', workEnd] }] }),
      },
    },
  ]);
  return new Map(rows.map((r) => [String(r._id), r]));
}

export async function attendance(
  user: SessionUser,
  { groupBy: group, ...f }: z.output<typeof attendanceFilter>,
): Promise<AttendanceRow[]> {
  datesBetween(f.from, f.to);
  const dept = {
    ...(f.departmentId ? { department: new Types.ObjectId(f.departmentId) } : {}),
    ...departmentFilter(user),
  };
  const match = {
    submitted: true,
    observedAt: trusted({ $gte: localInstant(f.from, '00:00'), $lte: endOfLocalDay(f.to) }),
    ...dept,
  };
  const [patrol, signIns] = await Promise.all([
    FindingModel.aggregate<
      Omit<AttendanceRow, 'key' | 'group' | 'rate' | 'signInDays' | 'late' | 'leftEarly'> & { _id: unknown }
    >(patrolPipeline(match, KEY[group])),
    signInStats(f.from, f.to, dept, group),
  ]);
  const zero = { observations: 0, onPost: 0, excused: 0, away: 0, absent: 0 };
  const keys = new Set([...patrol.map((p) => String(p._id)), ...signIns.keys()]);
  const byKey = new Map(patrol.map((p) => [String(p._id), p]));
  return [...keys]
    .map((key) => {
      const { _id, ...p } = byKey.get(key) ?? { _id: key, ...zero };
      const s = signIns.get(key);
      const rate = p.observations ? (p.onPost + p.excused) / p.observations : null;
      return {
        key,
        group,
        ...p,
        rate,
        signInDays: s?.days ?? 0,
        late: s?.late ?? 0,
        leftEarly: s?.early ?? 0,
      };
    })
    .sort((a, b) => (a.rate ?? 2) - (b.rate ?? 2) || b.observations - a.observations);
}
