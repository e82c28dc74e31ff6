import { z } from 'zod';
import { daysBetween } from '../../../../common/time.js';
import { editOf, inputOf, localDay, objectId, optionalText, text, upperCode } from '../../graphql/inputs.js';
import { ATTENDANCE_GROUPS } from './attendance.service.js';
import { PRESENCES } from './finding.model.js';
import { settingsFields } from './inspection.settings.js';
import { ROUND_STATES } from './round.model.js';
import { VIOLATION_STATUSES } from './violation.model.js';

// What a client may send about patrols; the schemas attach these, the services take their output.

const checklistFields = {
  label: text(30),
  labelEn: optionalText(60),
  rule: optionalText(200),
  points: z.number().min(0.1, 'at least 0.1').max(100),
  order: z.number().int().min(0).max(9999),
};

export const checklistInput = inputOf({
  ...checklistFields,
  code: upperCode(/^[A-Z][A-Z0-9_]{1,19}$/, '2 to 20 letters, digits or _'),
  labelEn: checklistFields.labelEn.nullish(),
  rule: checklistFields.rule.nullish(),
  order: checklistFields.order.nullish(),
});
export const checklistUpdate = editOf({ ...checklistFields, active: z.boolean() });
export const inspectionSettingsUpdate = editOf(settingsFields);

/** A client's key for an idempotent request (a save, an unannounced round). */
export const clientKey = z.string().regex(/^[\w-]{8,64}$/, '8 to 64 letters, digits, - or _');

/** The rounds list's arguments. */
export const roundFilter = z.object({
  from: localDay,
  to: localDay,
  state: z.enum(ROUND_STATES).nullish(),
  inspectorId: objectId.nullish(),
});

export const findingInput = inputOf({
  clientKey,
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  observedAt: z.date().nullish(),
  marks: z
    .array(z.object({ staffId: objectId, presence: z.enum(PRESENCES), reason: optionalText(100).nullish() }))
    .max(10),
  failures: z.array(z.object({ code: z.string().max(20), staffId: objectId.nullish() })).max(30),
  photoIds: z.array(objectId).max(10),
  note: optionalText(500).nullish(),
});
export type FindingInput = z.output<typeof findingInput>;

/** The violations list's filter, one argument each. */
export const violationFilter = z.object({
  status: z.enum(VIOLATION_STATUSES).nullish(),
  departmentId: objectId.nullish(),
  roundId: objectId.nullish(),
  from: localDay.nullish(),
  to: localDay.nullish(),
});

/** The attendance table's arguments. */
export const attendanceFilter = z.object({
  from: localDay,
  to: localDay,
  groupBy: z.enum(ATTENDANCE_GROUPS),
  departmentId: objectId.nullish(),
});

/** The patrol analytics' period (local dates, at most a year), an optional department and the trend's step. */
export const patrolStatsFilter = inputOf({
  from: localDay,
  to: localDay,
  departmentId: objectId.nullish(),
  interval: z.enum(['WEEK', 'MONTH']).default('WEEK'),
})
  .refine((f) => f.from <= f.to, { path: ['to'], message: '不能早于开始日期' })
  .refine((f) => daysBetween(f.from, f.to) <= 366, { path: ['to'], message: '最多一年' });
