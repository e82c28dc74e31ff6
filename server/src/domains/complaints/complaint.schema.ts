import { builder } from '../../graphql/builder.js';
import { objectId, text } from '../../graphql/inputs.js';
import { refKey } from '../../graphql/loaders.js';
import { pageArgs, pageType } from '../../graphql/pagination.js';
import { requireUser } from '../accounts/access.js';
import { DepartmentRef } from '../departments/department.schema.js';
import { canSeeComplaint, canSeePhone } from './complaint.access.js';
import { complaintSettings, overdueStep } from './complaint.deadlines.js';
import type { Complaint, ComplaintEvent } from './complaint.model.js';
import {
  ComplaintCategoryEnum,
  ComplaintStateEnum,
  ComplaintSubjectKindEnum,
  FeedbackRef,
} from './complaint-public.schema.js';
import * as queries from './complaint-query.service.js';
import { visibleTimeline } from './complaint-tracking.service.js';
import { ACTION_NAMES, allowedActions } from './complaint-workflow.service.js';
import * as workflow from './complaint-workflow.service.js';
import { maskPhone } from '../../../../common/phone.js';
import { complaintActionInput, complaintFilter, complaintSettingsUpdate } from './complaint.inputs.js';

// The staff side of complaints: the inbox, the detail with its timeline and the actions the
// viewer may take, notes, duplicate links and the deadline settings. Dashboard figures are in
// complaint-stats.schema.ts.

const ActionEnum = builder.enumType('ComplaintAction', { values: ACTION_NAMES });
const DeadlineEnum = builder.enumType('ComplaintDeadline', { values: ['ACCEPT', 'REPLY'] as const });

const SubjectRef = builder.objectRef<Complaint['subject']>('ComplaintSubject').implement({
  description: 'What the complaint concerns, with names as they were when it was filed',
  fields: (t) => ({
    kind: t.field({ type: ComplaintSubjectKindEnum, resolve: (s) => s.kind }),
    windowCode: t.exposeString('windowCode', { nullable: true }),
    windowName: t.exposeString('windowName', { nullable: true }),
    departmentId: t.exposeID('department'),
    departmentName: t.exposeString('departmentName'),
    staffName: t.exposeString('staffName', { nullable: true }),
    serviceItemName: t.exposeString('serviceItemName', { nullable: true }),
  }),
});

const EventRef = builder.objectRef<ComplaintEvent>('ComplaintEvent').implement({
  fields: (t) => ({
    at: t.field({ type: 'DateTime', resolve: (e) => e.at }),
    actorName: t.string({
      nullable: true,
      description: 'Null for the citizen',
      resolve: (e) => (e.actor ? e.actorName : null),
    }),
    action: t.exposeString('action', { description: 'SUBMIT, a ComplaintAction, NOTE, LINK, UNLINK or FEEDBACK' }),
    from: t.field({ type: ComplaintStateEnum, nullable: true, resolve: (e) => e.from as Complaint['state'] | null }),
    to: t.field({ type: ComplaintStateEnum, nullable: true, resolve: (e) => e.to as Complaint['state'] | null }),
    note: t.exposeString('note'),
    public: t.exposeBoolean('public', { description: 'Shown to the citizen on the tracking page' }),
  }),
});

export const ComplaintRef = builder.objectRef<Complaint>('Complaint');
ComplaintRef.implement({
  description: 'A citizen complaint (投诉) and its handling',
  authScopes: (c, ctx) => canSeeComplaint(ctx.user, c),
  fields: (t) => ({
    id: t.exposeID('_id'),
    trackingCode: t.exposeString('trackingCode'),
    state: t.field({ type: ComplaintStateEnum, resolve: (c) => c.state }),
    category: t.field({ type: ComplaintCategoryEnum, resolve: (c) => c.category }),
    subject: t.field({ type: SubjectRef, resolve: (c) => c.subject }),
    description: t.exposeString('description'),
    photoUrls: t.stringList({ resolve: (c) => c.photos.map((id) => `/files/${id.toHexString()}`) }),
    anonymous: t.exposeBoolean('anonymous'),
    name: t.exposeString('name', { nullable: true }),
    phone: t.string({
      nullable: true,
      description: 'In full for managers and the liaison handling it, else masked (138****1234)',
      resolve: (c, _, ctx) => (canSeePhone(ctx.user, c) ? c.phone : maskPhone(c.phone)),
    }),
    filedAt: t.field({ type: 'DateTime', resolve: (c) => c.createdAt }),
    acceptDueAt: t.field({ type: 'DateTime', resolve: (c) => c.acceptDueAt }),
    replyDueAt: t.field({ type: 'DateTime', resolve: (c) => c.replyDueAt }),
    overdue: t.field({
      type: DeadlineEnum,
      nullable: true,
      description: 'The deadline missed, if any: escalated to managers',
      resolve: (c) => overdueStep(c),
    }),
    acceptedAt: t.field({ type: 'DateTime', nullable: true, resolve: (c) => c.acceptedAt }),
    repliedAt: t.field({ type: 'DateTime', nullable: true, resolve: (c) => c.repliedAt }),
    repliedOnTime: t.exposeBoolean('repliedOnTime', { nullable: true }),
    closedAt: t.field({ type: 'DateTime', nullable: true, resolve: (c) => c.closedAt }),
    calledBack: t.exposeBoolean('calledBack', { nullable: true }),
    reopenCount: t.exposeInt('reopenCount'),
    assignedTo: t.field({ type: DepartmentRef, nullable: true, resolve: (c) => refKey(c.assignedTo) }),
    handlerName: t.string({
      nullable: true,
      resolve: (c) => (c.handler ? (c.timeline.findLast((e) => e.action === 'INVESTIGATE')?.actorName ?? null) : null),
    }),
    // `public` as the citizen sees it now: a reply turns public when the centre approves it.
    timeline: t.field({ type: [EventRef], resolve: (c) => visibleTimeline(c.timeline) }),
    allowedActions: t.field({
      type: [ActionEnum],
      description: 'What the viewer may do now',
      resolve: (c, _, ctx) => allowedActions(ctx.user, c),
    }),
    feedback: t.field({ type: FeedbackRef, nullable: true, resolve: (c) => c.feedback ?? null }),
    duplicateOf: t.field({
      type: ComplaintRef,
      nullable: true,
      resolve: (c, _, ctx) => queries.originalOf(ctx.user, c),
    }),
    duplicates: t.field({
      type: [ComplaintRef],
      description: 'Linked to this one as duplicates',
      resolve: (c, _, ctx) => queries.linkedDuplicates(ctx.user, c),
    }),
    possibleDuplicates: t.field({
      type: [ComplaintRef],
      description: 'Open complaints about the same window and category within 7 days',
      resolve: (c, _, ctx) => queries.possibleDuplicates(ctx.user, c),
    }),
  }),
});

const ComplaintPage = pageType<Complaint>('ComplaintPage', ComplaintRef);

const ActionInput = builder
  .inputType('ComplaintActionInput', {
    fields: (t) => ({
      action: t.field({ type: ActionEnum, required: true }),
      note: t.string({ description: 'Required for REJECT (the reason), REPLY (the answer), RETURN and REOPEN' }),
      departmentId: t.id({ description: 'ASSIGN: the department to handle it' }),
      calledBack: t.boolean({ description: 'CLOSE: the citizen was called back (required unless anonymous)' }),
    }),
  })
  .validate(complaintActionInput);

const SettingsRef = builder
  .objectRef<Awaited<ReturnType<typeof complaintSettings.get>>>('ComplaintSettings')
  .implement({
    fields: (t) => ({
      acceptDays: t.exposeInt('acceptDays', { description: 'Working days to accept or reject' }),
      replyDays: t.exposeInt('replyDays', { description: 'Working days to answer the citizen' }),
      reopenDays: t.exposeInt('reopenDays', {
        description: 'Calendar days after closing in which the citizen may reopen',
      }),
    }),
  });

const SettingsInput = builder
  .inputType('ComplaintSettingsInput', {
    fields: (t) => ({ acceptDays: t.int(), replyDays: t.int(), reopenDays: t.int() }),
  })
  .validate(complaintSettingsUpdate);

builder.queryFields((t) => ({
  complaints: t.field({
    type: ComplaintPage,
    description: 'The inbox, newest first; a liaison gets those assigned to its department',
    authScopes: { can: 'handleComplaints' },
    args: {
      state: t.arg({ type: ComplaintStateEnum }),
      overdue: t.arg.boolean(),
      departmentId: t.arg.id({ validate: complaintFilter.shape.departmentId }),
      category: t.arg({ type: ComplaintCategoryEnum }),
      search: t.arg.string({ validate: complaintFilter.shape.search }),
      ...pageArgs(t.arg),
    },
    resolve: (_, a, ctx) => queries.pageComplaints(ctx.user, a, a.page, a.pageSize),
  }),
  complaint: t.field({
    type: ComplaintRef,
    authScopes: { can: 'handleComplaints' },
    args: { id: t.arg.id({ required: true, validate: objectId }) },
    resolve: (_, a, ctx) => workflow.loadComplaint(ctx.user, a.id),
  }),
  complaintsOverdue: t.int({
    description: 'How many of the viewer’s complaints are past a deadline now',
    authScopes: { can: 'handleComplaints' },
    resolve: (_, __, ctx) => queries.countOverdue(ctx.user),
  }),
  complaintSettings: t.field({
    type: SettingsRef,
    authScopes: { can: 'handleComplaints' },
    resolve: () => complaintSettings.get(),
  }),
}));

builder.mutationFields((t) => ({
  actOnComplaint: t.field({
    type: ComplaintRef,
    description: 'Takes one workflow step (see allowedActions)',
    authScopes: { can: 'handleComplaints' },
    args: { id: t.arg.id({ required: true, validate: objectId }), input: t.arg({ type: ActionInput, required: true }) },
    resolve: (_, { id, input }, ctx) => workflow.act(requireUser(ctx.user), id, input),
  }),
  addComplaintNote: t.field({
    type: ComplaintRef,
    authScopes: { can: 'handleComplaints' },
    args: {
      id: t.arg.id({ required: true, validate: objectId }),
      note: t.arg.string({ required: true, validate: text(2000) }),
      public: t.arg.boolean({ required: true, description: 'Shown to the citizen' }),
    },
    resolve: (_, a, ctx) => workflow.addNote(requireUser(ctx.user), a.id, a.note, a.public),
  }),
  linkComplaint: t.field({
    type: ComplaintRef,
    description: 'Marks the complaint a duplicate of another; null undoes it',
    authScopes: { can: 'manageComplaints' },
    args: { id: t.arg.id({ required: true, validate: objectId }), duplicateOfId: t.arg.id({ validate: objectId }) },
    resolve: (_, a, ctx) => workflow.linkDuplicate(requireUser(ctx.user), a.id, a.duplicateOfId ?? null),
  }),
  updateComplaintSettings: t.field({
    type: SettingsRef,
    description: 'Applies to complaints filed from now on',
    authScopes: { can: 'editComplaintSettings' },
    args: { input: t.arg({ type: SettingsInput, required: true }) },
    resolve: (_, { input }, ctx) => complaintSettings.update(input, ctx.user!.id),
  }),
}));
