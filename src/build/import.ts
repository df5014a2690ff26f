/**
 * The college CMS's bilingual text -> an article in each language. The CMS hands out one Chinese paragraph, then its
 * English translation, and so on, with half-width punctuation in the Chinese and the byline in brackets at the start
 * ("(邵微/文)"). Build time only: `npm run import` writes the result as a draft.
 */
import { pinyin } from 'pinyin-pro';
import { fixChineseLine } from './punctuation';

/** The paragraphs of each language, in order, and what the importer noticed. */
export interface ImportedText {
  zh: string[];
  en: string[];
  /** The byline's name (邵微), when the Chinese text has one. */
  author?: { zh: string; en: string };
  /** Half-width marks made full-width in the Chinese paragraphs. */
  punctuationFixed: number;
  /** Places where the languages do not alternate, for the person importing to check. */
  notes: string[];
}

const HAN = /\p{Script=Han}/gu;
const LATIN = /[A-Za-z]/g;

/** Whether a paragraph is Chinese: at least 30 % of its letters are Han characters. */
export function isChineseParagraph(text: string): boolean {
  const han = text.match(HAN)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  return han > 0 && han / (han + latin) >= 0.3;
}

// (邵微/文) or （文/邵微）, at the start of the first paragraph or the end of the last.
const BYLINE = /[(（]\s*(?:文\s*[/／]\s*(\p{Script=Han}{2,4})|(\p{Script=Han}{2,4})\s*[/／]\s*文)\s*[)）]/u;

/** A Chinese name in pinyin as English text writes it: surname, space, given name (赵异肖 -> Zhao Yixiao). */
export function nameInPinyin(name: string): string {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true });
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  // Two-character surnames (欧阳, 司马) are rare in bylines; a two- or three-character name has a one-character one.
  const [surname = '', ...given] = syllables;
  return given.length > 0 ? `${cap(surname)} ${cap(given.join(''))}` : cap(surname);
}

/** Splits the CMS text into Chinese and English paragraphs, fixing the Chinese punctuation and reading the byline. */
export function importBilingualText(text: string): ImportedText {
  const paragraphs = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n|\r/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const result: ImportedText = { zh: [], en: [], punctuationFixed: 0, notes: [] };
  let previous: 'zh' | 'en' | undefined;
  paragraphs.forEach((paragraph, i) => {
    const lang = isChineseParagraph(paragraph) ? 'zh' : 'en';
    if (lang === previous) {
      result.notes.push(
        `paragraphs ${i} and ${i + 1} are both ${lang === 'zh' ? 'Chinese' : 'English'}: the text does not alternate there; check that no translation is missing`,
      );
    }
    previous = lang;
    if (lang === 'en') {
      result.en.push(paragraph);
      return;
    }
    const fixed = fixChineseLine(paragraph);
    result.punctuationFixed += countFixes(paragraph, fixed);
    result.zh.push(fixed);
  });
  const first = result.zh[0] ?? '';
  const last = result.zh.at(-1) ?? '';
  const byline = BYLINE.exec(first.slice(0, 16)) ?? BYLINE.exec(last.slice(-16));
  const name = byline?.[1] ?? byline?.[2];
  if (name) result.author = { zh: name, en: nameInPinyin(name) };
  return result;
}

/** How many marks the fixer changed: full-width marks gained. */
function countFixes(before: string, after: string): number {
  const full = (s: string) => s.match(/[，；：！？（）]/g)?.length ?? 0;
  return full(after) - full(before);
}
