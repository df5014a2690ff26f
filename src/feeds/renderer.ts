/** Feed bytes with their validators, from the build's pre-render or rendered now; `since` views joined, not re-rendered. */
import type { Library } from '../content/library';
import type { Translation } from '../content/model';
import { CACHE, makeRepresentation, type Representation } from '../http/representation';
import { BoundedMemo } from '../memo';
import { FEED_MEDIA_TYPE, type FeedFormat } from '../urls';
import { buildFeedDocument, type FeedSelection, newestUpdateMs, selectedArticles, selectionKey, sinceInLink } from './model';
import { type OriginSplitText, prerenderKey, renderFeed } from './render';
import { escapeXml } from './xml';

/** Renders feeds into representations; the one cache (src/app/context.ts) keeps them. */
export class FeedRenderer {
  /**
   * `since` views by their items, split where the requested value goes. Readers send their last poll time, a new
   * value each poll; the items change only when an article does, so each set is rendered once and every value
   * after it is a join (docs/performance.md has the measurements).
   */
  private readonly sinceTemplates = new BoundedMemo<string[]>(16);
  /** Stands in for the `since` value while rendering: random per isolate, so no article can contain it. */
  private sinceMarker?: string;

  constructor(
    private readonly library: Library,
    private readonly prerendered: Record<string, OriginSplitText> = {},
  ) {}

  /** The representation of one feed selection in one format. */
  make(base: string, format: FeedFormat, selection: FeedSelection, hub?: string): Promise<Representation> {
    // Selected once: its newest update is the Last-Modified, and the same articles are the feed's items.
    const articles = selectedArticles(this.library, selection);
    return makeRepresentation(
      this.text(base, format, selection, articles, hub),
      `${FEED_MEDIA_TYPE[format]}; charset=utf-8`,
      CACHE.feed,
      newestUpdateMs(articles),
    );
  }

  private text(base: string, format: FeedFormat, selection: FeedSelection, articles: readonly Translation[], hub?: string): string {
    const prerendered = this.prerendered[prerenderKey(this.library.edition, format, selection, hub)];
    // The origin goes into attributes and text of XML, and into JSON strings: escaped as each needs.
    if (prerendered !== undefined) return prerendered.join(format === 'json' ? JSON.stringify(base).slice(1, -1) : escapeXml(base));
    const { since } = selection;
    if (since === undefined) return renderFeed(format, buildFeedDocument(this.library, base, selection, articles), hub);
    // The value appears only in the self links, as buildFeedDocument writes it (a '+' of an offset escaped).
    const value = sinceInLink(since);
    const key = `${base}|${format}|${selectionKey({ ...selection, since: '' })}|${hub ?? ''}`;
    const parts = this.sinceTemplates.get(key, () => {
      this.sinceMarker ??= `since-${crypto.randomUUID()}`;
      return renderFeed(format, buildFeedDocument(this.library, base, { ...selection, since: this.sinceMarker }, articles), hub).split(
        this.sinceMarker,
      );
    });
    return parts.join(value);
  }
}
