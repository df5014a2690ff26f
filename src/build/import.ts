/**
 * The college CMS's bilingual text -> an article in each language. The CMS hands out the headlines (Chinese, then
 * English), sometimes a date line, then one Chinese paragraph, then its English translation, and so on, with
 * half-width punctuation in the Chinese and a byline at the start or the end ("(邵微/文)", "文/王丽 图/李明").
 * Build time only: `npm run import` writes the result.
 */
import { pinyin } from 'pinyin-pro';
import { type Credits, splitByline } from './byline';
import { fixChineseLine } from './punctuation';

/** The paragraphs of each language, in order, and what the importer noticed. */
export interface ImportedText {
  zh: string[];
  en: string[];
  /** The headlines the text starts with, in their language. */
  title: { zh?: string; en?: string };
  /** A date line of the text (发布时间：2026-12-29), as YYYY-MM-DD. */
  date?: string;
  /** The byline's writer (邵微) in Chinese and pinyin, the photographer credited when named. */
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

/** A line that is a date alone, labelled or not: "2026-12-29", "发布时间：2026年12月29日", "Date: 2026/12/29". */
const DATE_LINE =
  /^(?:[\p{Script=Han}A-Za-z ]{0,12}[:：]\s*)?(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/u;

/** A picture of the text, as a saved page gives it (./import-page.ts): shared by both languages where it stands. */
const PICTURE_LINE = /^!\[[^\]]*\]\([^)\s]+\)$/;

/** A headline: short, and not ending a sentence (a paragraph does). */
function isHeadline(line: string): boolean {
  return [...line].length <= (isChineseParagraph(line) ? 60 : 160) && !/[。！？!?.;；:：…,，]$/u.test(line);
}

/** A name as the English text writes it: pinyin for a person's (2–4 characters), nothing for a unit's. */
const englishName = (name: string) => (/^\p{Script=Han}{2,4}$/u.test(name) ? nameInPinyin(name) : undefined);

/** The author line of each language from a byline's credits: the writer, and the photographer where named. */
function authorOf(credits: Credits): { zh: string; en: string } | undefined {
  const people = [credits.writer, credits.photographer];
  if (!people.some(Boolean)) return undefined;
  const en = people.map((p) => (p ? p.split('、').map(englishName) : []));
  const enNames = (names: (string | undefined)[]) => (names.every(Boolean) ? names.join(', ') : undefined);
  const [writerEn, photoEn] = [enNames(en[0] ?? []), enNames(en[1] ?? [])];
  if (credits.writer && !credits.photographer) return { zh: credits.writer, en: writerEn ?? credits.writer };
  if (!credits.writer) return { zh: `${credits.photographer}（图）`, en: `${photoEn ?? credits.photographer} (photos)` };
  if (credits.writer === credits.photographer) return { zh: credits.writer, en: writerEn ?? credits.writer };
  return {
    zh: `${credits.writer}（文）、${credits.photographer}（图）`,
    en: `${writerEn ?? credits.writer} (text), ${photoEn ?? credits.photographer} (photos)`,
  };
}

/** A Chinese name in pinyin as English text writes it: surname, space, given name (赵异肖 -> Zhao Yixiao). */
export function nameInPinyin(name: string): string {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true });
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  // Two-character surnames (欧阳, 司马) are rare in bylines; a two- or three-character name has a one-character one.
  const [surname = '', ...given] = syllables;
  return given.length > 0 ? `${cap(surname)} ${cap(given.join(''))}` : cap(surname);
}

/**
 * Splits the CMS text into headlines, a date, a byline, and Chinese and English paragraphs, fixing the Chinese
 * punctuation (headline included).
 */
export function importBilingualText(text: string): ImportedText {
  let paragraphs = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n|\r/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const result: ImportedText = { zh: [], en: [], title: {}, punctuationFixed: 0, notes: [] };
  const fix = (line: string) => {
    const fixed = fixChineseLine(line);
    result.punctuationFixed += countFixes(line, fixed);
    return fixed;
  };
  // A date line before the body (or right after the headlines) is the article's date, not text.
  const dateAt = paragraphs.slice(0, 4).findIndex((p) => DATE_LINE.test(p));
  if (dateAt >= 0) {
    const [, y, m, d] = DATE_LINE.exec(paragraphs[dateAt] ?? '') ?? [];
    result.date = `${y}-${m?.padStart(2, '0')}-${d?.padStart(2, '0')}`;
    paragraphs.splice(dateAt, 1);
  }
  // Bylines: a line of their own anywhere, or at the start of the first Chinese paragraph, or the end of the last.
  let credits: Credits = {};
  const credit = (found: Credits) => {
    credits = { ...found, ...Object.fromEntries(Object.entries(credits).filter(([, v]) => v)) };
  };
  paragraphs = paragraphs.filter((p) => {
    const alone = splitByline(p, 'start');
    if (alone?.rest !== '') return true;
    credit(alone.credits);
    return false;
  });
  // The headlines: the lines before the first paragraph, one in each language at most.
  while (paragraphs.length > 2) {
    const line = paragraphs[0] ?? '';
    const lang = isChineseParagraph(line) ? 'zh' : 'en';
    if (result.title[lang] !== undefined || !isHeadline(line) || PICTURE_LINE.test(line)) break;
    result.title[lang] = lang === 'zh' ? fix(line) : line;
    paragraphs.shift();
  }
  let previous: 'zh' | 'en' | undefined;
  paragraphs.forEach((paragraph, i) => {
    if (PICTURE_LINE.test(paragraph)) {
      result.zh.push(paragraph);
      result.en.push(paragraph);
      return;
    }
    const lang = isChineseParagraph(paragraph) ? 'zh' : 'en';
    if (lang === previous) {
      result.notes.push(
        `paragraphs ${i} and ${i + 1} of the body are both ${lang === 'zh' ? 'Chinese' : 'English'}: the text does not alternate there; check that no translation is missing`,
      );
    }
    previous = lang;
    if (lang === 'en') result.en.push(paragraph);
    else result.zh.push(fix(paragraph));
  });
  const first = result.zh.length > 0 ? splitByline(result.zh[0] ?? '', 'start') : undefined;
  if (first && first.rest !== '') {
    credit(first.credits);
    result.zh[0] = first.rest;
  }
  const last = result.zh.length > 0 ? splitByline(result.zh.at(-1) ?? '', 'end') : undefined;
  if (last && last.rest !== '') {
    credit(last.credits);
    result.zh[result.zh.length - 1] = last.rest;
  }
  const author = authorOf(credits);
  if (author) result.author = author;
  return result;
}

/** How many marks the fixer changed: full-width marks gained. */
function countFixes(before: string, after: string): number {
  const full = (s: string) => s.match(/[，。；：！？（）“”‘’～…]/g)?.length ?? 0;
  return full(after) - full(before);
}
