import { builder } from '../../graphql/builder.js';
import { objectId } from '../../graphql/inputs.js';
import { requireUser } from '../accounts/access.js';
import type { ChecklistItem } from './checklist.model.js';
import * as service from './checklist.service.js';
import { checklistInput, checklistUpdate, inspectionSettingsUpdate } from './inspection.inputs.js';
import { inspectionSettings, type InspectionSettings } from './inspection.settings.js';

const RuleKind = builder.enumType('RuleKind', {
  values: {
    PRESENCE: { description: 'Follows from marking someone away without a reason or absent' },
    CHECK: { description: 'Ticked by the inspector at a window' },
  },
});

export const ChecklistItemRef = builder.objectRef<ChecklistItem>('ChecklistItem').implement({
  description: 'One rule of the patrol rulebook and the points a breach deducts',
  fields: (t) => ({
    id: t.exposeID('_id'),
    code: t.exposeString('code'),
    kind: t.field({ type: RuleKind, resolve: (r) => r.kind }),
    label: t.exposeString('label'),
    labelEn: t.exposeString('labelEn'),
    rule: t.exposeString('rule'),
    points: t.exposeFloat('points'),
    active: t.exposeBoolean('active'),
    order: t.exposeInt('order'),
  }),
});

const ChecklistItemInput = builder
  .inputType('ChecklistItemInput', {
    fields: (t) => ({
      code: t.string({ required: true }),
      label: t.string({ required: true }),
      labelEn: t.string(),
      rule: t.string(),
      points: t.float({ required: true }),
      order: t.int(),
    }),
  })
  .validate(checklistInput);

const ChecklistItemUpdate = builder
  .inputType('ChecklistItemUpdateInput', {
    fields: (t) => ({
      label: t.string(),
      labelEn: t.string(),
      rule: t.string(),
      points: t.float(),
      order: t.int(),
      active: t.boolean(),
    }),
  })
  .validate(checklistUpdate);

const SettingsRef = builder.objectRef<InspectionSettings>('InspectionSettings').implement({
  fields: (t) => ({
    roundTimes: t.stringList({
      description: 'Local times of the scheduled rounds, e.g. 08:45',
      resolve: (s) => s.roundTimes,
    }),
    dueMinutes: t.exposeInt('dueMinutes', {
      description: 'A round not submitted this long after its time is MISSED or OVERDUE',
    }),
    noticeAppealDays: t.exposeInt('noticeAppealDays', { description: 'Working days to appeal a published notice' }),
    workStart: t.exposeString('workStart'),
    workEnd: t.exposeString('workEnd'),
  }),
});

const SettingsInput = builder
  .inputType('InspectionSettingsInput', {
    fields: (t) => ({
      roundTimes: t.stringList(),
      dueMinutes: t.int(),
      noticeAppealDays: t.int(),
      workStart: t.string(),
      workEnd: t.string(),
    }),
  })
  .validate(inspectionSettingsUpdate);

builder.queryFields((t) => ({
  checklistItems: t.field({
    type: [ChecklistItemRef],
    authScopes: { can: 'viewRules' },
    args: { activeOnly: t.arg.boolean() },
    resolve: (_, a) => service.listChecklist(!!a.activeOnly),
  }),
  inspectionSettings: t.field({
    type: SettingsRef,
    authScopes: { can: 'viewRules' },
    resolve: () => inspectionSettings.get(),
  }),
}));

builder.mutationFields((t) => ({
  createChecklistItem: t.field({
    type: ChecklistItemRef,
    authScopes: { can: 'editPatrolRules' },
    args: { input: t.arg({ type: ChecklistItemInput, required: true }) },
    resolve: (_, { input }) => service.createChecklistItem(input),
  }),
  updateChecklistItem: t.field({
    type: ChecklistItemRef,
    authScopes: { can: 'editPatrolRules' },
    args: {
      id: t.arg.id({ required: true, validate: objectId }),
      input: t.arg({ type: ChecklistItemUpdate, required: true }),
    },
    resolve: (_, { id, input }) => service.updateChecklistItem(id, input),
  }),
  updateInspectionSettings: t.field({
    type: SettingsRef,
    description: 'Changes apply to rounds generated from now on',
    authScopes: { can: 'editPatrolRules' },
    args: { input: t.arg({ type: SettingsInput, required: true }) },
    // The settings schema validates the merged result and names each bad field.
    resolve: (_, { input }, ctx) => inspectionSettings.update(input, requireUser(ctx.user).id),
  }),
}));
