/** One article file -> a Translation, with every problem of the file (front matter and body) at once. */
import type { z } from 'zod';
import type { Lang, Translation } from '../content/model';
import { STAND_IN_ORIGINS, splitAtOrigins } from '../feeds/render';
import { escapeXml } from '../feeds/xml';
import { LANGUAGE } from '../languages';
import { beijingTime, parseDateTime } from './dates';
import { parseYaml } from './front-matter';
import { type BodyProblem, type BodyTarget, renderBody } from './markdown';
import { feedPicture, pagePicture } from './photo-markup';
import { feedVariant, type Photo } from './photos';
import { PLACEHOLDER_MARKS } from './scaffold';
import { FRONT_MATTER_FIELDS, type FrontMatter, frontMatterSchema } from './schema';
import type { Problem } from './source';
import { isLocalPath, normalizeUrl } from './urls';

/** Where an article file sits: articles/<year>/<slug>/<lang>.md. */
export interface ArticlePath {
  file: string;
  year: number;
  slug: string;
  lang: Lang;
  /** Finds a picture beside the article by the name the author wrote (and notes that it is used). */
  photo?: (name: string) => Photo | { error: string };
}

export interface ArticleResult {
  translation?: Translation;
  /** Line of a field, for problems found later across files. */
  lineOf: (field: string) => number | undefined;
}

/** The closest known field to a misspelt one, if it is close. */
function suggestField(key: string): string | undefined {
  const distance = (a: string, b: string) => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let prev = row[0] ?? 0;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const next = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = row[j] ?? 0;
        row[j] = next;
      }
    }
    return row[b.length] ?? Number.POSITIVE_INFINITY;
  };
  const lower = key.toLowerCase().replaceAll('-', '_');
  return FRONT_MATTER_FIELDS.find((f) => f === lower) ?? FRONT_MATTER_FIELDS.find((f) => distance(lower, f) <= 2);
}

function schemaProblems(
  file: string,
  error: z.ZodError,
  lineOf: (path: readonly (string | number)[]) => number | undefined,
  problems: Problem[],
) {
  // A field written "Title" is reported as such, not also as a missing "title".
  const suggested = new Set(error.issues.flatMap((i) => (i.code === 'unrecognized_keys' ? i.keys.map(suggestField) : [])));
  for (const issue of error.issues) {
    if (issue.path.length === 1 && suggested.has(String(issue.path[0])) && issue.message.startsWith('is required')) continue;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const guess = suggestField(key);
        problems.push({
          file,
          line: lineOf([...issue.path.map(String), key]),
          field: [...issue.path, key].join('.'),
          message: guess
            ? `is not a known field; did you mean "${guess}"?`
            : `is not a known field; the fields are ${FRONT_MATTER_FIELDS.join(', ')}`,
        });
      }
      continue;
    }
    // "tags", not "tags.1": the message echoes the offending value instead.
    const named = issue.path.filter((p): p is string => typeof p === 'string');
    problems.push({ file, line: lineOf(issue.path as (string | number)[]), field: named.join('.') || undefined, message: issue.message });
  }
}

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/;

/** Compiles one decoded article file; `now` decides what counts as the future. */
export function compileArticle(at: ArticlePath, text: string, now: number, problems: Problem[]): ArticleResult {
  const { file } = at;
  const match = FRONT_MATTER.exec(text);
  if (!match) {
    const message = text.startsWith('---')
      ? 'the front matter that starts on line 1 is never closed; add a line "---" after the last field'
      : 'has no front matter; the file must start with a line "---", then the fields (title: ...), then "---"';
    problems.push({ file, line: 1, message });
    return { lineOf: () => undefined };
  }
  const yamlProblems: { line: number; message: string }[] = [];
  const yaml = parseYaml(match[1] ?? '', 2, yamlProblems);
  for (const p of yamlProblems) problems.push({ file, line: p.line, message: p.message });
  const lineOf = (field: string) => yaml?.lineOf([field]);
  const before = problems.length;

  let fm: FrontMatter | undefined;
  if (yaml) {
    if (yaml.data === null || typeof yaml.data !== 'object' || Array.isArray(yaml.data)) {
      problems.push({ file, line: 2, message: 'the front matter has no "field: value" lines' });
    } else {
      const result = frontMatterSchema.safeParse(yaml.data);
      if (result.success) fm = result.data;
      else schemaProblems(file, result.error, yaml.lineOf, problems);
    }
  }

  // The body is checked whatever the front matter's state, so one run shows every problem.
  const bodyLine = (match[0].match(/\n/g)?.length ?? 0) + 1;
  const bodyText = text.slice(match[0].length);
  if (bodyText.trim() === '') {
    problems.push({ file, line: bodyLine, field: 'body', message: 'is empty; expected the article text below the closing "---"' });
  }
  const onBodyProblem = (p: BodyProblem) =>
    problems.push({ file, ...(p.line === undefined ? {} : { line: p.line + bodyLine - 1 }), field: 'body', message: p.message });
  let video = false;
  const target: BodyTarget = {
    medium: 'page',
    playVideo: LANGUAGE[at.lang].ui.playVideo,
    onVideo: () => {
      video = true;
    },
    ...(at.photo ? { photo: at.photo } : {}),
  };
  const body = renderBody(bodyText, onBodyProblem, target);
  if (bodyText.trim() !== '' && body === '' && problems.length === before) {
    problems.push({ file, field: 'body', message: 'has no text left after removing unsafe HTML' });
  }
  if (!fm) return { lineOf };

  // Resolved before any early return, so that its picture counts as used whatever else is wrong.
  const lead = leadImage(fm.image, at, lineOf('image'), problems);
  const published = parseDateTime(fm.published);
  const updatedText = fm.updated ?? fm.published;
  const updated = parseDateTime(updatedText);
  if ('error' in published || 'error' in updated) return { lineOf };
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
  if (!fm.draft) {
    for (const [field, value] of [
      ['title', fm.title],
      ['summary', fm.summary],
      ['author', fm.author],
      ['body', bodyText],
    ] as const) {
      const mark = PLACEHOLDER_MARKS.find((m) => value.includes(m));
      if (mark) {
        const line = field === 'body' ? bodyLine + bodyText.split('\n').findIndex((l) => l.includes(mark)) : lineOf(field);
        problems.push({
          file,
          line,
          field,
          message: `still has the placeholder text "${mark}" left by npm run new or npm run import; write the real ${field === 'body' ? 'article' : field}`,
        });
      }
    }
  }
  if (LANGUAGE[at.lang].cjk) {
    for (const [field, value] of [
      ['title', fm.title],
      ['summary', fm.summary],
    ] as const) {
      const problem = halfWidthPunctuation(value);
      if (problem) problems.push({ file, line: lineOf(field), field, message: problem });
    }
    // Prose only: code blocks, link targets and HTML keep their ASCII.
    let fenced = false;
    bodyText.split('\n').forEach((line, i) => {
      if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
      const prose = line
        .replace(/`[^`]*`/g, '')
        .replace(/\]\([^)]*\)/g, ']')
        .replace(/<[^>]*>/g, '');
      const problem = fenced || /^ {4}/.test(line) ? undefined : halfWidthPunctuation(prose);
      if (problem) problems.push({ file, line: bodyLine + i, field: 'body', message: problem });
    });
  }
  if (problems.length > before) return { lineOf };

  // Pictures beside the article (one absolute <img>) and videos (a plain link) are written differently for feeds.
  const local = lead?.photo !== undefined || (at.photo !== undefined && /!\[[^\]]*\]\(\s*(?![a-z][a-z0-9+.-]*:|\/)/i.test(bodyText));
  const feedHtml = local || video ? feedBody(bodyText, lead, target) : undefined;
  // The lead image travels inside the HTML too, so readers that ignore enclosures still show it.
  const html = lead ? `<figure>${lead.page}</figure>\n${body}` : body;
  const image = lead?.image;
  return {
    lineOf,
    translation: {
      slug: at.slug,
      lang: at.lang,
      title: fm.title,
      summary: fm.summary,
      published: fm.published,
      updated: updatedText,
      publishedMs: published.ms,
      updatedMs: updated.ms,
      author: fm.author,
      tags: fm.tags,
      ...(image ? { image } : {}),
      ...(fm.original ? { original: normalizeUrl(fm.original) } : {}),
      ...(fm.redirect_from?.length ? { formerSlugs: fm.redirect_from } : {}),
      html,
      ...(feedHtml ? { feedHtml } : {}),
      ...(video ? { video: true } : {}),
      draft: fm.draft ?? false,
    },
  };
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

interface LeadImage {
  image: NonNullable<Translation['image']>;
  /** Its markup on the page. */
  page: string;
  photo?: Photo;
}

/** The lead image as pages and feeds carry it: a picture beside the article (processed) or an https:// address. */
function leadImage(image: FrontMatter['image'], at: ArticlePath, line: number | undefined, problems: Problem[]): LeadImage | undefined {
  if (!image) return undefined;
  if (!isLocalPath(image.src)) {
    const src = normalizeUrl(image.src);
    return { image: { src, alt: image.alt }, page: `<img src="${escapeXml(src)}" alt="${escapeXml(image.alt)}">` };
  }
  const photo = at.photo?.(image.src) ?? { error: 'cannot be used here: pictures beside articles are processed by npm run build' };
  if ('error' in photo) {
    problems.push({ file: at.file, line, field: 'image', message: `"${image.src}" ${photo.error}` });
    return undefined;
  }
  const feed = feedVariant(photo);
  const largest = photo.variants.at(-1) ?? feed;
  return {
    photo,
    page: pagePicture(photo, image.alt, 'lead'),
    image: {
      src: feed.fallback,
      alt: image.alt,
      type: photo.fallbackType,
      width: feed.width,
      height: feed.height,
      length: feed.fallbackBytes,
      share: { src: largest.fallback, width: largest.width, height: largest.height },
    },
  };
}

/** The body as feeds carry it, split where the site's origin goes (rendered with two stand-ins, as the feeds are). */
function feedBody(bodyText: string, lead: LeadImage | undefined, target: BodyTarget): string[] {
  const [a, b] = STAND_IN_ORIGINS.map((origin) => {
    const body = renderBody(bodyText, () => {}, { ...target, medium: 'feed', origin });
    if (!lead) return body;
    const picture = lead.photo ? feedPicture(lead.photo, lead.image.alt, origin) : lead.page;
    return `<figure>${picture}</figure>\n${body}`;
  });
  return splitAtOrigins(a ?? '', b ?? '');
}
