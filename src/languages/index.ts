/**
 * The languages the site publishes, in the order pages list them. Adding one: a file like en.ts with its texts,
 * its line here, and content/site/<code>.yaml; nothing else in the code names a language.
 */
import en from './en';
import type { Language } from './types';
import zh from './zh';

export const LANGUAGES = [zh, en] as const satisfies readonly Language[];

export type Lang = (typeof LANGUAGES)[number]['code'];

/** The language of `/` and of the answers to clients that state no preference among ours. */
export const DEFAULT_LANG: Lang = 'en';

export const LANGS: readonly Lang[] = LANGUAGES.map((l) => l.code);

/** One value per language, made by `make`: a record TypeScript knows has every language. */
export function perLanguage<T>(make: (lang: Lang) => T): Record<Lang, T> {
  return Object.fromEntries(LANGS.map((l) => [l, make(l)])) as Record<Lang, T>;
}

/** Each language by its code. */
export const LANGUAGE = {} as Record<Lang, Language>;
for (const language of LANGUAGES) LANGUAGE[language.code] = language;

/** CSS giving each language its font where it has one, e.g. `:lang(zh){font-family:...}`; `prefix` scopes it. */
export function languageFontCss(prefix = ''): string {
  // Code keeps its monospace font in every language: the rule skips it (the browser's own rule gives it monospace).
  return LANGUAGES.flatMap((l: Language) =>
    l.fontFamily ? [`${prefix}:lang(${l.code}):not(code,kbd,samp,pre){font-family:${l.fontFamily}}`] : [],
  ).join('\n');
}

export type { Language } from './types';
