import { createI18n } from 'vue-i18n';
import { savedLocale, type Locale } from './locale';

export { LOCALES, persistLocale, savedLocale, type Locale } from './locale';

// Messages live in JSON files (locales/<locale>.json, one pair per page folder), precompiled at
// build time by @intlify/unplugin-vue-i18n: the runtime-only vue-i18n ships without its message
// compiler, which keeps the citizen bundle small and needs no eval under the CSP.

export interface Tree {
  [key: string]: string | Tree;
}
export type Messages = Record<Locale, Tree>;

const camel = (s: string) => s.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

/**
 * Merges a face's common messages with its page folders' own (`pages/<name>/locales/*.json`
 * found by import.meta.glob), each page's under its camel-cased folder name.
 */
export function mergeMessages(common: Messages, pages: Record<string, Tree>): Messages {
  const out: Messages = { 'zh-CN': { ...common['zh-CN'] }, en: { ...common.en } };
  for (const [file, messages] of Object.entries(pages)) {
    const match = /pages\/([^/]+)\/locales\/([\w-]+)\.json$/.exec(file);
    const [, page, locale] = match ?? [];
    if (page && locale && locale in out) out[locale as Locale][camel(page)] = messages;
  }
  return out;
}

export function createAppI18n(messages: Messages) {
  const i18n = createI18n({ legacy: false, locale: savedLocale(), fallbackLocale: 'zh-CN', messages });
  document.documentElement.lang = i18n.global.locale.value;
  return i18n;
}
