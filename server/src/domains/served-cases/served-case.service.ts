import type { Types } from 'mongoose';
import { localDate } from '../../../../common/time.js';
import { isDuplicateKey } from '../../db.js';
import { AppError } from '../../graphql/errors.js';
import { CASE_SOURCES, ServedCaseModel, type ServedCase } from './served-case.model.js';

// Cases the centre knows were served, reported by the queue or case system or imported. A
// report is idempotent on the case number: the same case reported again changes nothing, and
// its completion is recorded once. Listeners (the window's rating device) hear of completions.

export interface CaseReport {
  caseNumber: string; // normalised (common/ids.ts normalizeCaseNumber)
  window: Types.ObjectId;
  department: Types.ObjectId;
  staff: Types.ObjectId | null;
  serviceItem: Types.ObjectId | null;
  completed: boolean;
  at: Date;
}

type CompletedListener = (c: ServedCase) => Promise<void>;
const completedListeners: CompletedListener[] = [];

/** Called (in this process) whenever a case is first recorded as completed. */
export function onCaseCompleted(listener: CompletedListener) {
  completedListeners.push(listener);
}

/**
 * Records a case served (or completed) at a window. A case already known at another window is
 * refused (CASE_WINDOW_CONFLICT) and changes nothing; at the same window the first report's
 * details stay, and a completion is added once. `created` and `completedNow` say what changed.
 */
export async function recordCase(
  r: CaseReport,
  source: (typeof CASE_SOURCES)[number],
  reportedBy: string,
): Promise<{ servedCase: ServedCase; created: boolean; completedNow: boolean }> {
  let created = false;
  try {
    await ServedCaseModel.create({
      _id: r.caseNumber,
      window: r.window,
      department: r.department,
      staff: r.staff,
      serviceItem: r.serviceItem,
      state: 'SERVED',
      servedAt: r.at,
      day: localDate(r.at),
      source,
      reportedBy,
    });
    created = true;
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
  let known = await ServedCaseModel.findById(r.caseNumber).lean<ServedCase>();
  if (!known) throw new Error(`served case ${r.caseNumber} vanished`);
  if (String(known.window) !== String(r.window))
    throw new AppError('CASE_WINDOW_CONFLICT', 'This case was reported at another window');
  let completedNow = false;
  if (r.completed && known.state !== 'COMPLETED') {
    // Addressed by `_id` alone (an index on every engine); the previous document says which of
    // two racing completions changed it.
    const before = await ServedCaseModel.findOneAndUpdate(
      { _id: r.caseNumber },
      { $set: { state: 'COMPLETED', completedAt: r.at, ...(known.staff ? {} : { staff: r.staff }) } },
      { new: false },
    ).lean<ServedCase>();
    completedNow = before?.state === 'SERVED';
    known = (await ServedCaseModel.findById(r.caseNumber).lean<ServedCase>())!;
    if (completedNow) for (const l of completedListeners) await l(known);
  }
  return { servedCase: known, created, completedNow };
}

/** The case the centre knows under this (normalised) number, or null. */
export const knownCase = (caseNumber: string) => ServedCaseModel.findById(caseNumber).lean<ServedCase>();

/** Marks the case as rated by this submission (after the claim in rated_cases succeeded). */
export async function markCaseRated(caseNumber: string, clientKey: string, at: Date) {
  await ServedCaseModel.updateOne({ _id: caseNumber }, { $set: { ratedBy: clientKey, ratedAt: at } });
}
