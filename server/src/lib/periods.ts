// Reporting periods of an instant, in the center's local time (Asia/Shanghai, UTC+8). Stored on
// each record when it is written, so reports group by plain fields instead of date arithmetic.

const OFFSET_MS = 8 * 3600_000;

export interface PeriodKeys {
  day: string; // 2026-11-26
  week: string; // 2026-W48 (ISO week)
  month: string; // 2026-11
  bimonth: string; // 2026-B6 (Jan–Feb = B1 … Nov–Dec = B6): the bulletin period
  year: string; // 2026
  hour: number; // 0–23
  weekday: number; // 1 = Monday … 7 = Sunday
}

export function periodKeys(at: Date): PeriodKeys {
  const local = new Date(at.getTime() + OFFSET_MS);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth() + 1;
  const weekday = local.getUTCDay() || 7;
  return {
    day: local.toISOString().slice(0, 10),
    week: isoWeek(local, weekday),
    month: `${y}-${String(m).padStart(2, '0')}`,
    bimonth: `${y}-B${Math.ceil(m / 2)}`,
    year: String(y),
    hour: local.getUTCHours(),
    weekday,
  };
}

/** ISO-8601 week: the week belongs to the year of its Thursday. */
function isoWeek(local: Date, weekday: number) {
  const thursday = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 4 - weekday));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((thursday.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The first and last local day of a bimonth key such as "2026-B6". */
export function bimonthRange(key: string) {
  const [y, b] = key.split('-B').map(Number) as [number, number];
  const first = `${y}-${String(b * 2 - 1).padStart(2, '0')}-01`;
  const lastDay = new Date(Date.UTC(y, b * 2, 0)).getUTCDate();
  return { from: first, to: `${y}-${String(b * 2).padStart(2, '0')}-${lastDay}` };
}
