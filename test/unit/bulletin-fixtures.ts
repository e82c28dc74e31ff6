import type { BulletinSettings } from '../../server/src/domains/bulletins/bulletin.settings.js';
import { zeroCounts, type Counts } from '../../server/src/domains/bulletins/metrics/figures.js';
import type { Level, Unit } from '../../server/src/domains/bulletins/metrics/units.js';
import { baseRow } from '../../server/src/domains/bulletins/scoring.js';

// Bulletin units and rules for the unit tests of scoring and snapshots, built in memory.

/** The default rulebook (bulletin.settings.ts). */
export const RULES: BulletinSettings = {
  weightRatings: 40,
  weightAttendance: 20,
  weightInspections: 20,
  weightComplaints: 10,
  weightCases: 10,
  lateFollowUpDeduction: 2,
  violationPointScale: 10,
  upheldComplaintDeduction: 20,
  lateReplyDeduction: 10,
  smileStarBonus: 2,
  maxBonus: 5,
  passScore: 80,
  basicScore: 60,
  bottomN: 3,
  starMinRatings: 30,
  starCandidates: 10,
  starMax: 5,
};

export const counts = (c: Partial<Counts>): Counts => ({ ...zeroCounts(), ...c });

export const unit = (
  level: Level,
  id: string,
  current = zeroCounts(),
  previous = zeroCounts(),
  departmentId = 'd',
): Unit => ({
  level,
  id,
  departmentId,
  departmentName: '市场监管局',
  departmentShort: '市监',
  windowCode: level === 'WINDOW' ? id.toUpperCase() : null,
  windowName: null,
  staffName: level === 'STAFF' ? `员工${id}` : null,
  staffNo: level === 'STAFF' ? `NO-${id}` : null,
  current,
  previous,
});

/** A row of a level with a given pre-bonus score now and in the period before. */
export const row = (
  level: Level,
  id: string,
  base: number | null,
  previousScore: number | null,
  departmentId = 'd',
) => ({
  ...baseRow(unit(level, id, zeroCounts(), zeroCounts(), departmentId), RULES),
  base,
  previousScore,
});
