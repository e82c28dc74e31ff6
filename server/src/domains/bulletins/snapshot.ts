import { bulletinSettings, type BulletinSettings } from './bulletin.settings.js';
import { addCounts, ratesOf, zeroCounts } from './metrics/figures.js';
import { collectUnits, type Unit } from './metrics/units.js';
import { monthsOf, previousPeriod, type Period } from './period.js';
import { applyScores, baseRow, GRADES, type BaseRow, type ScoredRow } from './scoring.js';

// The bulletin's snapshot: every figure, score and rank of a period, computed once and stored
// with the bulletin, so what was published never changes when late data arrives. Re-scoring
// (after smile stars are picked) works on the stored rows alone.

const byRank = (a: ScoredRow, b: ScoredRow) => (a.rank ?? Infinity) - (b.rank ?? Infinity);

function centerOf(units: Unit[]) {
  const current = units.reduce((c, u) => addCounts(c, u.current), zeroCounts());
  const previous = units.reduce((c, u) => addCounts(c, u.previous), zeroCounts());
  return {
    ...current,
    ...ratesOf(current),
    previousGoodRate: ratesOf(previous).goodRate,
    previousRatings: previous.ratings,
  };
}

/** Smile-star candidates: enough ratings, no confirmed violation, no upheld complaint; best 好评率 first. */
export function candidatesOf(staff: BaseRow[], s: BulletinSettings) {
  const eligible = staff
    .filter((r) => r.ratings >= s.starMinRatings && r.violations === 0 && r.upheld === 0)
    .sort((a, b) => b.goodRate! - a.goodRate! || b.ratings - a.ratings);
  const line = eligible[s.starCandidates - 1]?.goodRate ?? -1;
  // Whoever ties with the last place still makes the list.
  return eligible
    .filter((r, i) => i < s.starCandidates || r.goodRate === line)
    .map((r) => ({
      staffId: r.id,
      staffName: r.staffName!,
      staffNo: r.staffNo!,
      departmentId: r.departmentId,
      departmentName: r.departmentName,
      ratings: r.ratings,
      goodRate: r.goodRate!,
      bad: r.bad,
    }));
}

interface Unscored {
  rules: BulletinSettings;
  departments: BaseRow[];
  windows: BaseRow[];
  staff: BaseRow[];
}

/** Scores all levels with the picked stars (staff ids); departments get their stars' bonus. */
export function scoreSnapshot<T extends Unscored>({ departments: d, windows: w, staff, ...rest }: T, stars: string[]) {
  const picked = new Set(stars);
  const starDepartments = staff.filter((r) => picked.has(r.id)).map((r) => r.departmentId);
  const score = (rows: BaseRow[]) => applyScores(rows, rest.rules, picked, starDepartments).sort(byRank);
  const departments = score(d);
  const windows = score(w);
  const grades = (rows: ScoredRow[]) =>
    Object.fromEntries(GRADES.map((g) => [g, rows.filter((r) => r.grade === g).length])) as Record<
      (typeof GRADES)[number],
      number
    >;
  return {
    ...rest,
    departments,
    windows,
    staff: score(staff),
    departmentGrades: grades(departments),
    windowGrades: grades(windows),
  };
}

export async function computeSnapshot(period: Period, now = new Date()) {
  const rules = await bulletinSettings.get();
  const previous = previousPeriod(period);
  const units = await collectUnits({ current: period, previous }, now);
  const unscored = {
    rules,
    generatedAt: now.toISOString(),
    previous: { key: previous.key, label: previous.label, from: previous.from, to: previous.to },
    months: monthsOf(period),
    center: centerOf(units.departments),
    departments: units.departments.map((u) => baseRow(u, rules)),
    windows: units.windows.map((u) => baseRow(u, rules)),
    staff: units.staff.map((u) => baseRow(u, rules)),
    trend: units.trend,
    candidates: [] as ReturnType<typeof candidatesOf>,
  };
  unscored.candidates = candidatesOf(unscored.staff, rules);
  return scoreSnapshot(unscored, []);
}

export type Snapshot = Awaited<ReturnType<typeof computeSnapshot>>;
export type SnapshotRow = Snapshot['departments'][number];
