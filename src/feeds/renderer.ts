/** Feed bytes with their validators, from the build's pre-render or rendered now; `since` views joined, not re-rendered. */
import type { ArchiveEnv, BodyStore } from '../content/archive';
import type { Library } from '../content/library';
import type { Translation } from '../content/model';
import { transportHeaders } from '../http/headers';
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
  // At most 16 renders and 4 MiB: a since view over long articles is large.
  private readonly sinceTemplates = new BoundedMemo<string[]>(16, 4 * 1024 * 1024, (parts) => parts.reduce((n, p) => n + p.length * 2, 0));
  /** Stands in for the `since` value while rendering: random per isolate, so no article can contain it. */
  private sinceMarker?: string;

  constructor(
    private readonly library: Library,
    private readonly bodies: BodyStore,
    private readonly prerendered: Record<string, OriginSplitText> = {},
  ) {}

  /** The representation of one feed selection in one format (`env` has the archive, when the build used one). */
  async make(base: string, format: FeedFormat, selection: FeedSelection, env: ArchiveEnv, hub?: string): Promise<Representation> {
    // Selected once: its newest update is the Last-Modified, and the same articles are the feed's items.
    const articles = selectedArticles(this.library, selection);
    const prerendered = this.prerendered[prerenderKey(this.library.edition, format, selection, hub)];
    const text =
      prerendered !== undefined
        ? // The origin goes into attributes and text of XML, and into JSON strings: escaped as each needs.
          prerendered.join(format === 'json' ? JSON.stringify(base).slice(1, -1) : escapeXml(base))
        : await this.render(base, format, selection, articles, env, hub);
    return makeRepresentation(
      text,
      `${FEED_MEDIA_TYPE[format]}; charset=utf-8`,
      CACHE.feed,
      newestUpdateMs(articles),
      transportHeaders(base),
    );
  }

  private async render(
    base: string,
    format: FeedFormat,
    selection: FeedSelection,
    articles: readonly Translation[],
    env: ArchiveEnv,
    hub?: string,
  ): Promise<string> {
    // The bodies are read (from the archive, when some are there) only for what is rendered now.
    const document = async (s: FeedSelection) =>
      buildFeedDocument(this.library, base, s, articles, await this.bodies.bodiesOf(articles, env));
    const { since } = selection;
    if (since === undefined) return renderFeed(format, await document(selection), hub);
    // The value appears only in the self links, as buildFeedDocument writes it (a '+' of an offset escaped).
    const value = sinceInLink(since);
    // Keyed by the items themselves, not the floor: readers send their own last poll time, and over a long archive
    // most values select the same newest items (at 10,000 articles every `since` before the last 100 updates did).
    const items = articles.map((a) => a.slug).join(' ');
    const key = `${base}|${format}|${selectionKey({ ...selection, since: '', updatedFloor: 0 })}|${hub ?? ''}|${items}`;
    let parts = this.sinceTemplates.peek(key);
    if (!parts) {
      this.sinceMarker ??= `since-${crypto.randomUUID()}`;
      const marker = this.sinceMarker;
      const rendered = renderFeed(format, await document({ ...selection, since: marker }), hub).split(marker);
      parts = this.sinceTemplates.get(key, () => rendered);
    }
    return parts.join(value);
  }
}
