import { Types, trusted } from 'mongoose';
import type { z } from 'zod';
import { can } from '../../../../common/roles.js';
import type { SessionUser } from '../../graphql/context.js';
import { forbidden, invalidState, notFound } from '../../graphql/errors.js';
import { paginate } from '../../graphql/pagination.js';
import { assertDepartment, departmentFilter } from '../accounts/access.js';
import { addWorkingDays } from '../calendar/calendar.service.js';
import type { followUpFilter, FollowUpStep as StepInput } from './follow-up.inputs.js';
import { ACTIONS, assertFits, fieldsFor, type FollowUpAction } from './follow-up.steps.js';
import { FollowUpModel, type FollowUp, type FollowUpState } from './follow-up.model.js';
import { RatingModel, type Rating } from '../ratings/rating.model.js';
import type { RatingSettings } from '../ratings/rating.settings.js';

export const FINISHED: readonly FollowUpState[] = ['CLOSED', 'EXCLUDED'];

/** Opens the follow-up of a bad rating; idempotent, so a resend after a crash completes it. */
export async function openFollowUp(rating: Rating, s: RatingSettings) {
  if (!rating.negative) return;
  const dueAt = await addWorkingDays(rating.createdAt, s.followUpDays);
  await FollowUpModel.updateOne(
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
      },
    },
    { upsert: true },
  );
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

export async function act(user: SessionUser, id: string, action: FollowUpAction, input: StepInput) {
  const f = await getFollowUp(user, id);
  if (!can(user.role, ACTIONS[action].who)) throw forbidden(`the ${action} step`);
  assertFits(action, f);
  const { to, set } = await fieldsFor(action, f, input);
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
    { $set: { ...set, state: to }, $push: { timeline: step } },
    { new: true },
  ).lean<FollowUp>();
  if (!updated) throw invalidState('The follow-up changed meanwhile; reload and try again');
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
