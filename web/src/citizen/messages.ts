import { persistLocale, type Locale, type Tree } from '@/i18n';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';

// The citizen face loads each page's messages with the page, not up front, and in the current
// language only: a phone that opens the rating page never downloads the complaint form's words,
// nor the English ones unless it switches.
export const commonMessages = { 'zh-CN': zh, en };

/** The global composer (`i18n.global`, or `useI18n({ useScope: 'global' })` in a component). */
interface I18n {
  locale: { value: string };
  mergeLocaleMessage(locale: string, messages: Tree): void;
}

const loaders = import.meta.glob<Tree>('./pages/*/locales/*.json', { import: 'default' });
const loaded = new Set<string>(); // `${page}:${locale}`

/** Merges `pages/<page>/locales/<locale>.json` under the page's name, for one language. */
async function loadOne(i18n: I18n, page: string, locale: Locale) {
  if (loaded.has(`${page}:${locale}`)) return;
  const load = loaders[`./pages/${page}/locales/${locale}.json`];
  if (load) i18n.mergeLocaleMessage(locale, { [page]: await load() });
  loaded.add(`${page}:${locale}`);
}

/** The page's messages in the current language only: the other comes with the switch. */
export function loadPageMessages(i18n: I18n, page: string) {
  return loadOne(i18n, page, i18n.locale.value as Locale);
}

/** Loads every open page's messages in `locale`, then switches to it (no flash of the fallback) and remembers it. */
export async function switchLocale(i18n: I18n, locale: Locale) {
  const pages = new Set([...loaded].map((key) => key.split(':')[0]!));
  await Promise.all([...pages].map((page) => loadOne(i18n, page, locale)));
  i18n.locale.value = locale;
  document.documentElement.lang = locale;
  persistLocale(locale);
}

/** Between Chinese and English. */
export const toggleLocale = (i18n: I18n) => switchLocale(i18n, i18n.locale.value === 'en' ? 'zh-CN' : 'en');

/**
 * `te()` for the citizen face: petite-vue-i18n has none. A key has a message when `t` gives
 * back something other than the key (its answer for a missing one, after the fallback language).
 */
export const hasMessage = (t: (key: string) => string, key: string) => t(key) !== key;
