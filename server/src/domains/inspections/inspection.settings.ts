import { LOCAL_TIME } from '../../../../common/time.js';
import { z } from 'zod';
import { defineSettings } from '../settings/settings.store.js';

const hhmm = z.string().regex(LOCAL_TIME, 'a time like 08:45');

/** The fields without their defaults, for validating an edit at the API's edge. */
export const settingsFields = {
  roundTimes: z
    .array(hhmm)
    .min(1)
    .max(8)
    .refine((a) => new Set(a).size === a.length, 'times must differ'),
  dueMinutes: z.number().int().min(10).max(240),
  noticeAppealDays: z.number().int().min(1).max(30),
  workStart: hhmm,
  workEnd: hhmm,
};

/**
 * Patrol schedule and notice rules. Four rounds a day at set times (定时), each due within
 * `dueMinutes`; unannounced rounds (不定时) are started by hand at any time.
 */
export const inspectionSettings = defineSettings(
  'inspections',
  z.object({
    roundTimes: settingsFields.roundTimes.default(['08:45', '10:30', '14:45', '16:30']),
    dueMinutes: settingsFields.dueMinutes.default(60),
    /** Working days a department has to appeal a published notice. */
    noticeAppealDays: settingsFields.noticeAppealDays.default(5),
    /** Signed in after this local time counts as late (CSV sign-in records). */
    workStart: settingsFields.workStart.default('09:00'),
    /** Signed out before this counts as leaving early. */
    workEnd: settingsFields.workEnd.default('17:00'),
  }),
);

export type InspectionSettings = Awaited<ReturnType<typeof inspectionSettings.get>>;
