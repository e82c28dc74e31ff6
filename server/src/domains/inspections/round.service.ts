import { Types, trusted } from 'mongoose';
import type { z } from 'zod';
import { can, rolesWith } from '../../../../common/roles.js';
import type { SessionUser } from '../../graphql/context.js';
import { forbidden, invalidState, notFound, validationFailed } from '../../graphql/errors.js';
import { UserModel, type User } from '../accounts/user.model.js';
import { isWorkingDay } from '../calendar/calendar.service.js';
import type { roundFilter } from './inspection.inputs.js';
import { inspectionSettings } from './inspection.settings.js';
import { RoundModel, type Round, type RoundState } from './round.model.js';
import { DAY_MS, localDate, localInstant } from '../../../../common/time.js';

/** The longest range one request may list or generate (two months and a bit). */
export const MAX_RANGE_DAYS = 62;

/** Those who plan rounds see and run every round; an inspector its own and unassigned ones. */
export const isCenterStaff = (u: SessionUser) => can(u.role, 'planPatrols');

/** The local dates from `from` to `to`, inclusive; refused beyond MAX_RANGE_DAYS. */
export function datesBetween(from: string, to: string) {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  if (out.length > MAX_RANGE_DAYS)
    throw validationFailed([{ path: 'to', message: 'at most {{count}} days', params: { count: MAX_RANGE_DAYS } }]);
  return out;
}

/** Duplicate-key errors of an unordered bulk upsert mean another instance won the race: fine. */
function ignoreRaces(err: unknown) {
  const e = err as { code?: number; writeErrors?: Array<{ code?: number }> };
  if (!(e.writeErrors ?? [e]).every((w) => w.code === 11000)) throw err;
}

/** Creates the scheduled rounds of the working days in [from, to] that do not exist yet. */
export async function generateRounds(from: string, to: string) {
  const { roundTimes, dueMinutes } = await inspectionSettings.get();
  const ops = [];
  for (const date of datesBetween(from, to)) {
    if (!(await isWorkingDay(date))) continue;
    for (const [i, time] of roundTimes.entries()) {
      const plannedAt = localInstant(date, time);
      const doc = {
        date,
        slot: `S${i + 1}`,
        kind: 'SCHEDULED' as const,
        plannedAt,
        dueAt: new Date(plannedAt.getTime() + dueMinutes * 60_000),
      };
      ops.push({ updateOne: { filter: { date, slot: doc.slot }, update: { $setOnInsert: doc }, upsert: true } });
    }
  }
  if (!ops.length) return 0;
  const res = await RoundModel.bulkWrite(ops, { ordered: false }).catch((err: unknown) => (ignoreRaces(err), null));
  return res?.upsertedCount ?? 0;
}

/** Only what the stored status cannot say by itself needs the clock. */
function stateFilter(state: RoundState | null | undefined, now: Date) {
  switch (state) {
    case 'MISSED':
      return { status: 'PLANNED', dueAt: trusted({ $lt: now }) };
    case 'OVERDUE':
      return { status: 'IN_PROGRESS', dueAt: trusted({ $lt: now }) };
    case 'PLANNED':
    case 'IN_PROGRESS':
      return { status: state, dueAt: trusted({ $gte: now }) };
    case 'SUBMITTED':
      return { status: state };
    default:
      return {};
  }
}

/** An inspector sees the rounds assigned to it and the unassigned ones it may take. */
export const visibleTo = (user: SessionUser) =>
  isCenterStaff(user) ? {} : { $or: [{ inspector: new Types.ObjectId(user.id) }, { inspector: null }] };

export async function listRounds(user: SessionUser, f: z.output<typeof roundFilter>) {
  datesBetween(f.from, f.to);
  // Today's schedule appears by itself the first time anyone looks (no scheduler needed).
  const today = localDate(new Date());
  if (f.from <= today && today <= f.to) await generateRounds(today, today);
  return RoundModel.find({
    date: trusted({ $gte: f.from, $lte: f.to }),
    ...stateFilter(f.state, new Date()),
    ...(f.inspectorId ? { inspector: new Types.ObjectId(f.inspectorId) } : {}),
    ...visibleTo(user),
  })
    .sort({ plannedAt: 1 })
    .limit(2000)
    .lean<Round[]>();
}

export async function getRound(user: SessionUser, id: string) {
  const round = await RoundModel.findById(id).lean<Round>();
  if (!round) throw notFound('Round');
  if (!isCenterStaff(user) && round.inspector && String(round.inspector) !== user.id) throw forbidden('this round');
  return round;
}

export async function listInspectors() {
  return UserModel.find({ role: trusted({ $in: rolesWith('takeRounds') }), active: true })
    .sort({ role: 1, displayName: 1 })
    .lean<User[]>();
}

/** Assigns (or unassigns, with null) a planned round to an inspector. */
export async function assignRound(id: string, inspectorId: string | null) {
  let name = '';
  if (inspectorId) {
    const u = await UserModel.findOne({
      _id: inspectorId,
      active: true,
      role: trusted({ $in: rolesWith('takeRounds') }),
    }).lean();
    if (!u) throw validationFailed([{ path: 'inspectorId', message: 'not an active inspector' }]);
    name = u.displayName;
  }
  const doc = await RoundModel.findOneAndUpdate(
    { _id: id, status: 'PLANNED', dueAt: trusted({ $gt: new Date() }) },
    { inspector: inspectorId, inspectorName: name },
    { new: true },
  ).lean<Round>();
  if (doc) return doc;
  if (!(await RoundModel.exists({ _id: id }))) throw notFound('Round');
  throw invalidState('Only a planned round that is not yet due can be assigned');
}
