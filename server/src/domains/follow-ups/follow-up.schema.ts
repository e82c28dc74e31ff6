import { builder } from '../../graphql/builder.js';
import { objectId } from '../../graphql/inputs.js';
import { refKey } from '../../graphql/loaders.js';
import { pageArgs, pageType } from '../../graphql/pagination.js';
import { canSeeDepartment, requireUser } from '../accounts/access.js';
import { DepartmentRef } from '../departments/department.schema.js';
import { StaffRef } from '../staff/staff.schema.js';
import { WindowRef } from '../windows/window.schema.js';
import { followUpFilter, followUpStep } from './follow-up.inputs.js';
import {
  BAD_RATING_CLASSES,
  CALLBACK_OUTCOMES,
  FOLLOW_UP_STATES,
  RESOLUTIONS,
  type FollowUp,
} from './follow-up.model.js';
import { outcomesFor, waitsForOtherDecider } from './follow-up.steps.js';
import * as service from './follow-up.service.js';
import { RatingRef } from '../ratings/rating.schema.js';

const StateEnum = builder.enumType('FollowUpState', { values: FOLLOW_UP_STATES });
const ActionEnum = builder.enumType('FollowUpAction', {
  values: Object.keys(service.ACTIONS) as service.FollowUpAction[],
});
const OutcomeEnum = builder.enumType('CallbackOutcome', { values: CALLBACK_OUTCOMES });
export const BadRatingClassEnum = builder.enumType('BadRatingClass', {
  description:
    '差评分类 (GB/T 39734 §9): 服务态度, 办事效率, 业务能力, 制度政策原因 (解释说明), 误评/恶意 (申诉), 其他',
  values: BAD_RATING_CLASSES,
});
const ResolutionEnum = builder.enumType('FollowUpResolution', { values: RESOLUTIONS });

type Step = FollowUp['timeline'][number];
const StepRef = builder.objectRef<Step>('FollowUpStep').implement({
  fields: (t) => ({
    at: t.field({ type: 'DateTime', resolve: (s) => s.at }),
    byName: t.exposeString('byName'),
    action: t.exposeString('action'),
    from: t.exposeString('from'),
    to: t.exposeString('to'),
    note: t.exposeString('note'),
  }),
});

type Attachment = FollowUp['attachments'][number];
const AttachmentRef = builder.objectRef<Attachment>('FollowUpAttachment').implement({
  description: 'A photo or PDF recorded with a step (readable at url by staff who may see the follow-up)',
  fields: (t) => ({
    url: t.string({ resolve: (a) => `/files/${a.file.toHexString()}` }),
    contentType: t.exposeString('contentType'),
    action: t.field({ type: ActionEnum, resolve: (a) => a.action as service.FollowUpAction }),
    at: t.field({ type: 'DateTime', resolve: (a) => a.at }),
    byName: t.exposeString('byName'),
  }),
});

const FollowUpRef = builder.objectRef<FollowUp>('FollowUp').implement({
  description: 'The follow-up of one bad rating (差评整改): verify, rectify, call back, close',
  authScopes: (f, ctx) => canSeeDepartment(ctx.user, f.department),
  fields: (t) => ({
    id: t.exposeID('_id'),
    state: t.field({ type: StateEnum, resolve: (f) => f.state }),
    rating: t.field({ type: RatingRef, resolve: (f) => refKey(f.rating) }),
    window: t.field({ type: WindowRef, resolve: (f) => refKey(f.window) }),
    department: t.field({ type: DepartmentRef, resolve: (f) => refKey(f.department) }),
    staff: t.field({ type: StaffRef, nullable: true, resolve: (f) => refKey(f.staff) }),
    ratedAt: t.field({ type: 'DateTime', resolve: (f) => f.ratedAt }),
    dueAt: t.field({ type: 'DateTime', resolve: (f) => f.dueAt }),
    overdue: t.boolean({ resolve: (f) => !service.FINISHED.includes(f.state) && f.dueAt < new Date() }),
    onTime: t.exposeBoolean('onTime', { nullable: true }),
    finding: t.exposeString('finding'),
    responsible: t.exposeString('responsible'),
    action: t.exposeString('action'),
    callbackOutcome: t.field({ type: OutcomeEnum, nullable: true, resolve: (f) => f.callbackOutcome ?? null }),
    callbackNote: t.exposeString('callbackNote'),
    realName: t.boolean({ resolve: (f) => f.realName ?? false }),
    callbackOutcomes: t.field({
      type: [OutcomeEnum],
      description: 'What a call-back may record: 无法回访 for an anonymous rating, a real outcome otherwise',
      resolve: (f) => [...outcomesFor(f.realName ?? false)],
    }),
    category: t.field({ type: BadRatingClassEnum, nullable: true, resolve: (f) => f.category ?? null }),
    rounds: t.int({ description: 'Rectification rounds so far', resolve: (f) => f.rounds ?? 0 }),
    resolution: t.field({ type: ResolutionEnum, nullable: true, resolve: (f) => f.resolution ?? null }),
    appealReason: t.exposeString('appealReason'),
    decisionReason: t.exposeString('decisionReason'),
    trackingCode: t.exposeString('trackingCode', { description: "The citizen's code for the public progress page" }),
    publicResult: t.exposeString('publicResult', { description: 'What was done, as published' }),
    decidedByName: t.exposeString('decidedByName', { description: 'Who decided the appeal (never who filed it)' }),
    decidedAt: t.field({ type: 'DateTime', nullable: true, resolve: (f) => f.decidedAt ?? null }),
    appealDueAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'The appeal period ends then (settings: appealDays working days after the rating)',
      resolve: (f) => f.appealDueAt ?? null,
    }),
    attachments: t.field({ type: [AttachmentRef], resolve: (f) => f.attachments }),
    closedAt: t.field({ type: 'DateTime', nullable: true, resolve: (f) => f.closedAt }),
    timeline: t.field({ type: [StepRef], resolve: (f) => f.timeline }),
    waitsForOtherDecider: t.boolean({
      description: 'An appeal the viewer filed or prepared: someone else decides it (four eyes)',
      resolve: (f, _, ctx) => waitsForOtherDecider(ctx.user, f),
    }),
    allowedActions: t.field({
      type: [ActionEnum],
      description: 'What the viewer may do now',
      resolve: (f, _, ctx) => service.allowedActions(ctx.user, f),
    }),
  }),
});

const FollowUpPage = pageType<FollowUp>('FollowUpPage', FollowUpRef);

const StepInput = builder
  .inputType('FollowUpStepInput', {
    fields: (t) => ({
      note: t.string({ description: 'Appeal reason, decision reason (closeUnresolved too), or a remark' }),
      finding: t.string({ description: 'verify: what happened' }),
      responsible: t.string({ description: 'verify: who was responsible' }),
      action: t.string({ description: 'rectify: what was done' }),
      outcome: t.field({ type: OutcomeEnum, description: 'callBack: how the call went' }),
      category: t.field({ type: BadRatingClassEnum, description: 'verify: the class of the bad rating' }),
      publicResult: t.string({
        description: 'close, closeUnresolved: what was done, as the public page shows it (no names or phones)',
      }),
      attachmentIds: t.idList({ description: 'verify, rectify, appeal: ids from POST /api/follow-ups/:id/evidence' }),
    }),
  })
  .validate(followUpStep);

builder.queryFields((t) => ({
  followUps: t.field({
    type: FollowUpPage,
    description: 'Follow-ups, soonest due first; a liaison sees its own department only',
    authScopes: { can: 'workFollowUps' },
    args: {
      state: t.arg({ type: StateEnum }),
      departmentId: t.arg.id({ validate: followUpFilter.shape.departmentId }),
      windowId: t.arg.id({ validate: followUpFilter.shape.windowId }),
      overdue: t.arg.boolean(),
      unfinished: t.arg.boolean({ description: 'Only those neither closed nor excluded' }),
      ...pageArgs(t.arg),
    },
    resolve: (_, a, ctx) => service.pageFollowUps(ctx.user, a, a.page, a.pageSize),
  }),
  followUp: t.field({
    type: FollowUpRef,
    authScopes: { can: 'workFollowUps' },
    args: { id: t.arg.id({ required: true, validate: objectId }) },
    resolve: (_, a, ctx) => service.getFollowUp(ctx.user, a.id),
  }),
}));

builder.mutationField('advanceFollowUp', (t) =>
  t.field({
    type: FollowUpRef,
    description: 'Takes one step of the follow-up; refused unless the role and the current state allow it',
    authScopes: { can: 'workFollowUps' },
    args: {
      id: t.arg.id({ required: true, validate: objectId }),
      action: t.arg({ type: ActionEnum, required: true }),
      input: t.arg({ type: StepInput }),
    },
    resolve: (_, a, ctx) => service.act(requireUser(ctx.user), a.id, a.action, a.input ?? {}),
  }),
);
