import { builder } from '../../graphql/builder.js';
import { refKey } from '../../graphql/loaders.js';
import { objectId, text } from '../../graphql/inputs.js';
import { pageArgs, pageType } from '../../graphql/pagination.js';
import { requireUser } from '../accounts/access.js';
import { DepartmentRef } from '../departments/department.schema.js';
import { LayoutRef } from '../documents/layout.schema.js';
import { visibleParts } from '../documents/visibility.js';
import { ViolationRef } from '../inspections/violation.schema.js';
import { noticeLayoutFor } from './annex.service.js';
import { draftInput, draftUpdate, noticeAppealInput } from './notice.inputs.js';
import { NOTICE_STATUSES, type Notice, type Receipt } from './notice.model.js';
import * as service from './notice.service.js';
import * as receipts from './receipt.service.js';

const NoticeStatus = builder.enumType('NoticeStatus', { values: NOTICE_STATUSES });
const AppealDecision = builder.enumType('AppealDecision', {
  values: {
    UPHELD: { description: 'The notice stands' },
    OVERTURNED: { description: 'The appeal succeeds: the lines it contests are dismissed' },
  },
});

type Appeal = NonNullable<Receipt['appeal']>;
const AppealRef = builder.objectRef<Appeal>('NoticeAppeal').implement({
  fields: (t) => ({
    text: t.exposeString('text'),
    at: t.field({ type: 'DateTime', resolve: (a) => a.at }),
    byName: t.exposeString('byName'),
    decision: t.field({ type: AppealDecision, nullable: true, resolve: (a) => a.decision ?? null }),
    reason: t.exposeString('reason'),
    decidedAt: t.field({ type: 'DateTime', nullable: true, resolve: (a) => a.decidedAt }),
    decidedByName: t.string({ resolve: (a) => a.decidedByName ?? '' }),
    violationIds: t.idList({ description: 'The lines contested', resolve: (a) => a.violations }),
    attachmentUrls: t.stringList({ resolve: (a) => a.attachments.map((x) => `/files/${x.file!.toHexString()}`) }),
  }),
});

const ReceiptRef = builder.objectRef<Receipt>('NoticeReceipt').implement({
  description: "A department's acknowledgement (签收) of a published notice, and its appeal",
  fields: (t) => ({
    department: t.field({ type: DepartmentRef, resolve: (r) => refKey(r.department) }),
    acknowledgedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.acknowledgedAt }),
    acknowledgedByName: t.exposeString('acknowledgedByName'),
    appeal: t.field({ type: AppealRef, nullable: true, resolve: (r) => r.appeal ?? null }),
  }),
});

// A liaison sees a notice's parts that concern its own department only.
const NoticeRef = builder.objectRef<Notice>('ViolationNotice').implement({
  description: 'A violation notice (通报) to the departments',
  fields: (t) => ({
    id: t.exposeID('_id'),
    number: t.string({
      nullable: true,
      description: '〔YYYY〕第N号, given at approval',
      resolve: (n) => n.number || null,
    }),
    title: t.exposeString('title'),
    body: t.exposeString('body'),
    periodFrom: t.exposeString('periodFrom'),
    periodTo: t.exposeString('periodTo'),
    status: t.field({ type: NoticeStatus, resolve: (n) => n.status }),
    departments: t.field({
      type: [DepartmentRef],
      resolve: (n, _, ctx) => visibleParts(ctx.user, n.departments, (d) => d).map(String),
    }),
    violations: t.field({
      type: [ViolationRef],
      resolve: async (n, _, ctx) => {
        const all = await ViolationRef.getDataloader(ctx).loadMany(n.violations.map(String));
        return visibleParts(
          ctx.user,
          all.filter((v) => !(v instanceof Error)) as Exclude<(typeof all)[number], Error>[],
          (v) => v.department,
        );
      },
    }),
    createdAt: t.field({ type: 'DateTime', resolve: (n) => (n as unknown as { createdAt: Date }).createdAt }),
    approvedAt: t.field({ type: 'DateTime', nullable: true, resolve: (n) => n.approvedAt }),
    publishedAt: t.field({ type: 'DateTime', nullable: true, resolve: (n) => n.publishedAt }),
    appealDeadline: t.field({ type: 'DateTime', nullable: true, resolve: (n) => n.appealDeadline }),
    receipts: t.field({
      type: [ReceiptRef],
      resolve: (n, _, ctx) => visibleParts<Receipt>(ctx.user, n.receipts as Receipt[], (r) => r.department),
    }),
    layout: t.field({
      type: LayoutRef,
      description: 'The notice as the document it is, for the print view; the same layout as its PDF',
      resolve: (n, _, ctx) => noticeLayoutFor(requireUser(ctx.user), n),
    }),
    pdfUrl: t.string({ resolve: (n) => `/api/notices/${n._id.toHexString()}.pdf` }),
  }),
});

const NoticePage = pageType<Notice>('NoticePage', NoticeRef);

const DraftInput = builder
  .inputType('NoticeDraftInput', {
    fields: (t) => ({
      periodFrom: t.string({ required: true }),
      periodTo: t.string({ required: true }),
      departmentIds: t.idList({ required: true }),
    }),
  })
  .validate(draftInput);

const DraftUpdate = builder
  .inputType('NoticeDraftUpdateInput', { fields: (t) => ({ title: t.string(), body: t.string() }) })
  .validate(draftUpdate);

builder.queryFields((t) => ({
  noticePage: t.field({
    type: NoticePage,
    description: 'Newest first; a liaison sees the published notices naming its department',
    authScopes: { can: 'readNotices' },
    args: { status: t.arg({ type: NoticeStatus }), ...pageArgs(t.arg) },
    resolve: (_, a, ctx) => service.pageNotices(requireUser(ctx.user), a.status, a.page, a.pageSize),
  }),
  notice: t.field({
    type: NoticeRef,
    authScopes: { can: 'readNotices' },
    args: { id: t.arg.id({ required: true, validate: objectId }) },
    resolve: (_, a, ctx) => service.getNotice(requireUser(ctx.user), a.id),
  }),
}));

builder.mutationFields((t) => {
  const id = () => t.arg.id({ required: true, validate: objectId });
  const center = { authScopes: { can: 'issueNotices' }, type: NoticeRef } as const;
  const liaison = { authScopes: { can: 'respondForDepartment' }, type: NoticeRef } as const;
  return {
    createNoticeDraft: t.field({
      ...center,
      description: 'Drafts a notice from the confirmed violations of the period and departments not in another notice',
      args: { input: t.arg({ type: DraftInput, required: true }) },
      resolve: (_, { input }, ctx) => service.createDraft(requireUser(ctx.user), input),
    }),
    updateNoticeDraft: t.field({
      ...center,
      args: { id: id(), input: t.arg({ type: DraftUpdate, required: true }) },
      resolve: (_, a) => service.updateDraft(a.id, a.input),
    }),
    deleteNoticeDraft: t.boolean({
      authScopes: { can: 'issueNotices' },
      description: 'Discards a draft and frees its violations for another notice',
      args: { id: id() },
      resolve: (_, a) => service.deleteDraft(a.id),
    }),
    approveNotice: t.field({
      ...center,
      args: { id: id() },
      resolve: (_, a, ctx) => service.approve(requireUser(ctx.user), a.id),
    }),
    publishNotice: t.field({
      ...center,
      args: { id: id() },
      resolve: (_, a, ctx) => service.publish(requireUser(ctx.user), a.id),
    }),
    acknowledgeNotice: t.field({
      ...liaison,
      description: "Acknowledges receipt (签收) for the liaison's department; repeating it changes nothing",
      args: { id: id() },
      resolve: (_, a, ctx) => receipts.acknowledge(requireUser(ctx.user), a.id),
    }),
    appealNotice: t.field({
      ...liaison,
      description: 'Appeals once, within the appeal period, naming the lines it contests (none: all of its lines)',
      args: {
        id: id(),
        text: t.arg.string({ required: true, validate: noticeAppealInput.shape.text }),
        violationIds: t.arg.idList({ validate: noticeAppealInput.shape.violationIds }),
        attachmentIds: t.arg.idList({
          description: 'Evidence from POST /api/notices/:id/evidence',
          validate: noticeAppealInput.shape.attachmentIds,
        }),
      },
      resolve: (_, a, ctx) => receipts.appeal(requireUser(ctx.user), a.id, a),
    }),
    decideNoticeAppeal: t.field({
      ...center,
      authScopes: { can: 'decideAppeals' },
      args: {
        id: id(),
        departmentId: t.arg.id({ required: true, validate: objectId }),
        decision: t.arg({ type: AppealDecision, required: true }),
        reason: t.arg.string({ required: true, validate: text(500) }),
      },
      resolve: (_, a, ctx) => receipts.decideAppeal(requireUser(ctx.user), a.id, a.departmentId, a.decision, a.reason),
    }),
  };
});
