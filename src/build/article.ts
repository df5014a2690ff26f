/** One article file -> a Translation, with every problem of the file (front matter and body) at once. */
import type { Lang, Translation } from '../content/model';
import { checkChinesePunctuation, checkDates, checkPlaceholders } from './article-checks';
import { readArticleParts } from './article-front-matter';
import { leadImage, renderArticleBody } from './article-media';
import type { Photo } from './photos';
import type { Problem } from './source';
import { normalizeUrl } from './urls';

export { halfWidthPunctuation } from './article-checks';

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

/** Compiles one decoded article file; `now` decides what counts as the future. */
export function compileArticle(at: ArticlePath, text: string, now: number, problems: Problem[]): ArticleResult {
  const before = problems.length;
  const parts = readArticleParts(at.file, text, problems);
  if (!parts) return { lineOf: () => undefined };
  const { fm, lineOf } = parts;
  // The body is checked whatever the front matter's state, so one run shows every problem.
  const body = renderArticleBody(parts, at, problems);
  if (!fm) return { lineOf };
  // Resolved before any early return, so that its picture counts as used whatever else is wrong.
  const lead = leadImage(fm.image, at, lineOf('image'), problems);
  const dates = checkDates(fm, at, lineOf, now, problems);
  if (!dates) return { lineOf };
  checkPlaceholders(fm, parts, at.file, problems);
  checkChinesePunctuation(fm, parts, at, problems);
  if (problems.length > before) return { lineOf };
  const { html, feedHtml, video, image } = body.finish(lead);
  return {
    lineOf,
    translation: {
      slug: at.slug,
      lang: at.lang,
      title: fm.title,
      summary: fm.summary,
      published: fm.published,
      updated: dates.updatedText,
      publishedMs: dates.published.ms,
      updatedMs: dates.updated.ms,
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
