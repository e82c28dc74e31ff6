import { useI18n } from 'vue-i18n';

/** Dates and times in the user's language, in the center's time zone (Asia/Shanghai). */
export function useFormat() {
  const { locale } = useI18n();
  const fmt = (options: Intl.DateTimeFormatOptions) => (value: string | Date | null | undefined) =>
    value
      ? new Intl.DateTimeFormat(locale.value, { timeZone: 'Asia/Shanghai', ...options }).format(new Date(value))
      : '';
  return {
    dateTime: fmt({ dateStyle: 'medium', timeStyle: 'short' }),
    date: fmt({ dateStyle: 'medium' }),
  };
}

/** The center's calendar date (Asia/Shanghai) of an instant, YYYY-MM-DD, whatever the browser's zone. */
export const centerDate = (d = new Date()) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** The first day of the month `delta` months from the center's current month, YYYY-MM-DD. */
export function monthStart(delta = 0, today = centerDate()) {
  const [y, m] = today.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1 + delta, 1)).toISOString().slice(0, 10);
}
