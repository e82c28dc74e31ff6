import { z } from 'zod';
import { editOf, inputOf, objectId, optionalText, phone, text } from '../../graphql/inputs.js';
import { complaintSettings } from './complaint.deadlines.js';
import { CATEGORIES, SATISFACTION, STATES, SUBJECT_KINDS } from './complaint.model.js';
import { ACTION_NAMES, type ComplaintAction } from './complaint-workflow.service.js';

// What a client may send about complaints; the schemas attach these, the services take their output.

const required = (ctx: z.RefinementCtx, path: string) =>
  ctx.addIssue({ code: 'custom', path: [path], message: 'required' });
const windowCode = z.string().trim().toUpperCase().max(16);

/** The citizen's filing form: what it concerns must be named, and a name and phone unless anonymous. */
export const submitComplaintInput = inputOf({
  clientKey: z.uuid('must be a UUID'),
  subjectKind: z.enum(SUBJECT_KINDS),
  windowCode: windowCode.nullish(),
  departmentId: objectId.nullish(),
  staffId: objectId.nullish(),
  serviceItemId: objectId.nullish(),
  category: z.enum(CATEGORIES),
  description: text(2000),
  photoIds: z.array(objectId).max(3, 'at most 3 photos').nullish(),
  anonymous: z.boolean(),
  name: optionalText(20).nullish(),
  /** Digits only; required unless anonymous. */
  phone: phone.nullish(),
}).superRefine((v, ctx) => {
  if (v.subjectKind !== 'DEPARTMENT' && !v.windowCode) required(ctx, 'windowCode');
  if (v.subjectKind === 'DEPARTMENT' && !v.departmentId) required(ctx, 'departmentId');
  if (v.subjectKind === 'STAFF' && !v.staffId) required(ctx, 'staffId');
  if (!v.anonymous && !v.name) required(ctx, 'name');
  if (!v.anonymous && !v.phone) required(ctx, 'phone');
});

/** The filing form's lookup of a window's or a department's staff and service items. */
export const complaintTargetArgs = z.object({ windowCode: windowCode.nullish(), departmentId: objectId.nullish() });

/** A tracking code as typed, and the contact digits that unlock it. */
export const lookup = z.object({
  trackingCode: z.string().max(40),
  contact: z
    .string()
    .trim()
    .regex(/^\d{4}$/, '4 digits'),
});

export const feedbackInput = inputOf({
  ...lookup.shape,
  resolved: z.boolean(),
  satisfaction: z.enum(SATISFACTION),
});

export const complaintActionInput = inputOf({
  action: z.enum(ACTION_NAMES as [ComplaintAction, ...ComplaintAction[]]),
  note: optionalText(2000).nullish(),
  /** ASSIGN: the department to handle it. */
  departmentId: objectId.nullish(),
  /** CLOSE: the citizen was called back (required for complaints with a phone). */
  calledBack: z.boolean().nullish(),
});

export const complaintSettingsUpdate = editOf(complaintSettings.schema.shape);

/** The inbox's filter, one argument each. */
export const complaintFilter = z.object({
  state: z.enum(STATES).nullish(),
  /** Only those past a deadline (escalated to managers). */
  overdue: z.boolean().nullish(),
  /** The department handling it, or failing that the one it concerns. */
  departmentId: objectId.nullish(),
  category: z.enum(CATEGORIES).nullish(),
  /** A tracking code, or words from the description or the window. */
  search: z.string().max(50).nullish(),
});
export type ComplaintFilter = z.output<typeof complaintFilter>;

/** The dashboard's filter: complaints filed in [from, to), about one department (managers). */
export const complaintStatsFilter = z.object({
  from: z.date().nullish(),
  to: z.date().nullish(),
  departmentId: objectId.nullish(),
});
