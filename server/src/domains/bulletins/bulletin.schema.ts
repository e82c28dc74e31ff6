import { builder } from '../../graphql/builder.js';
import type { Context } from '../../graphql/context.js';
import { objectId, text } from '../../graphql/inputs.js';
import { pageArgs, pageType } from '../../graphql/pagination.js';
import { requireUser } from '../accounts/access.js';
import { LayoutRef } from '../documents/layout.schema.js';
import { visibleParts } from '../documents/visibility.js';
import { can } from '../../../../common/roles.js';
import { bulletinText, periodInput, staffIds } from './bulletin.inputs.js';
import { bulletinLayoutFor } from './bulletin.layout.js';
import type { Bulletin, BulletinReceipt } from './bulletin.model.js';
import * as query from './bulletin.query.js';
import * as service from './bulletin.service.js';
import {
  BulletinStatus,
  CandidateRef,
  CenterRef,
  GradeCounts,
  PeriodRef,
  ReceiptRef,
  RowRef,
  TrendRef,
  withName,
} from './bulletin.types.js';
import { resolvePeriod } from './period.js';

const isCenter = (ctx: Context) => can(ctx.user?.role, 'compileBulletins');

const BulletinRef = builder.objectRef<Bulletin>('Bulletin').implement({
  description: 'A bulletin (简报): a stored snapshot of a period’s figures, scores and ranks',
  fields: (t) => ({
    id: t.exposeID('_id'),
    number: t.string({
      nullable: true,
      description: '〔YYYY〕第N期, given at publication',
      resolve: (b) => b.number || null,
    }),
    title: t.exposeString('title'),
    commentary: t.exposeString('commentary'),
    period: t.field({ type: PeriodRef, resolve: (b) => b.period }),
    previousPeriod: t.field({ type: PeriodRef, resolve: (b) => b.snapshot.previous }),
    status: t.field({ type: BulletinStatus, resolve: (b) => b.status }),
    generatedAt: t.field({ type: 'DateTime', resolve: (b) => b.generatedAt }),
    submittedAt: t.field({ type: 'DateTime', nullable: true, resolve: (b) => b.submittedAt }),
    publishedAt: t.field({ type: 'DateTime', nullable: true, resolve: (b) => b.publishedAt }),
    returnedReason: t.exposeString('returnedReason'),
    center: t.field({ type: CenterRef, description: 'Center-wide totals', resolve: (b) => b.snapshot.center }),
    departmentGrades: t.field({ type: GradeCounts, resolve: (b) => b.snapshot.departmentGrades }),
    windowGrades: t.field({ type: GradeCounts, resolve: (b) => b.snapshot.windowGrades }),
    departments: t.field({
      type: [RowRef],
      description: 'The department ranking',
      resolve: (b) => b.snapshot.departments,
    }),
    windows: t.field({
      type: [RowRef],
      description: "A liaison gets its department's",
      resolve: (b, _, ctx) => query.visible(ctx.user, b.snapshot.windows),
    }),
    staff: t.field({
      type: [RowRef],
      description: "A liaison gets its department's",
      resolve: (b, _, ctx) => query.visible(ctx.user, b.snapshot.staff),
    }),
    smileStars: t.field({
      type: [RowRef],
      description: '微笑之星, published with the bulletin',
      resolve: (b) => query.smileStars(b),
    }),
    candidates: t.field({
      type: [CandidateRef],
      description: 'Smile-star candidates by rule (center staff only)',
      resolve: (b, _, ctx) =>
        isCenter(ctx) ? b.snapshot.candidates.map((c) => ({ ...c, picked: b.stars.includes(c.staffId) })) : [],
    }),
    trend: t.field({
      type: [TrendRef],
      description: 'Center-wide ratings per month',
      resolve: (b) => query.trendOf(b),
    }),
    receipts: t.field({
      type: [ReceiptRef],
      resolve: (b, _, ctx) =>
        visibleParts<BulletinReceipt>(ctx.user, b.receipts, (r) => r.department).map((r) => withName(b, r)),
    }),
    layout: t.field({
      type: LayoutRef,
      description:
        "The bulletin as printed, as in its PDF: whole, or one department's part; a liaison always gets its own part",
      args: { departmentId: t.arg.id({ validate: objectId }) },
      resolve: (b, a, ctx) => bulletinLayoutFor(requireUser(ctx.user), b, a.departmentId),
    }),
    starMax: t.int({ resolve: (b) => b.snapshot.rules.starMax }),
    bottomN: t.int({ resolve: (b) => b.snapshot.rules.bottomN }),
    pdfUrl: t.string({ resolve: (b) => `/api/bulletins/${b._id.toHexString()}.pdf` }),
  }),
});

const PartRef = builder.objectRef<query.BulletinPart>('BulletinPart').implement({
  description: "One department's part of a bulletin, as sent to it",
  fields: (t) => ({
    bulletin: t.field({ type: BulletinRef, resolve: (p) => p.bulletin }),
    department: t.field({ type: RowRef, resolve: (p) => p.department }),
    windows: t.field({ type: [RowRef], resolve: (p) => p.windows }),
    staff: t.field({ type: [RowRef], resolve: (p) => p.staff }),
    smileStars: t.field({ type: [RowRef], resolve: (p) => p.smileStars }),
    trend: t.field({ type: [TrendRef], resolve: (p) => p.trend }),
    receipt: t.field({
      type: ReceiptRef,
      nullable: true,
      resolve: (p) => (p.receipt ? withName(p.bulletin, p.receipt) : null),
    }),
    rankedDepartments: t.exposeInt('rankedDepartments'),

    pdfUrl: t.string({
      resolve: (p) => `/api/bulletins/${p.bulletin._id.toHexString()}.pdf?department=${p.department.id}`,
    }),
  }),
});

const BulletinPage = pageType<Bulletin>('BulletinPage', BulletinRef);

const PeriodInput = builder
  .inputType('PeriodInput', {
    description: 'A period key (2026-B6 bimonth, 2026-H2 half-year, 2026 year), or a from/to range of local dates',
    fields: (t) => ({ key: t.string(), from: t.string(), to: t.string() }),
  })
  .validate(periodInput);

const TextInput = builder
  .inputType('BulletinTextInput', { fields: (t) => ({ title: t.string(), commentary: t.string() }) })
  .validate(bulletinText);

builder.queryFields((t) => ({
  bulletinPage: t.field({
    type: BulletinPage,
    description: 'Newest period first; a liaison sees the published ones',
    authScopes: { can: 'readBulletins' },
    args: { status: t.arg({ type: BulletinStatus }), ...pageArgs(t.arg) },
    resolve: (_, a, ctx) => query.pageBulletins(requireUser(ctx.user), a.status, a.page, a.pageSize),
  }),
  bulletin: t.field({
    type: BulletinRef,
    authScopes: { can: 'readBulletins' },
    args: { id: t.arg.id({ required: true, validate: objectId }) },
    resolve: (_, a, ctx) => query.getBulletin(requireUser(ctx.user), a.id),
  }),
  bulletinPart: t.field({
    type: PartRef,
    description: "A department's part; a liaison may only ask for its own",
    authScopes: { can: 'readBulletins' },
    args: {
      id: t.arg.id({ required: true, validate: objectId }),
      departmentId: t.arg.id({ required: true, validate: objectId }),
    },
    resolve: (_, a, ctx) => query.getPart(requireUser(ctx.user), a.id, a.departmentId),
  }),
}));

builder.mutationFields((t) => {
  const id = () => t.arg.id({ required: true, validate: objectId });
  const center = { authScopes: { can: 'compileBulletins' }, type: BulletinRef } as const;
  return {
    generateBulletin: t.field({
      ...center,
      description: "Computes the period's figures into a draft (or recomputes its draft); refused once it is in review",
      args: { period: t.arg({ type: PeriodInput, required: true }) },
      resolve: (_, a, ctx) => service.generate(requireUser(ctx.user), resolvePeriod(a.period)),
    }),
    regenerateBulletin: t.field({
      ...center,
      args: { id: id() },
      resolve: (_, a, ctx) => service.regenerate(requireUser(ctx.user), a.id),
    }),
    updateBulletinText: t.field({
      ...center,
      description: 'Title and commentary, while a draft or in review',
      args: { id: id(), input: t.arg({ type: TextInput, required: true }) },
      resolve: (_, a) => service.updateText(a.id, a.input),
    }),
    pickSmileStars: t.field({
      ...center,
      description: 'The smile stars (微笑之星), chosen among the candidates; they get the bonus',
      args: { id: id(), staffIds: t.arg.idList({ required: true, validate: staffIds }) },
      resolve: (_, a) => service.pickStars(a.id, a.staffIds),
    }),
    submitBulletin: t.field({
      ...center,
      description: 'DRAFT → IN_REVIEW',
      args: { id: id() },
      resolve: (_, a) => service.submit(a.id),
    }),
    returnBulletin: t.field({
      ...center,
      description: 'IN_REVIEW → DRAFT, with the reviewer’s reason',
      args: { id: id(), reason: t.arg.string({ required: true, validate: text(500) }) },
      resolve: (_, a) => service.returnToDraft(a.id, a.reason),
    }),
    publishBulletin: t.field({
      ...center,
      authScopes: { can: 'publishBulletins' },
      description: 'IN_REVIEW → PUBLISHED, numbered',
      args: { id: id() },
      resolve: (_, a, ctx) => service.publish(requireUser(ctx.user), a.id),
    }),
    deleteBulletin: t.boolean({
      authScopes: { can: 'compileBulletins' },
      args: { id: id() },
      resolve: (_, a) => service.remove(a.id),
    }),
    acknowledgeBulletin: t.field({
      type: BulletinRef,
      authScopes: { can: 'respondForDepartment' },
      description: "Acknowledges (签收) the liaison's department's part; repeating it changes nothing",
      args: { id: id() },
      resolve: (_, a, ctx) => service.acknowledge(requireUser(ctx.user), a.id),
    }),
  };
});
