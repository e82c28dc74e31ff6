import { Types, trusted } from 'mongoose';
import type { SessionUser } from '../../graphql/context.js';
import { invalidState, notFound, validationFailed, type FieldError } from '../../graphql/errors.js';
import { isDuplicateKey } from '../../db.js';
import { fileInfo } from '../files/file-store.js';
import { onDutyAt } from '../staff/duty.service.js';
import { WindowModel, type Window } from '../windows/window.model.js';
import { listChecklist } from './checklist.service.js';
import { FindingModel, type Finding } from './finding.model.js';
import type { FindingInput } from './inspection.inputs.js';
import { runnableRound } from './round-run.service.js';
import { getRound } from './round.service.js';

export const PHOTO_PURPOSE = 'patrol-photo';

/** Where the admin and the phone load a patrol photo from (staff only, see files.routes.ts). */
export const photoUrl = (id: Types.ObjectId) => `/files/${id.toHexString()}`;

/** A resent save may arrive long after it was made: trust its time only within the round. */
function observedTime(given: Date | null | undefined, startedAt: Date | null) {
  const now = Date.now();
  const t = given?.getTime() ?? now;
  return new Date(Math.min(now, Math.max(t, startedAt?.getTime() ?? now)));
}

async function check(win: Window, input: FindingInput, at: Date) {
  const errors: FieldError[] = [];
  const onDuty = new Set(((await onDutyAt([String(win._id)], at)).get(String(win._id)) ?? []).map(String));
  input.marks.forEach((m, i) => {
    if (!onDuty.has(m.staffId)) errors.push({ path: `marks.${i}.staffId`, message: 'not on duty at this window' });
  });
  const marked = new Set(input.marks.map((m) => m.staffId));
  const checks = new Set((await listChecklist(true)).filter((r) => r.kind === 'CHECK').map((r) => r.code));
  input.failures.forEach((f, i) => {
    if (!checks.has(f.code)) errors.push({ path: `failures.${i}.code`, message: 'not an active checklist item' });
    if (f.staffId && !marked.has(f.staffId))
      errors.push({ path: `failures.${i}.staffId`, message: 'not marked at this window' });
  });
  for (const [i, id] of input.photoIds.entries()) {
    const info = await fileInfo(id);
    if (info?.meta.purpose !== PHOTO_PURPOSE) errors.push({ path: `photoIds.${i}`, message: 'not a patrol photo' });
  }
  if (errors.length) throw validationFailed(errors);
}

/**
 * Saves what the round saw at one window. Idempotent: the stored finding is replaced only by a
 * save with a higher `seq` (the client numbers its edits), so a resent or late-arriving old save
 * changes nothing and gets the current finding back.
 */
export async function saveFinding(user: SessionUser, roundId: string, windowId: string, input: FindingInput) {
  const round = await runnableRound(user, roundId);
  const win = await WindowModel.findById(windowId).lean<Window>();
  if (!win) throw notFound('Window');
  if (!win.active) throw invalidState('The window is not active');
  const observedAt = observedTime(input.observedAt, round.startedAt ?? null);
  await check(win, input, observedAt);
  const fallback = input.marks[0]?.staffId ?? null;
  const doc = {
    department: win.department,
    observedAt,
    marks: input.marks.map((m) => ({ staff: m.staffId, presence: m.presence, reason: m.reason ?? '' })),
    failures: input.failures.map((f) => ({ code: f.code, staff: f.staffId ?? fallback })),
    photos: input.photoIds.map((id) => new Types.ObjectId(id)),
    note: input.note ?? '',
    clientKey: input.clientKey,
    seq: input.seq,
    savedBy: user.id,
  };
  try {
    return await FindingModel.findOneAndUpdate(
      { round: round._id, window: win._id, seq: trusted({ $lt: input.seq }) },
      { $set: doc },
      { upsert: true, new: true, runValidators: true },
    ).lean<Finding>();
  } catch (err) {
    // The filter missed an existing finding with an equal or newer seq: the upsert collided.
    if (!isDuplicateKey(err)) throw err;
    return (await FindingModel.findOne({ round: round._id, window: win._id }).lean<Finding>())!;
  }
}

export async function listFindings(user: SessionUser, roundId: string) {
  const round = await getRound(user, roundId);
  return FindingModel.find({ round: round._id }).sort({ observedAt: 1 }).lean<Finding[]>();
}
