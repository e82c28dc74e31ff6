// The center's clock. Instants are stored in UTC; everything a person reads or counts by (dates,
// opening hours, deadlines) is local to the center: Asia/Shanghai, UTC+8 all year, as China has
// no daylight saving. So a fixed offset is exact, here and in the browser, whatever its zone.

export const CENTER_TIME_ZONE = 'Asia/Shanghai';
export const CENTER_UTC_OFFSET_MS = 8 * 3600_000;
export const DAY_MS = 86_400_000;

/** A local calendar date, YYYY-MM-DD (its shape only; `isLocalDate` also checks the calendar). */
export const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A local time of day, HH:MM (00:00–23:59). */
export const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The instant shifted so that its UTC fields read as the center's local date and time. */
export const asLocal = (at: Date) => new Date(at.getTime() + CENTER_UTC_OFFSET_MS);

/** The center's calendar date of an instant, YYYY-MM-DD. */
export const localDate = (at: Date) => asLocal(at).toISOString().slice(0, 10);

/** The center's date and time of an instant, "2026-03-05 14:30" (for exports and print). */
export const localDateTime = (at: Date) => asLocal(at).toISOString().slice(0, 16).replace('T', ' ');

/** An instant as a person reads it: its date (and time) at the center, in their language. */
export const formatCenterDate = (value: string | Date | null | undefined, locale: string, withTime = false) =>
  value
    ? new Intl.DateTimeFormat(locale, {
        timeZone: CENTER_TIME_ZONE,
        dateStyle: 'medium',
        ...(withTime ? { timeStyle: 'short' } : {}),
      }).format(new Date(value))
    : '';

/** The instant of a local date at a local time of day ("HH:MM", default midnight). */
export const localInstant = (ymd: string, hhmm = '00:00') =>
  new Date(Date.parse(`${ymd}T${hhmm}:00.000Z`) - CENTER_UTC_OFFSET_MS);

/** The first millisecond of a local date, as an instant. */
export const startOfLocalDay = (ymd: string) => localInstant(ymd);

/** The last millisecond of a local date, as an instant. */
export const endOfLocalDay = (ymd: string) => new Date(localInstant(ymd).getTime() + DAY_MS - 1);

/** The local date `days` after (or, negative, before) a local date. */
export const addDays = (ymd: string, days: number) =>
  new Date(Date.parse(`${ymd}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Whole days from one local date to another (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** 0 = Sunday … 6 = Saturday, for a local date. */
export const weekdayOf = (ymd: string) => new Date(`${ymd}T00:00:00Z`).getUTCDay();

/** True for a real calendar date in the YYYY-MM-DD shape (no 2026-02-30, and no month 13). */
export function isLocalDate(s: string) {
  // V8 reads 2026-02-30 as 2 March, but 2026-13-01 as an invalid date, whose toISOString throws.
  const day = new Date(`${s}T00:00:00Z`);
  return LOCAL_DATE.test(s) && !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === s;
}

/** The last day of a month (1–12) of a year. */
export const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export const pad2 = (n: number) => String(n).padStart(2, '0');
