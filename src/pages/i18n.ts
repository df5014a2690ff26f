/** Interface text of the pages, per language: the texts live in src/languages/, one file per language. */
import { LANGS, LANGUAGE, type Lang, type Language } from '../languages';

export const UI = Object.fromEntries(LANGS.map((l) => [l, LANGUAGE[l].ui])) as Record<Lang, Language['ui']>;

/** A date as the page's readers write it, in the article's own offset (Beijing time). */
export function formatDate(iso: string, lang: Lang): string {
  const [date = iso] = iso.split('T');
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return LANGUAGE[lang].formatDate(y, m, d);
}
