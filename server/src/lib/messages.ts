import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler } from 'express';
import i18next from 'i18next';
import { z } from 'zod';
import { en, zhCN } from '../messages/catalogue.js';

// Every message a user can see is written once, in English, as the key of a catalogue entry
// (i18next "natural keys") and translated in server/src/messages/. The language of a request is
// decided by one rule (docs/conventions.md, "Messages"): English when the first tag of its
// Accept-Language is English, Chinese (zh-CN) otherwise. The web sends its chosen locale there;
// a download link, which cannot set headers, names it as ?lang=en instead.

export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'zh-CN';

const i18n = i18next.createInstance();
void i18n.init({
  initAsync: false,
  lng: DEFAULT_LANG,
  fallbackLng: false,
  keySeparator: false,
  nsSeparator: false,
  returnNull: false,
  interpolation: { escapeValue: false },
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
});

const current = new AsyncLocalStorage<Lang>();

/** The language of the request being served (zh-CN outside any request: jobs, scripts). */
export const currentLang = (): Lang => current.getStore() ?? DEFAULT_LANG;

/** The rule: the first language named in Accept-Language, English only when it is English. */
export function langOf(acceptLanguage: string | null | undefined): Lang {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first === 'en' || first.startsWith('en-') ? 'en' : DEFAULT_LANG;
}

/** Runs `fn` with messages in `lang` (tests, and anything answering outside a request). */
export const withLang = <T>(lang: Lang, fn: () => T): T => current.run(lang, fn);

/** Express middleware: every later handler of the request speaks the request's language. */
export const requestLang: RequestHandler = (req, _res, next) =>
  current.run(langOf(req.headers['accept-language']), next);

/** The message in the current language; a key with no translation reads as written. */
export function t(key: string, params: Record<string, unknown> = {}, lang: Lang = currentLang()): string {
  return i18n.t(key, { ...params, lng: lang, defaultValue: key });
}

/** True when the catalogue translates this key into Chinese (a test checks every literal key). */
export const hasChinese = (key: string) => key in zhCN;

// zod's own messages ("Too small: expected string to have >=1 characters") follow the request too.
const zodLocales = { 'zh-CN': z.locales.zhCN(), en: z.locales.en() };
z.config({ localeError: (issue) => zodLocales[currentLang()].localeError(issue) });
