/** Feed document -> bytes with validators, once per isolate per variant. */
import type { Library } from '../content/library';
import { LANGS } from '../content/model';
import { CACHE, makeRepresentation, type Representation, RepresentationCache } from '../http/representation';
import { FEED_FORMATS, FEED_MEDIA_TYPE, type FeedFormat } from '../urls';
import { renderAtom } from './atom';
import { renderJsonFeed } from './json-feed';
import { buildFeedDocument, type FeedDocument, type FeedSelection, newestUpdateMs, selectedArticles, selectionKey } from './model';
import { renderRss } from './rss';

const RENDERERS: Record<FeedFormat, (doc: FeedDocument, hub?: string) => string> = {
  rss: renderRss,
  atom: renderAtom,
  json: renderJsonFeed,
};

/**
 * Stands for the site's origin in feeds rendered at build time; replaced by the real origin once
 * per isolate. `.invalid` (RFC 2606) can never be a real host, and an origin needs no escaping.
 */
export const ORIGIN_PLACEHOLDER = 'https://origin.invalid';

/** Renders one format of a feed document to a string. */
export function renderFeed(format: FeedFormat, doc: FeedDocument, hub?: string): string {
  return RENDERERS[format](doc, hub);
}

const prerenderKey = (format: FeedFormat, selection: FeedSelection, hub?: string) => `${format}|${selectionKey(selection)}|${hub ?? ''}`;

/**
 * The six main feeds, rendered at build time with ORIGIN_PLACEHOLDER for the configured item count
 * and hub: their first request only substitutes the origin. (Tag feeds, requested far less, render on
 * first use: pre-rendering them too would triple the bundle for little.)
 */
export function prerenderFeeds(library: Library, pageSize: number, hub?: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const lang of LANGS) {
    const selection: FeedSelection = { lang, limit: pageSize, pageSize };
    const doc = buildFeedDocument(library, ORIGIN_PLACEHOLDER, selection);
    for (const format of FEED_FORMATS) out[prerenderKey(format, selection, hub)] = renderFeed(format, doc, hub);
  }
  return out;
}

/** Serves feeds from bytes rendered on first use (or at build time); never serialises a variant twice. */
export class FeedRenderer {
  private readonly cache = new RepresentationCache();
  constructor(
    private readonly library: Library,
    private readonly prerendered: Record<string, string> = {},
  ) {}

  get(base: string, format: FeedFormat, selection: FeedSelection, hub?: string): Promise<Representation> {
    const key = `${base}|${format}|${selectionKey(selection)}|${hub ?? ''}`;
    return this.cache.get(key, () => {
      const prerendered = this.prerendered[prerenderKey(format, selection, hub)];
      const text =
        prerendered !== undefined
          ? prerendered.replaceAll(ORIGIN_PLACEHOLDER, base)
          : renderFeed(format, buildFeedDocument(this.library, base, selection), hub);
      return makeRepresentation(
        text,
        `${FEED_MEDIA_TYPE[format]}; charset=utf-8`,
        CACHE.feed,
        newestUpdateMs(selectedArticles(this.library, selection)),
      );
    });
  }
}
