import { useI18n } from 'vue-i18n';
import { CENTER_TIME_ZONE, formatCenterDate, localDate } from '@common/time';

/** Dates and times in the user's language, in the center's time zone. */
export function useFormat() {
  const { locale } = useI18n();
  return {
    dateTime: (value: string | Date | null | undefined) => formatCenterDate(value, locale.value, true),
    date: (value: string | Date | null | undefined) => formatCenterDate(value, locale.value),
  };
}

/** The center's calendar date of an instant, YYYY-MM-DD, whatever the browser's zone. */
export const centerDate = (d = new Date()) => localDate(d);

/** The center's time of day of an instant, "08:45". */
export const centerTime = (iso: string) =>
  new Date(iso).toLocaleTimeString('zh-CN', { timeZone: CENTER_TIME_ZONE, hour: '2-digit', minute: '2-digit' });

/** The first day of the month `delta` months from the center's current month, YYYY-MM-DD. */
export function monthStart(delta = 0, today = centerDate()) {
  const [y, m] = today.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1 + delta, 1)).toISOString().slice(0, 10);
}
