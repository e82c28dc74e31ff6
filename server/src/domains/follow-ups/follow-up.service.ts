import { Types, trusted } from 'mongoose';
import type { z } from 'zod';
import { can, type Capability } from '../../../../common/roles.js';
import type { SessionUser } from '../../graphql/context.js';
import { forbidden, invalidState, notFound, validationFailed } from '../../graphql/errors.js';
import { paginate } from '../../graphql/pagination.js';
import { assertDepartment, departmentFilter } from '../accounts/access.js';
import { addWorkingDays } from '../calendar/calendar.service.js';
import type { followUpFilter, FollowUpStep as StepInput } from './follow-up.inputs.js';
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
        dueAt,
      },
    },
    { upsert: true },
  );
}

// The follow-up state machine. Each action moves from given states to one state, atomically
// (the expected state is part of the update's filter), appends to the timeline and is audited.
// `who` is the capability the step needs (common/roles.ts).
export const ACTIONS = {
  verify: { from: ['OPEN'], to: 'VERIFIED', who: 'workFollowUps' },
  rectify: { from: ['VERIFIED'], to: 'RECTIFIED', who: 'workFollowUps' },
  callBack: { from: ['RECTIFIED'], to: 'CALLED_BACK', who: 'callBack' },
  close: { from: ['CALLED_BACK'], to: 'CLOSED', who: 'closeFollowUps' },
  appeal: { from: ['OPEN', 'VERIFIED', 'RECTIFIED'], to: 'APPEALED', who: 'workFollowUps' },
  exclude: { from: ['APPEALED'], to: 'EXCLUDED', who: 'decideAppeals' },
  reinstate: { from: ['APPEALED'], to: null, who: 'decideAppeals' }, // back to where the appeal began
} as const satisfies Record<string, { from: readonly FollowUpState[]; to: FollowUpState | null; who: Capability }>;
export type FollowUpAction = keyof typeof ACTIONS;

/** What this user may do to this follow-up now (drives the buttons on the page). */
export function allowedActions(user: SessionUser | null, f: FollowUp): FollowUpAction[] {
  if (!user) return [];
  return (Object.keys(ACTIONS) as FollowUpAction[]).filter((a) => {
    const rule = ACTIONS[a];
    return (rule.from as readonly string[]).includes(f.state) && can(user.role, rule.who);
  });
}

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

/** The fields an action records, checked against what it needs. */
async function fieldsFor(action: FollowUpAction, f: FollowUp, input: StepInput) {
  const need = (path: keyof StepInput) => {
    if (!input[path]?.toString().trim()) throw validationFailed([{ path, message: 'required' }]);
    return String(input[path]).trim();
  };
  switch (action) {
    case 'verify':
      return { finding: need('finding'), responsible: input.responsible?.trim() ?? '' };
    case 'rectify':
      return { action: need('action') };
    case 'callBack': {
      const outcome = need('outcome');
      const rating = await RatingModel.findById(f.rating).lean<Rating>();
      // Real-name (phone given) bad ratings are called back without exception.
      if (rating?.callbackPhone && outcome === 'NO_CONTACT') {
        throw validationFailed([{ path: 'outcome', message: 'the citizen left a phone number: call them back' }]);
      }
      return { callbackOutcome: outcome, callbackNote: input.note?.trim() ?? '' };
    }
    case 'close': {
      const closedAt = new Date();
      return { closedAt, onTime: closedAt <= f.dueAt };
    }
    case 'appeal':
      return { appealReason: need('note'), stateBeforeAppeal: f.state };
    case 'exclude':
    case 'reinstate':
      return { decisionReason: need('note') };
  }
}

export async function act(user: SessionUser, id: string, action: FollowUpAction, input: StepInput) {
  const f = await getFollowUp(user, id);
  const rule = ACTIONS[action];
  if (!can(user.role, rule.who)) throw forbidden('this step');
  if (!(rule.from as readonly string[]).includes(f.state))
    throw invalidState('Cannot {{action}} a follow-up that is {{state}}', { action, state: f.state });
  const to = (rule.to ?? f.stateBeforeAppeal ?? 'OPEN') as FollowUpState;
  const set = await fieldsFor(action, f, input);
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
    await RatingModel.updateOne({ _id: f.rating }, { excluded: true, counted: false });
  }
  return updated;
}
