/** Feed document -> bytes with validators, once per isolate per variant. */
import type { Library } from '../content/library';
import { CACHE, makeRepresentation, RepresentationCache, type Representation } from '../http/representation';
import { FEED_MEDIA_TYPE, type FeedFormat } from '../urls';
import { renderAtom } from './atom';
import { renderJsonFeed } from './json-feed';
import { buildFeedDocument, selectionKey, type FeedDocument, type FeedSelection } from './model';
import { renderRss } from './rss';

const RENDERERS: Record<FeedFormat, (doc: FeedDocument, hub?: string) => string> = {
  rss: renderRss,
  atom: renderAtom,
  json: renderJsonFeed,
};

/** Renders one format of a feed document to a string. */
export function renderFeed(format: FeedFormat, doc: FeedDocument, hub?: string): string {
  return RENDERERS[format](doc, hub);
}

/** Serves feeds from bytes rendered on first use; never serialises the same variant twice. */
export class FeedRenderer {
  private readonly cache = new RepresentationCache();
  constructor(private readonly library: Library) {}

  get(base: string, format: FeedFormat, selection: FeedSelection, hub?: string): Promise<Representation> {
    const key = `${base}|${format}|${selectionKey(selection)}|${hub ?? ''}`;
    return this.cache.get(key, () => {
      const doc = buildFeedDocument(this.library, base, selection);
      return makeRepresentation(
        renderFeed(format, doc, hub),
        `${FEED_MEDIA_TYPE[format]}; charset=utf-8`,
        CACHE.feed,
        doc.updatedMs,
      );
    });
  }
}
