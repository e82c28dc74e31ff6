// The chosen language: zh-CN by default, remembered in localStorage so the switch sticks.
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
const KEY = 'wfp.locale';

export function savedLocale(): Locale {
  const saved = localStorage.getItem(KEY);
  return (LOCALES as readonly string[]).includes(saved ?? '') ? (saved as Locale) : 'zh-CN';
}

export function persistLocale(locale: Locale) {
  localStorage.setItem(KEY, locale);
  document.documentElement.lang = locale;
}
