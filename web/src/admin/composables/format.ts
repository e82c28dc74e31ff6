import { useI18n } from 'vue-i18n';

/** Dates and times in the user's language, in the center's time zone (Asia/Shanghai). */
export function useFormat() {
  const { locale } = useI18n();
  const fmt = (options: Intl.DateTimeFormatOptions) => (value: string | Date | null | undefined) =>
    value ? new Intl.DateTimeFormat(locale.value, { timeZone: 'Asia/Shanghai', ...options }).format(new Date(value)) : '';
  return {
    dateTime: fmt({ dateStyle: 'medium', timeStyle: 'short' }),
    date: fmt({ dateStyle: 'medium' }),
  };
}
