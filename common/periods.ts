import { asLocal, lastDayOfMonth, pad2 } from './time.js';

// Reporting periods of an instant, in the center's local time. Stored on each record when it is
// written, so reports group by plain fields instead of date arithmetic. The bimonth (Jan–Feb = B1
// … Nov–Dec = B6) is the bulletin's rhythm.

export interface PeriodKeys {
  day: string; // 2026-11-26
  week: string; // 2026-W48 (ISO week)
  month: string; // 2026-11
  bimonth: string; // 2026-B6
  year: string; // 2026
  hour: number; // 0–23
  weekday: number; // 1 = Monday … 7 = Sunday
}

/** A bimonth key, e.g. 2026-B6; the groups are the year and the bimonth (1–6). */
export const BIMONTH_KEY = /^(20\d{2})-B([1-6])$/;

export const bimonthKey = (year: number, bimonth: number) => `${year}-B${bimonth}`;

/** The bimonth (1–6) a month (1–12) falls in. */
export const bimonthOfMonth = (month: number) => Math.ceil(month / 2);

export function periodKeys(at: Date): PeriodKeys {
  const local = asLocal(at);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth() + 1;
  const weekday = local.getUTCDay() || 7;
  return {
    day: local.toISOString().slice(0, 10),
    week: isoWeek(local, weekday),
    month: `${y}-${pad2(m)}`,
    bimonth: bimonthKey(y, bimonthOfMonth(m)),
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
  return `${thursday.getUTCFullYear()}-W${pad2(week)}`;
}

/** The first and last local day of a bimonth key such as "2026-B6". */
export function bimonthRange(key: string) {
  const [y, b] = key.split('-B').map(Number) as [number, number];
  return { from: `${y}-${pad2(b * 2 - 1)}-01`, to: `${y}-${pad2(b * 2)}-${lastDayOfMonth(y, b * 2)}` };
}
