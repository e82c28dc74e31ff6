import { createI18n } from 'vue-i18n';

// zh-CN by default; the choice is remembered in localStorage, so the switch sticks.
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
const KEY = 'wfp.locale';

export function savedLocale(): Locale {
  const saved = localStorage.getItem(KEY);
  return (LOCALES as readonly string[]).includes(saved ?? '') ? (saved as Locale) : 'zh-CN';
}

/** Message trees are plain nested objects; keys are checked by the zh/en type twins, not here. */
export type Messages = Record<Locale, object>;

export function createAppI18n(messages: Messages) {
  const i18n = createI18n({
    legacy: false,
    locale: savedLocale(),
    fallbackLocale: 'zh-CN',
    messages: messages as Record<Locale, Record<string, string>>,
  });
  document.documentElement.lang = i18n.global.locale.value;
  return i18n;
}

export function persistLocale(locale: Locale) {
  localStorage.setItem(KEY, locale);
  document.documentElement.lang = locale;
}
