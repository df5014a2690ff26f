/**
 * Renders, once while the isolate starts, a feed in each format and each kind of reading page, and throws them away.
 * V8 compiles a function on its first call, so an isolate's first archive page, tag feed or `since` view paid for
 * compiling the query's validation, `feed`, xml-js and ours, and its first article, index or tag page for the pages'
 * JSX (2-5 ms each, measured: docs/performance.md). Start-up has a CPU allowance of its own (1 s); a request on the
 * Free plan has 10 ms. Only pure rendering: workerd allows no Response (nor I/O, nor random values) while starting.
 */
import { bundledBody } from '../content/archive';
import type { Library } from '../content/library';
import { LANGS, type Lang } from '../content/model';
import { buildFeedDocument, type FeedSelection, selectedArticles } from '../feeds/model';
import { parseFeedQuery } from '../feeds/query';
import { renderFeed } from '../feeds/render';
import { ArticlePage } from '../pages/article';
import { LangIndexPage } from '../pages/lang-index';
import { TagPage } from '../pages/tag';
import { FEED_FORMATS } from '../urls';

/** Every parameter a feed takes, to validate (zod compiles a schema's checks on their first use). */
const WARM_QUERIES = ['?since=2025-01-01T00:00:00Z&limit=2', '?page=1&limit=2'];
const BASE = 'https://warm.invalid';

/**
 * Warms with the newest two articles of the first language that has them in the bundle (D1 is not readable yet).
 * Never throws: a render that fails here would fail only its own request later (a 500, logged), while a throw here
 * would stop the whole Worker from starting.
 */
export function warmUp(library: Library): void {
  try {
    for (const query of WARM_QUERIES) parseFeedQuery(new URL(`${BASE}/en/feed.json${query}`));
    for (const lang of LANGS) if (warmWith(library, lang)) return;
  } catch {
    // The request that renders the same thing reports it.
  }
}

/** Renders a feed in each format and each kind of page of `lang`; false when it has nothing bundled to do it with. */
function warmWith(library: Library, lang: Lang): boolean {
  const selection: FeedSelection = { lang, limit: 2, pageSize: 2 };
  const articles = selectedArticles(library, selection);
  const bodies = articles.map((a) => bundledBody(a));
  const [newest] = articles;
  const [body] = bodies;
  // Without articles, or with their bodies in the archive, the first request compiles instead.
  if (!newest || !body || bodies.includes(undefined)) return false;
  const doc = buildFeedDocument(library, BASE, selection, articles);
  for (const format of FEED_FORMATS) renderFeed(format, doc);
  const pages = [
    <LangIndexPage library={library} lang={lang} base={BASE} />,
    <ArticlePage library={library} article={newest} html={body.html} base={BASE} />,
    ...(newest.tags[0] ? [<TagPage library={library} lang={lang} tag={newest.tags[0]} base={BASE} />] : []),
  ];
  // Rendered now: no page of ours awaits.
  for (const page of pages) Promise.resolve(page.toString()).catch(() => undefined);
  return true;
}
