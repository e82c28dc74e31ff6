import { createRequire } from 'node:module';
import { trusted } from 'mongoose';
import { endOfLocalDay, localDate } from '../../../../common/time.js';
import { notFound } from '../../graphql/errors.js';
import { ttlCache } from '../../lib/cache.js';
import { deadlinesBeyondCalendar } from '../../lib/metrics.js';
import { CalendarDayModel, type CalendarDay } from './calendar.model.js';
import { isWorkingDate, nthWorkingDayAfter, workingDaysAfter } from './working-days.js';

// Working-day arithmetic for deadlines (the rules: working-days.ts). Dates are the center's local
// dates (common/time.ts), so a deadline is the end of a local day.

// One year of exceptions is a few dozen rows; each is read once a minute at most per process.
const YEAR_CACHE_MS = 60_000;
const years = ttlCache<Map<string, 'HOLIDAY' | 'WORKDAY'>>(YEAR_CACHE_MS);

function exceptionsOf(year: string) {
  return years.get(year, () =>
    CalendarDayModel.find({ _id: trusted({ $gte: `${year}-01-01`, $lte: `${year}-12-31` }) })
      .lean<CalendarDay[]>()
      .then((rows) => new Map(rows.map((r) => [r._id, r.kind]))),
  );
}

export function clearCalendarCache() {
  years.clear();
}

/** A year's exceptions, by date. */
export function listDays(year: number) {
  return CalendarDayModel.find({ _id: trusted({ $gte: `${year}-01-01`, $lte: `${year}-12-31` }) })
    .sort({ _id: 1 })
    .lean<CalendarDay[]>();
}

/** Marks a date as a holiday or a make-up working day (an admin's edit, kept by later imports). */
export async function setDay(date: string, kind: CalendarDay['kind'], name?: string | null) {
  const doc = await CalendarDayModel.findOneAndUpdate(
    { _id: date },
    { kind, name: name ?? '', source: 'admin' },
    { upsert: true, new: true },
  ).lean<CalendarDay>();
  clearCalendarCache();
  return doc;
}

/** Back to the default for that date (working on weekdays, off at weekends). */
export async function removeDay(date: string) {
  const res = await CalendarDayModel.deleteOne({ _id: date });
  if (!res.deletedCount) throw notFound('Calendar day');
  clearCalendarCache();
  return true;
}

export async function isWorkingDay(ymd: string) {
  return isWorkingDate(ymd, (await exceptionsOf(ymd.slice(0, 4))).get(ymd));
}

/**
 * The deadline "within n working days" of `start`: the end of the n-th working day after the
 * local day of `start` (that day itself does not count).
 */
export async function addWorkingDays(start: Date, n: number): Promise<Date> {
  const ymd = await nthWorkingDayAfter(localDate(start), n, isWorkingDay);
  await flagBeyondCalendar(ymd);
  return endOfLocalDay(ymd);
}

/** Working days strictly after `from`'s local day up to and including `to`'s (0 if to ≤ from). */
export function workingDaysBetween(from: Date, to: Date) {
  return workingDaysAfter(localDate(from), localDate(to), isWorkingDay);
}

type ChineseDays = Record<'holidays' | 'workdays', Record<string, string>>;

// ---- Coverage: the calendar must not silently run out (deadlines past it would count 元旦 as a
// working day). A year counts as known once it holds at least one holiday.

const chineseDays = () => createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDays;
/** Admins are warned about next year from this month on (November). */
export const WARN_FROM_MONTH = 11;

const isKnown = async (year: number) => [...(await exceptionsOf(String(year))).values()].includes('HOLIDAY');

/** Whether the years of today and of next year are in the calendar, and whether to warn now. */
export async function calendarStatus(now = new Date()) {
  const today = localDate(now);
  const year = Number(today.slice(0, 4));
  const [thisYear, nextYear] = await Promise.all([isKnown(year), isKnown(year + 1)]);
  const missing = [...(thisYear ? [] : [year]), ...(nextYear ? [] : [year + 1])];
  const dueNow = !thisYear || (Number(today.slice(5, 7)) >= WARN_FROM_MONTH && !nextYear);
  const published = Object.keys(chineseDays().holidays).map((d) => Number(d.slice(0, 4)));
  // chinese-days follows the State Council's notice (usually out in November): a year it lacks
  // must be entered by hand, or the package updated.
  return {
    today,
    missing,
    warn: dueNow && missing.length > 0,
    importable: missing.filter((y) => published.includes(y)),
  };
}

/** True (and counted) when a deadline falls in a year the calendar does not know. */
async function flagBeyondCalendar(ymd: string) {
  if (await isKnown(Number(ymd.slice(0, 4)))) return false;
  deadlinesBeyondCalendar.inc();
  return true;
}

/**
 * Loads the State Council's holidays and make-up working days (调休) from the chinese-days
 * package for the given years. Entries an admin created or changed are left alone.
 */
export async function importChineseDays(fromYear: number, toYear: number) {
  const data = chineseDays();
  const rows = (['holidays', 'workdays'] as const).flatMap((group) =>
    Object.entries(data[group])
      .filter(([ymd]) => Number(ymd.slice(0, 4)) >= fromYear && Number(ymd.slice(0, 4)) <= toYear)
      .map(([ymd, label]) => ({
        _id: ymd,
        kind: group === 'holidays' ? ('HOLIDAY' as const) : ('WORKDAY' as const),
        name: label.split(',')[1] ?? '',
      })),
  );
  let added = 0;
  if (rows.length) {
    const written = await CalendarDayModel.bulkWrite(
      rows.map((r) => ({
        updateOne: {
          filter: { _id: r._id },
          update: { $setOnInsert: { ...r, source: 'chinese-days' as const } },
          upsert: true,
        },
      })),
    );
    added = written.upsertedCount;
  }
  clearCalendarCache();
  // The dates actually added: 0 when the package has no schedule for the years (or all were there).
  return added;
}
