import { Types, trusted } from 'mongoose';
import type { SessionUser } from '../../graphql/context.js';
import { forbidden, invalidState } from '../../graphql/errors.js';
import { FindingModel } from './finding.model.js';
import { inspectionSettings } from './inspection.settings.js';
import { RoundModel, roundState, type Round } from './round.model.js';
import { getRound, isCenterStaff } from './round.service.js';
import { raiseViolations } from './violation.service.js';
import { localDate } from '../../../../common/time.js';

// Running a round: start it (claiming it when unassigned), save findings window by window
// (finding.service.ts), submit. Every step is one atomic update conditioned on the state.

const mayRun = (user: SessionUser, round: Round) => isCenterStaff(user) || String(round.inspector) === user.id;

/** The round's state when it cannot be the one an action needs, as a coded error. */
export function refuseState(round: Round, wanted: string): never {
  throw invalidState('The round is {{state}}; it must be {{wanted}}', { state: roundState(round), wanted });
}

export async function startRound(user: SessionUser, id: string) {
  const now = new Date();
  const round = await getRound(user, id);
  if (round.status === 'IN_PROGRESS' && mayRun(user, round)) return round; // a repeated tap
  const claim = round.inspector ? {} : { inspector: new Types.ObjectId(user.id), inspectorName: user.displayName };
  const doc = await RoundModel.findOneAndUpdate(
    { _id: round._id, status: 'PLANNED', dueAt: trusted({ $gt: now }), inspector: round.inspector },
    { status: 'IN_PROGRESS', startedAt: now, ...claim },
    { new: true },
  ).lean<Round>();
  if (doc) return doc;
  return refuseState(await getRound(user, id), 'PLANNED and not yet due');
}

/**
 * An unannounced round (不定时巡查), started at once. The client's key makes a resent request
 * (after a lost answer) return the same round instead of starting a second one.
 */
export async function startUnscheduledRound(user: SessionUser, clientKey: string, note?: string | null) {
  const { dueMinutes } = await inspectionSettings.get();
  const now = new Date();
  const slot = `U-${clientKey}`;
  const date = localDate(now);
  const round = await RoundModel.findOneAndUpdate(
    { date, slot },
    {
      $setOnInsert: {
        date,
        slot,
        kind: 'UNSCHEDULED',
        plannedAt: now,
        dueAt: new Date(now.getTime() + dueMinutes * 60_000),
        inspector: new Types.ObjectId(user.id),
        inspectorName: user.displayName,
        status: 'IN_PROGRESS',
        startedAt: now,
        note: note ?? '',
      },
    },
    { upsert: true, new: true },
  ).lean<Round>();
  if (!mayRun(user, round)) throw forbidden('this round');
  return round;
}

/** The round, checked to be one this user may record findings on right now. */
export async function runnableRound(user: SessionUser, id: string) {
  const round = await getRound(user, id);
  if (!mayRun(user, round)) throw forbidden('this round');
  if (round.status !== 'IN_PROGRESS') refuseState(round, 'IN_PROGRESS');
  return round;
}

/**
 * Ends the round: no more findings, violations raised from what it found. Submitting again
 * returns the round as it is (the phone may resend). A late submission is accepted: the round
 * keeps its due time, so a report can tell it was late.
 */
export async function submitRound(user: SessionUser, id: string, note?: string | null) {
  const round = await getRound(user, id);
  if (!mayRun(user, round)) throw forbidden('this round');
  if (round.status === 'SUBMITTED') return round;
  const doc = await RoundModel.findOneAndUpdate(
    { _id: round._id, status: 'IN_PROGRESS' },
    { status: 'SUBMITTED', submittedAt: new Date(), ...(note != null ? { note } : {}) },
    { new: true },
  ).lean<Round>();
  if (!doc) return refuseState(await getRound(user, id), 'IN_PROGRESS');
  return completeSubmission(doc);
}

/** Idempotent second half of a submission; also run for rounds a crash left half-done. */
export async function completeSubmission(round: Round) {
  await FindingModel.updateMany({ round: round._id }, { submitted: true });
  await raiseViolations(round);
  return (await RoundModel.findByIdAndUpdate(round._id, { violationsRaised: true }, { new: true }).lean<Round>())!;
}

/** Finishes submissions interrupted between their two halves (cheap: an indexed query). */
export async function repairSubmissions() {
  const stale = await RoundModel.find({
    status: 'SUBMITTED',
    violationsRaised: false,
    submittedAt: trusted({ $lt: new Date(Date.now() - 60_000) }),
  }).lean<Round[]>();
  for (const r of stale) await completeSubmission(r);
}
