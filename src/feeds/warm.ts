/**
 * Runs, once while the isolate starts, the code an isolate's first rendered feed would otherwise compile: V8 compiles
 * a function on its first call, so the first archive page, tag feed or `since` view of an isolate paid for compiling
 * the query's validation, `feed`, xml-js and ours (3-5 ms each, measured: docs/performance.md). Start-up has a CPU
 * allowance of its own (1 s); a request on the Free plan has 10 ms. Nothing is kept: the text is thrown away.
 */
import { bundledBody } from '../content/archive';
import type { Library } from '../content/library';
import { LANGS } from '../content/model';
import { FEED_FORMATS } from '../urls';
import { buildFeedDocument, type FeedSelection, selectedArticles } from './model';
import { parseFeedQuery } from './query';
import { renderFeed } from './render';

/** Every parameter a feed takes, to validate (zod compiles a schema's checks on their first use). */
const WARM_QUERIES = ['?since=2025-01-01T00:00:00Z&limit=2', '?page=1&limit=2'];

/** Renders each format once, from the newest two articles of the first language that has them in the bundle. */
export function warmFeedCode(library: Library): void {
  for (const query of WARM_QUERIES) parseFeedQuery(new URL(`https://warm.invalid/en/feed.json${query}`));
  for (const lang of LANGS) {
    const selection: FeedSelection = { lang, limit: 2, pageSize: 2 };
    const articles = selectedArticles(library, selection);
    // Without articles, or with every body in the archive (D1 cannot be read while starting), the first request
    // compiles instead.
    if (articles.length === 0 || !articles.every((a) => bundledBody(a))) continue;
    const doc = buildFeedDocument(library, 'https://warm.invalid', selection, articles);
    for (const format of FEED_FORMATS) renderFeed(format, doc);
    return;
  }
}
