import { builder } from '../../graphql/builder.js';
import { objectId } from '../../graphql/inputs.js';
import { refKey } from '../../graphql/loaders.js';
import { pageArgs, pageType } from '../../graphql/pagination.js';
import { canSeeDepartment, requireUser } from '../accounts/access.js';
import { DepartmentRef } from '../departments/department.schema.js';
import { ServiceItemRef } from '../service-items/service-item.schema.js';
import { WindowRef } from '../windows/window.schema.js';
import { caseFilterInput, caseInput } from './case.inputs.js';
import type { CaseRecord } from './case.model.js';
import * as service from './case.service.js';

const CaseRecordRef = builder.objectRef<CaseRecord>('CaseRecord').implement({
  description: 'Cases handled (办件) per department, window and service item over a period, from the approval system',
  authScopes: (r, ctx) => canSeeDepartment(ctx.user, r.department),
  fields: (t) => ({
    id: t.exposeID('_id'),
    department: t.field({ type: DepartmentRef, resolve: (r) => refKey(r.department) }),
    window: t.field({ type: WindowRef, nullable: true, resolve: (r) => refKey(r.window) }),
    serviceItem: t.field({ type: ServiceItemRef, resolve: (r) => refKey(r.serviceItem) }),
    periodFrom: t.exposeString('periodFrom'),
    periodTo: t.exposeString('periodTo'),
    accepted: t.exposeInt('accepted', { description: '受理' }),
    completed: t.exposeInt('completed', { description: '办结' }),
    onTime: t.exposeInt('onTime', { description: '按时办结' }),
    overdue: t.exposeInt('overdue', { description: '超期' }),
    source: t.exposeString('source', { description: 'IMPORT or MANUAL' }),
    updatedAt: t.field({ type: 'DateTime', resolve: (r) => r.updatedAt }),
  }),
});

const CaseTotals = builder.objectRef<Awaited<ReturnType<typeof service.caseTotals>>>('CaseTotals').implement({
  fields: (t) => ({
    records: t.exposeInt('records'),
    accepted: t.exposeInt('accepted'),
    completed: t.exposeInt('completed'),
    onTime: t.exposeInt('onTime'),
    overdue: t.exposeInt('overdue'),
  }),
});

const CaseFilterInput = builder
  .inputType('CaseFilter', { fields: (t) => ({ departmentId: t.id(), from: t.string(), to: t.string() }) })
  .validate(caseFilterInput);

const CaseInput = builder
  .inputType('CaseRecordInput', {
    fields: (t) => ({
      departmentId: t.id({ required: true }),
      windowId: t.id(),
      serviceItemId: t.id({ required: true }),
      periodFrom: t.string({ required: true }),
      periodTo: t.string({ required: true }),
      accepted: t.int({ required: true }),
      completed: t.int({ required: true }),
      onTime: t.int({ required: true }),
      overdue: t.int({ required: true }),
    }),
  })
  .validate(caseInput);

const CasePage = pageType<CaseRecord>('CaseRecordPage', CaseRecordRef);

builder.queryFields((t) => ({
  caseRecordPage: t.field({
    type: CasePage,
    description: 'Newest period first; a liaison sees its own department',
    authScopes: { can: 'readCases' },
    args: { filter: t.arg({ type: CaseFilterInput }), ...pageArgs(t.arg) },
    resolve: (_, a, ctx) => service.pageCases(requireUser(ctx.user), a.filter ?? {}, a.page, a.pageSize),
  }),
  caseTotals: t.field({
    type: CaseTotals,
    authScopes: { can: 'readCases' },
    args: { filter: t.arg({ type: CaseFilterInput }) },
    resolve: (_, a, ctx) => service.caseTotals(requireUser(ctx.user), a.filter ?? {}),
  }),
}));

builder.mutationFields((t) => ({
  saveCaseRecord: t.field({
    type: CaseRecordRef,
    description: 'Enters a record by hand; one with the same department, window, item and period is overwritten',
    authScopes: { can: 'manageCases' },
    args: { input: t.arg({ type: CaseInput, required: true }) },
    resolve: (_, { input }, ctx) => service.saveCase(requireUser(ctx.user), input),
  }),
  deleteCaseRecord: t.boolean({
    authScopes: { can: 'manageCases' },
    args: { id: t.arg.id({ required: true, validate: objectId }) },
    resolve: (_, a) => service.deleteCase(a.id),
  }),
}));
