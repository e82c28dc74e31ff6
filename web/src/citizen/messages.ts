import { LOCALES, type createAppI18n, type Tree } from '@/i18n';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';

// The citizen face loads each page's messages with the page, not up front: a phone that opens
// the rating page never downloads the complaint form's words.
export const commonMessages = { 'zh-CN': zh, en };

const loaders = import.meta.glob<Tree>('./pages/*/locales/*.json', { import: 'default' });
const loaded = new Set<string>();

/** Merges `pages/<page>/locales/*.json` under the page's name (both languages, for the switch). */
export async function loadPageMessages(i18n: ReturnType<typeof createAppI18n>, page: string) {
  if (loaded.has(page)) return;
  await Promise.all(
    LOCALES.map(async (locale) => {
      const load = loaders[`./pages/${page}/locales/${locale}.json`];
      if (load) i18n.global.mergeLocaleMessage(locale, { [page]: await load() });
    }),
  );
  loaded.add(page);
}
