import type { BulletinSettings } from './bulletin.settings.js';
import { ratesOf, type Counts } from './metrics/figures.js';
import type { Unit } from './metrics/units.js';

// Scores, grades and ranks from a unit's figures, as bulletin.settings.ts describes. Pure: the
// same figures and rules always give the same result, so a stored snapshot can be re-scored
// (after smile stars are picked) without touching the database.

export type Rules = Pick<
  BulletinSettings,
  | 'weightRatings'
  | 'weightAttendance'
  | 'weightInspections'
  | 'weightComplaints'
  | 'weightCases'
  | 'lateFollowUpDeduction'
  | 'violationPointScale'
  | 'upheldComplaintDeduction'
  | 'lateReplyDeduction'
  | 'smileStarBonus'
  | 'maxBonus'
  | 'passScore'
  | 'basicScore'
  | 'bottomN'
>;

export const GRADES = ['PASS', 'BASIC_PASS', 'FAIL'] as const;
export type Grade = (typeof GRADES)[number];

const round2 = (x: number) => Math.round(x * 100) / 100;
const floor0 = (x: number) => Math.max(0, x);

/** Each part 0–100; null when the unit has no data for it (the part then drops out). */
export function partsOf(c: Counts, r: Rules) {
  const rates = ratesOf(c);
  return {
    ratings: c.ratings ? round2(floor0(100 * rates.goodRate! - r.lateFollowUpDeduction * c.followUpsLate)) : null,
    attendance: c.observations ? round2(100 * rates.attendanceRate!) : null,
    inspections: round2(floor0(100 - r.violationPointScale * c.points)),
    complaints: round2(
      floor0(100 - r.upheldComplaintDeduction * c.upheld - r.lateReplyDeduction * (c.repliesDue - c.repliedOnTime)),
    ),
    cases: c.accepted ? round2(50 * rates.completionRate! + 50 * (rates.caseOnTimeRate ?? 0)) : null,
  };
}
export type Parts = ReturnType<typeof partsOf>;

/** The weighted score before bonus, or null for a unit with no ratings, patrol observations or cases. */
export function baseScore(p: Parts, r: Rules): number | null {
  if (p.ratings === null && p.attendance === null && p.cases === null) return null;
  const weighted: Array<[number | null, number]> = [
    [p.ratings, r.weightRatings],
    [p.attendance, r.weightAttendance],
    [p.inspections, r.weightInspections],
    [p.complaints, r.weightComplaints],
    [p.cases, r.weightCases],
  ];
  const present = weighted.filter(([part, w]) => part !== null && w > 0) as Array<[number, number]>;
  const weights = present.reduce((n, [, w]) => n + w, 0);
  if (!weights) return null;
  return round2(Math.min(100, present.reduce((n, [part, w]) => n + part * w, 0) / weights));
}

export const gradeOf = (score: number | null, r: Rules): Grade | null =>
  score === null ? null : score >= r.passScore ? 'PASS' : score >= r.basicScore ? 'BASIC_PASS' : 'FAIL';

/** Competition ranking: higher scores first, equal scores share a rank (1, 2, 2, 4); unscored get null. */
export function ranksOf(scores: Array<number | null>): Array<number | null> {
  const sorted = scores.filter((s): s is number => s !== null).sort((a, b) => b - a);
  return scores.map((s) => (s === null ? null : sorted.indexOf(s) + 1));
}

/** Near the bottom: fewer than n scored units score strictly lower (ties at the line are all in). */
export function bottomOf(scores: Array<number | null>, n: number): boolean[] {
  const scored = scores.filter((s): s is number => s !== null);
  return scores.map((s) => s !== null && n > 0 && scored.filter((o) => o < s).length < n);
}

/** A unit's figures and its pre-bonus scores for both periods: what a snapshot stores per row. */
export function baseRow(u: Unit, r: Rules) {
  const { current, previous, ...who } = u;
  const parts = partsOf(current, r);
  return {
    ...who,
    ...current,
    ...ratesOf(current),
    parts,
    base: baseScore(parts, r),
    previousScore: baseScore(partsOf(previous, r), r),
  };
}
export type BaseRow = ReturnType<typeof baseRow>;

/**
 * Bonus, score, grade, rank, change and escalation for the rows of one level. `stars` are the
 * picked smile stars' staff ids; a department gets the bonus of each of its stars (capped).
 */
export function applyScores<T extends BaseRow>(
  rows: T[],
  r: Rules,
  stars: ReadonlySet<string>,
  starDepartments: string[],
) {
  const bonusOf = (row: T) => {
    if (row.base === null) return 0;
    if (row.level === 'STAFF') return stars.has(row.id) ? Math.min(r.maxBonus, r.smileStarBonus) : 0;
    if (row.level === 'DEPARTMENT')
      return Math.min(r.maxBonus, starDepartments.filter((d) => d === row.id).length * r.smileStarBonus);
    return 0;
  };
  const scores = rows.map((row) => (row.base === null ? null : round2(row.base + bonusOf(row))));
  const ranks = ranksOf(scores);
  const previousRanks = ranksOf(rows.map((row) => row.previousScore));
  const bottom = bottomOf(scores, r.bottomN);
  const previousBottom = bottomOf(
    rows.map((row) => row.previousScore),
    r.bottomN,
  );
  return rows.map((row, i) => {
    const [rank, previousRank] = [ranks[i]!, previousRanks[i]!];
    return {
      ...row,
      bonus: bonusOf(row),
      score: scores[i]!,
      grade: gradeOf(scores[i]!, r),
      rank,
      previousRank,
      /** Places moved up since the previous period (negative: down). */
      rankChange: rank !== null && previousRank !== null ? previousRank - rank : null,
      bottom: bottom[i]!,
      /** In the bottom N this period and the one before: to be escalated (windows). */
      escalated: row.level === 'WINDOW' && bottom[i]! && previousBottom[i]!,
      smileStar: row.level === 'STAFF' && stars.has(row.id),
    };
  });
}
export type ScoredRow = ReturnType<typeof applyScores<BaseRow>>[number];
