import { addDays, weekdayOf } from '../../../../common/time.js';

// The working-day rules of deadlines, apart from where the calendar's exceptions are stored
// (calendar.service.ts reads them from MongoDB), so they can be unit- and mutation-tested.

export type DayKind = 'HOLIDAY' | 'WORKDAY';
/** Whether a local date is a working day. */
export type WorkingDayTest = (ymd: string) => boolean | Promise<boolean>;

const isWeekend = (ymd: string) => [0, 6].includes(weekdayOf(ymd));

/** Weekdays work and weekends rest, unless the calendar says otherwise (holidays, 调休). */
export const isWorkingDate = (ymd: string, kind: DayKind | undefined) => (kind ? kind === 'WORKDAY' : !isWeekend(ymd));

/**
 * The local date of "within n working days" of local date `ymd`: the n-th working day after it
 * (the day itself does not count). Within 0 days is the day itself, or the next working day.
 */
export async function nthWorkingDayAfter(ymd: string, n: number, isWorking: WorkingDayTest): Promise<string> {
  let day = ymd;
  for (let left = n; left > 0;) {
    day = addDays(day, 1);
    if (await isWorking(day)) left--;
  }
  if (n === 0 && !(await isWorking(day))) return nthWorkingDayAfter(ymd, 1, isWorking);
  return day;
}

/** Working days strictly after local date `from` up to and including `to` (0 if to ≤ from). */
export async function workingDaysAfter(from: string, to: string, isWorking: WorkingDayTest) {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
    if (await isWorking(day)) count++;
  }
  return count;
}
