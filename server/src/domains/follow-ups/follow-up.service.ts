import { Types, trusted } from 'mongoose';
import type { z } from 'zod';
import { can } from '../../../../common/roles.js';
import type { SessionUser } from '../../graphql/context.js';
import { forbidden, invalidState, notFound, validationFailed } from '../../graphql/errors.js';
import { paginate } from '../../graphql/pagination.js';
import { assertDepartment, departmentFilter } from '../accounts/access.js';
import { addWorkingDays } from '../calendar/calendar.service.js';
import type { followUpFilter, FollowUpStep as StepInput } from './follow-up.inputs.js';
import {
  ACTIONS,
  assertFits,
  assertFourEyes,
  DECISIONS,
  EVIDENCE_STEPS,
  fieldsFor,
  type FollowUpAction,
} from './follow-up.steps.js';
import { claimEvidence } from '../files/evidence.js';
import { publishFix } from './fix-board.service.js';
import { tell, text } from '../notifications/notification.service.js';
import { FollowUpModel, type FollowUp, type FollowUpState } from './follow-up.model.js';
import { RatingModel, type Rating } from '../ratings/rating.model.js';
import type { RatingSettings } from '../ratings/rating.settings.js';

export const FINISHED: readonly FollowUpState[] = ['CLOSED', 'EXCLUDED'];

/**
 * Opens the follow-up of a bad rating; idempotent, so a resend after a crash completes it.
 * Returns it (with the citizen's tracking code), or null for a rating that needs none.
 */
export async function openFollowUp(rating: Rating, s: RatingSettings) {
  if (!rating.negative) return null;
  const dueAt = await addWorkingDays(rating.createdAt, s.followUpDays);
  const appealDueAt = await addWorkingDays(rating.createdAt, s.appealDays);
  const opened = await FollowUpModel.findOneAndUpdate(
    { rating: rating._id },
    {
      $setOnInsert: {
        rating: rating._id,
        window: rating.window,
        department: rating.department,
        staff: rating.staff,
        level: rating.level,
        ratedAt: rating.createdAt,
        bimonth: rating.bimonth,
        state: 'OPEN',
        realName: !!rating.callbackPhone,
        dueAt,
        appealDueAt,
      },
    },
    { upsert: true, new: true },
  ).lean<FollowUp>();
  // The key makes this once per follow-up, however often a resend completes it.
  if (opened) {
    await tell({
      key: `followUp:${String(opened._id)}:opened`,
      kind: 'FOLLOW_UP_ASSIGNED',
      title: text('New bad rating to follow up'),
      body: text('A bad rating came in: verify, rectify and call back within the deadline'),
      link: `/admin/follow-ups?id=${String(opened._id)}`,
      to: { capability: 'respondForDepartment', department: rating.department },
    });
  }
  return opened;
}

export { ACTIONS, allowedActions, type FollowUpAction } from './follow-up.steps.js';

export function pageFollowUps(
  user: SessionUser | null,
  f: z.output<typeof followUpFilter>,
  page: number,
  pageSize: number,
) {
  const now = new Date();
  const filter = {
    ...(f.departmentId ? { department: new Types.ObjectId(f.departmentId) } : {}),
    ...departmentFilter(user),
    ...(f.windowId ? { window: new Types.ObjectId(f.windowId) } : {}),
    ...(f.unfinished ? { state: trusted({ $nin: FINISHED }) } : {}),
    ...(f.state ? { state: f.state } : {}),
    ...(f.overdue === true ? { state: trusted({ $nin: FINISHED }), dueAt: trusted({ $lt: now }) } : {}),
    ...(f.overdue === false ? { $or: [{ state: trusted({ $in: FINISHED }) }, { dueAt: trusted({ $gte: now }) }] } : {}),
  };
  return paginate<FollowUp>(FollowUpModel, filter, { dueAt: 1 }, page, pageSize);
}

export async function getFollowUp(user: SessionUser | null, id: string) {
  const f = await FollowUpModel.findById(id).lean<FollowUp>();
  if (!f) throw notFound('Follow-up');
  assertDepartment(user, f.department, 'this follow-up');
  return f;
}

/** Evidence named by the step, claimed for this follow-up. */
async function evidenceFor(user: SessionUser, action: FollowUpAction, f: FollowUp, input: StepInput) {
  const ids = input.attachmentIds ?? [];
  if (!ids.length) return [];
  if (!EVIDENCE_STEPS.includes(action)) {
    throw validationFailed([
      { path: 'attachmentIds', message: 'Only the verify, rectify and appeal steps take evidence' },
    ]);
  }
  const files = await claimEvidence(ids, evidenceOwner(f._id), `${action}:${f.timeline.length}`);
  return files.map((e) => ({ ...e, action, at: new Date(), byName: user.displayName }));
}

/** Who filed an appeal and who decided it, kept with the decision. */
function peopleFor(user: SessionUser, action: FollowUpAction) {
  if (action === 'appeal') return { appealedBy: user.id };
  if (DECISIONS.includes(action)) return { decidedBy: user.id, decidedByName: user.displayName, decidedAt: new Date() };
  return {};
}

export const evidenceOwner = (id: Types.ObjectId | string) => `followUp:${String(id)}`;

export async function act(user: SessionUser, id: string, action: FollowUpAction, input: StepInput) {
  const f = await getFollowUp(user, id);
  if (!can(user.role, ACTIONS[action].who)) throw forbidden('this step');
  assertFits(action, f);
  assertFourEyes(user, action, f);
  const { to, set } = await fieldsFor(action, f, input);
  const attachments = await evidenceFor(user, action, f, input);
  const step = {
    at: new Date(),
    by: user.id,
    byName: user.displayName,
    action,
    from: f.state,
    to,
    note: input.note?.trim() ?? '',
  };
  const updated = await FollowUpModel.findOneAndUpdate(
    { _id: f._id, state: f.state },
    {
      $set: { ...set, ...peopleFor(user, action), state: to },
      $push: { timeline: step, attachments: { $each: attachments } },
    },
    { new: true },
  ).lean<FollowUp>();
  if (!updated) throw invalidState('The follow-up changed meanwhile; reload and try again');
  if (action === 'close') await publishFix(updated);
  if (action === 'exclude') {
    // Hidden from statistics, never deleted.
    await RatingModel.updateOne(
      { _id: f.rating },
      { excluded: true, counted: false, excludedReason: `申诉获准：${set.decisionReason ?? ''}` },
    );
  }
  return updated;
}

/** A bad rating confirmed as 刷评 needs no rectification: its unfinished follow-up is excluded too. */
export async function excludeFollowUpOf(user: SessionUser, rating: Types.ObjectId, reason: string) {
  const f = await FollowUpModel.findOne({ rating }).lean<FollowUp>();
  if (!f || FINISHED.includes(f.state)) return;
  const step = {
    at: new Date(),
    by: user.id,
    byName: user.displayName,
    action: 'exclude',
    from: f.state,
    to: 'EXCLUDED',
    note: reason,
  };
  await FollowUpModel.updateOne(
    { _id: f._id, state: f.state },
    { $set: { state: 'EXCLUDED', decisionReason: reason, closedAt: new Date() }, $push: { timeline: step } },
  );
}
