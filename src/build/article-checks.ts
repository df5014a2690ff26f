/** What an article's fields must be besides their types: dates that make sense, no placeholder left, Chinese punctuation. */
import type { DateTime } from '../dates';
import { LANGUAGE } from '../languages';
import type { ArticlePath } from './article';
import type { ArticleParts } from './article-front-matter';
import { beijingTime, parseDateTime } from './dates';
import { PLACEHOLDER_MARKS } from './scaffold';
import type { FrontMatter } from './schema';
import type { Problem } from './source';

/** The instants of `published` and `updated` (which defaults to it), with their problems; undefined when unreadable. */
export function checkDates(
  fm: FrontMatter,
  at: ArticlePath,
  lineOf: ArticleParts['lineOf'],
  now: number,
  problems: Problem[],
): { published: DateTime; updated: DateTime; updatedText: string } | undefined {
  const { file } = at;
  const published = parseDateTime(fm.published);
  const updatedText = fm.updated ?? fm.published;
  const updated = parseDateTime(updatedText);
  if ('error' in published || 'error' in updated) return undefined;
  if (updated.ms < published.ms) {
    problems.push({
      file,
      line: lineOf('updated'),
      field: 'updated',
      message: `${updatedText} is before published (${fm.published}); expected the same time or later`,
    });
  }
  if (published.year !== at.year) {
    problems.push({
      file,
      line: lineOf('published'),
      field: 'published',
      message: `is in ${published.year} but the article is in the folder articles/${at.year}/; move the folder to articles/${published.year}/${at.slug}/ or fix the date`,
    });
  }
  // A future `published` schedules the article (it goes out at that instant without a deploy); a future `updated`
  // would announce a correction before it is made, so it is refused (a minute of clock difference is allowed).
  if (!fm.draft && fm.updated && updated.ms > now + 60_000 && published.ms <= now) {
    problems.push({
      file,
      line: lineOf('updated'),
      field: 'updated',
      message: `${fm.updated} is in the future (now: ${beijingTime(now)}); write the time the correction is made`,
    });
  }
  return { published, updated, updatedText };
}

/** A published article may hold none of the placeholder texts `npm run new` and `npm run import` write. */
export function checkPlaceholders(fm: FrontMatter, parts: ArticleParts, file: string, problems: Problem[]): void {
  if (fm.draft) return;
  const { bodyText, bodyLine, lineOf } = parts;
  for (const [field, value] of [
    ['title', fm.title],
    ['summary', fm.summary],
    ['author', fm.author],
    ['body', bodyText],
  ] as const) {
    const mark = PLACEHOLDER_MARKS.find((m) => value.includes(m));
    if (!mark) continue;
    const line = field === 'body' ? bodyLine + bodyText.split('\n').findIndex((l) => l.includes(mark)) : lineOf(field);
    problems.push({
      file,
      line,
      field,
      message: `still has the placeholder text "${mark}" left by npm run new or npm run import; write the real ${field === 'body' ? 'article' : field}`,
    });
  }
}

/** Chinese articles: half-width punctuation in the title, summary and body prose (code and link targets keep ASCII). */
export function checkChinesePunctuation(fm: FrontMatter, parts: ArticleParts, at: ArticlePath, problems: Problem[]): void {
  if (!LANGUAGE[at.lang].cjk) return;
  const { file } = at;
  for (const [field, value] of [
    ['title', fm.title],
    ['summary', fm.summary],
  ] as const) {
    const problem = halfWidthPunctuation(value);
    if (problem) problems.push({ file, line: parts.lineOf(field), field, message: problem });
  }
  let fenced = false;
  parts.bodyText.split('\n').forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const prose = line
      .replace(/`[^`]*`/g, '')
      .replace(/\]\([^)]*\)/g, ']')
      .replace(/<[^>]*>/g, '');
    const problem = fenced || /^ {4}/.test(line) ? undefined : halfWidthPunctuation(prose);
    if (problem) problems.push({ file, line: parts.bodyLine + i, field: 'body', message: problem });
  });
}

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff\\u3000-\\u303f\\uff00-\\uffef';
const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '!': '！', '?': '？' };
// ASCII punctuation touching a Chinese character: before it ("基金会,推动", "文)") or after it ("(邵").
const HALF_WIDTH_IN_CHINESE = new RegExp(`[${CJK}] ?[,;:!?)]|[${CJK}] ?\\((?!https?:)|(?<![\\]\\w])\\((?=[${CJK}])`, 'u');

/** Chinese text uses full-width punctuation; the first half-width mark on a line, with its fix. */
export function halfWidthPunctuation(text: string): string | undefined {
  const match = HALF_WIDTH_IN_CHINESE.exec(text);
  if (!match) return undefined;
  const mark = [...match[0]].find((c) => c in FULL_WIDTH) ?? '';
  const at = Math.max(0, match.index - 4);
  const context = text.slice(at, match.index + match[0].length + 4).replace(/\s+/g, ' ');
  return `uses the half-width "${mark}" in Chinese text ("${context}"); write the full-width "${FULL_WIDTH[mark]}"`;
}
