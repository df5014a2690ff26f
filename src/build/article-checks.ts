/** What an article's fields must be besides their types: dates that make sense, no placeholder left, Chinese punctuation. */
import type { DateTime } from '../dates';
import { LANGUAGE } from '../languages';
import type { ArticlePath } from './article';
import type { ArticleParts } from './article-front-matter';
import { beijingTime, parseDateTime } from './dates';
import { fixChineseLine } from './punctuation';
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

/**
 * Chinese text uses full-width punctuation: the first mark on a line that the fixer (`npm run check -- --fix`) would
 * make full-width, with its fix. One rule for both: what the check names, the fix changes, and nothing else.
 */
export function halfWidthPunctuation(text: string): string | undefined {
  const fixed = fixChineseLine(text);
  if (fixed === text) return undefined;
  const [before, after] = [[...text], [...fixed]];
  let i = 0;
  let j = 0;
  // To the first mark the fix changes (past the spaces it drops beside one).
  while (i < before.length && (before[i] === after[j] || before[i] === ' ')) {
    if (before[i] === after[j]) j++;
    i++;
  }
  let mark = before[i] ?? '';
  let full = after[j] ?? '';
  if (mark === '.' && full === '…') [mark, full] = ['...', '……'];
  const context = before
    .slice(Math.max(0, i - 4), i + 5)
    .join('')
    .replace(/\s+/g, ' ');
  return `uses the half-width "${mark}" in Chinese text ("${context}"); write the full-width "${full}"`;
}
