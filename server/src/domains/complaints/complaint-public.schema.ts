import { builder } from '../../graphql/builder.js';
import type { Department } from '../departments/department.model.js';
import type { ServiceItem } from '../service-items/service-item.model.js';
import type { Staff } from '../staff/staff.model.js';
import type { Window } from '../windows/window.model.js';
import { complaintTargetArgs, feedbackInput, lookup, submitComplaintInput } from './complaint.inputs.js';
import { CATEGORIES, SATISFACTION, STATES, SUBJECT_KINDS } from './complaint.model.js';
import * as filing from './complaint-filing.service.js';
import * as tracking from './complaint-tracking.service.js';

// The citizen's side of complaints (no login): the filing form's choices, filing, tracking and
// the "was it resolved?" answer. Names and phones never leave through these types.

export const ComplaintCategoryEnum = builder.enumType('ComplaintCategory', {
  values: {
    ATTITUDE: { description: '服务态度' },
    EFFICIENCY: { description: '办事效率' },
    RULES_FEES: { description: '违规办理、乱收费' },
    INTEGRITY: { description: '廉政问题' },
    ENVIRONMENT: { description: '大厅环境与设施' },
    OTHER: { description: '其他' },
  } satisfies Record<(typeof CATEGORIES)[number], unknown>,
});
export const ComplaintSubjectKindEnum = builder.enumType('ComplaintSubjectKind', { values: SUBJECT_KINDS });
export const ComplaintStateEnum = builder.enumType('ComplaintState', { values: STATES });
export const ComplaintSatisfactionEnum = builder.enumType('ComplaintSatisfaction', { values: SATISFACTION });

const DepartmentOption = builder.objectRef<Department>('ComplaintDepartmentOption').implement({
  fields: (t) => ({
    id: t.exposeID('_id'),
    name: t.exposeString('name'),
    shortName: t.exposeString('shortName'),
  }),
});
const WindowOption = builder.objectRef<Window>('ComplaintWindowOption').implement({
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    departmentId: t.exposeID('department'),
  }),
});
const StaffOption = builder.objectRef<Staff>('ComplaintStaffOption').implement({
  fields: (t) => ({
    id: t.exposeID('_id'),
    name: t.exposeString('name'),
    title: t.exposeString('title'),
  }),
});
const ItemOption = builder.objectRef<ServiceItem>('ComplaintItemOption').implement({
  fields: (t) => ({ id: t.exposeID('_id'), name: t.exposeString('name') }),
});

const Targets = builder.objectRef<Awaited<ReturnType<typeof filing.complaintTargets>>>('ComplaintTargets').implement({
  description: 'What a complaint can concern: the active departments and windows',
  fields: (t) => ({
    departments: t.field({ type: [DepartmentOption], resolve: (r) => r.departments }),
    windows: t.field({ type: [WindowOption], resolve: (r) => r.windows }),
  }),
});
const TargetDetail = builder
  .objectRef<Awaited<ReturnType<typeof filing.complaintTarget>>>('ComplaintTargetDetail')
  .implement({
    fields: (t) => ({
      staff: t.field({ type: [StaffOption], description: 'On duty at the window now', resolve: (r) => r.staff }),
      serviceItems: t.field({ type: [ItemOption], resolve: (r) => r.serviceItems }),
    }),
  });

type Status = Awaited<ReturnType<typeof tracking.publicStatus>>;

const Progress = builder.objectRef<Status['progress'][number]>('ComplaintProgress').implement({
  description: 'A public step: filed, accepted or rejected, the answer, closed, reopened, a public note',
  fields: (t) => ({
    at: t.field({ type: 'DateTime', resolve: (p) => p.at }),
    action: t.exposeString('action'),
    state: t.field({
      type: ComplaintStateEnum,
      nullable: true,
      resolve: (p) => p.state as (typeof STATES)[number] | null,
    }),
    note: t.exposeString('note'),
  }),
});

export const FeedbackRef = builder.objectRef<NonNullable<Status['feedback']>>('ComplaintFeedback').implement({
  fields: (t) => ({
    resolved: t.exposeBoolean('resolved'),
    satisfaction: t.field({ type: ComplaintSatisfactionEnum, resolve: (f) => f.satisfaction }),
    at: t.field({ type: 'DateTime', resolve: (f) => f.at }),
  }),
});

const StatusRef = builder.objectRef<Status>('ComplaintStatus').implement({
  description: "A complaint's progress as its citizen sees it",
  fields: (t) => ({
    trackingCode: t.exposeString('trackingCode'),
    state: t.field({ type: ComplaintStateEnum, resolve: (s) => s.state }),
    category: t.field({ type: ComplaintCategoryEnum, resolve: (s) => s.category }),
    filedAt: t.field({ type: 'DateTime', resolve: (s) => s.filedAt }),
    expectedBy: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'Answer expected by (while one is due)',
      resolve: (s) => s.expectedBy,
    }),
    progress: t.field({ type: [Progress], description: 'Public steps, oldest first', resolve: (s) => s.progress }),
    feedback: t.field({ type: FeedbackRef, nullable: true, resolve: (s) => s.feedback }),
    canGiveFeedback: t.exposeBoolean('canGiveFeedback'),
    reopenableUntil: t.field({ type: 'DateTime', nullable: true, resolve: (s) => s.reopenableUntil }),
  }),
});

const SubmitResult = builder
  .objectRef<Awaited<ReturnType<typeof filing.submitComplaint>>>('SubmitComplaintResult')
  .implement({
    fields: (t) => ({
      trackingCode: t.exposeString('trackingCode'),
      lookupCode: t.exposeString('lookupCode', {
        nullable: true,
        description: 'Anonymous complaints only: the 4 digits to give with the tracking code (others use their phone)',
      }),
      expectedBy: t.field({ type: 'DateTime', resolve: (r) => r.expectedBy }),
    }),
  });

const SubmitComplaintInput = builder
  .inputType('SubmitComplaintInput', {
    fields: (t) => ({
      clientKey: t.string({
        required: true,
        description: 'A UUID made once per submission; resending it returns the same result',
      }),
      subjectKind: t.field({ type: ComplaintSubjectKindEnum, required: true }),
      windowCode: t.string(),
      departmentId: t.id(),
      staffId: t.id(),
      serviceItemId: t.id(),
      category: t.field({ type: ComplaintCategoryEnum, required: true }),
      description: t.string({ required: true }),
      photoIds: t.idList({ description: 'Ids from POST /api/complaints/photos, at most 3' }),
      anonymous: t.boolean({ required: true, description: 'No name and phone, and so no call back' }),
      name: t.string(),
      phone: t.string(),
    }),
  })
  .validate(submitComplaintInput);

const FeedbackInput = builder
  .inputType('ComplaintFeedbackInput', {
    fields: (t) => ({
      trackingCode: t.string({ required: true }),
      contact: t.string({ required: true }),
      resolved: t.boolean({ required: true }),
      satisfaction: t.field({ type: ComplaintSatisfactionEnum, required: true }),
    }),
  })
  .validate(feedbackInput);

builder.queryFields((t) => ({
  complaintTargets: t.field({ type: Targets, resolve: () => filing.complaintTargets() }),
  complaintTarget: t.field({
    type: TargetDetail,
    args: {
      windowCode: t.arg.string({ validate: complaintTargetArgs.shape.windowCode }),
      departmentId: t.arg.id({ validate: complaintTargetArgs.shape.departmentId }),
    },
    resolve: (_, a) => filing.complaintTarget(a),
  }),
  complaintStatus: t.field({
    type: StatusRef,
    nullable: true,
    description:
      "A complaint's progress; contact = the last 4 digits of the phone given (or the anonymous lookup code). Null when either is wrong",
    args: {
      trackingCode: t.arg.string({ required: true, validate: lookup.shape.trackingCode }),
      contact: t.arg.string({ required: true, validate: lookup.shape.contact }),
    },
    resolve: (_, a, ctx) => tracking.statusOf(ctx, a),
  }),
}));

builder.mutationFields((t) => ({
  submitComplaint: t.field({
    type: SubmitResult,
    args: { input: t.arg({ type: SubmitComplaintInput, required: true }) },
    resolve: (_, { input }, ctx) => filing.submitComplaint(ctx, input),
  }),
  giveComplaintFeedback: t.field({
    type: StatusRef,
    description: 'After closing: was it resolved, how satisfied. "Not resolved" within the reopen period reopens it',
    args: { input: t.arg({ type: FeedbackInput, required: true }) },
    resolve: (_, { input }, ctx) => tracking.giveFeedback(ctx, input),
  }),
}));
