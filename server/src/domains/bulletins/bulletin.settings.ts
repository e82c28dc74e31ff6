import { z } from 'zod';
import { defineSettings } from '../settings/settings.store.js';

const weight = z.number().min(0).max(100);
const points = z.number().min(0).max(100);

/** The fields without defaults, to validate an edit at the API's edge. */
export const bulletinSettingsFields = {
  weightRatings: weight,
  weightAttendance: weight,
  weightInspections: weight,
  weightComplaints: weight,
  weightCases: weight,
  lateFollowUpDeduction: points,
  violationPointScale: points,
  upheldComplaintDeduction: points,
  lateReplyDeduction: points,
  smileStarBonus: z.number().min(0).max(10),
  maxBonus: z.number().min(0).max(20),
  passScore: z.number().min(0).max(100),
  basicScore: z.number().min(0).max(100),
  bottomN: z.number().int().min(0).max(50),
  starMinRatings: z.number().int().min(1).max(10_000),
  starCandidates: z.number().int().min(1).max(50),
  starMax: z.number().int().min(1).max(20),
};

const f = bulletinSettingsFields;

/**
 * The bulletin's rulebook (admins and managers change it; each bulletin keeps a copy of the rules
 * it was scored with). Every part is scored 0–100, then weighted:
 *
 *   ratings     = 100 × 好评率 − lateFollowUpDeduction × (差评 follow-ups not closed on time)
 *   attendance  = 100 × (on post + excused) / patrol observations
 *   inspections = 100 − violationPointScale × Σ points of confirmed violations
 *   complaints  = 100 − upheldComplaintDeduction × upheld − lateReplyDeduction × late replies
 *   cases       = 50 × completion rate + 50 × on-time rate
 *
 * each floored at 0. A part without data (no ratings, no patrol observations, no case figures)
 * drops out and the others' weights are scaled up, so nobody gains or loses by lack of data; a
 * unit with none of those three is not scored. score = min(100, Σ weight × part / Σ weight) +
 * bonus (smile star: smileStarBonus to the star and to its department, at most maxBonus each).
 */
export const bulletinSettings = defineSettings(
  'bulletins',
  z
    .object({
      weightRatings: f.weightRatings.default(40),
      weightAttendance: f.weightAttendance.default(20),
      weightInspections: f.weightInspections.default(20),
      weightComplaints: f.weightComplaints.default(10),
      weightCases: f.weightCases.default(10),
      lateFollowUpDeduction: f.lateFollowUpDeduction.default(2),
      violationPointScale: f.violationPointScale.default(10),
      upheldComplaintDeduction: f.upheldComplaintDeduction.default(20),
      lateReplyDeduction: f.lateReplyDeduction.default(10),
      smileStarBonus: f.smileStarBonus.default(2),
      maxBonus: f.maxBonus.default(5),
      /** Grades: ≥ passScore 合格, ≥ basicScore 基本合格, below 不合格. */
      passScore: f.passScore.default(80),
      basicScore: f.basicScore.default(60),
      /** Windows this close to the bottom in two periods running are flagged for escalation. */
      bottomN: f.bottomN.default(3),
      /** Smile-star candidates: staff with at least this many ratings, the best 好评率 first. */
      starMinRatings: f.starMinRatings.default(30),
      starCandidates: f.starCandidates.default(10),
      starMax: f.starMax.default(5),
    })
    .refine((s) => s.basicScore <= s.passScore, { path: ['basicScore'], message: 'must not exceed the pass score' })
    .refine(
      (s) => s.weightRatings + s.weightAttendance + s.weightInspections + s.weightComplaints + s.weightCases > 0,
      {
        path: ['weightRatings'],
        message: 'at least one weight must be above 0',
      },
    ),
);

export type BulletinSettings = Awaited<ReturnType<typeof bulletinSettings.get>>;
