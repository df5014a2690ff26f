/** The feeds: /{lang}/{rss.xml,atom.xml,feed.json} and the same per tag, with their query (limit, page, since). */
import { Hono } from 'hono';
import type { Library } from '../content/library';
import { isLang, LANGS, type Lang } from '../content/model';
import { buildFeedDocument, type FeedSelection, newestUpdateMs, selectedArticles, selectionKey, sinceInLink } from '../feeds/model';
import { feedQueryString, parseFeedQuery, selectFeed } from '../feeds/query';
import { type OriginSplitText, prerenderKey, renderFeed } from '../feeds/render';
import { escapeXml } from '../feeds/xml';
import { ProblemError } from '../http/problem';
import { CACHE, makeRepresentation, type Representation } from '../http/representation';
import { BoundedMemo } from '../memo';
import { FEED_FILE, FEED_MEDIA_TYPE, type FeedFormat } from '../urls';
import type { AppContext, AppEnv, Responder } from './context';
import { notFound } from './errors';

const FORMAT_BY_FILE = Object.fromEntries(Object.entries(FEED_FILE).map(([f, file]) => [file, f])) as Record<string, FeedFormat>;
// No top-level alternation: Hono splices the pattern into a larger regex, where a bare "a|b" escapes its segment.
const FEED_FILE_PATTERN = ':file{[a-z]+\\.(?:xml|json)}';

/** Feed bytes with validators, rendered on first use (or taken from the build's pre-render); never serialised twice. */
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
    return makeRepresentation(
      this.text(base, format, selection, hub),
      `${FEED_MEDIA_TYPE[format]}; charset=utf-8`,
      CACHE.feed,
      newestUpdateMs(selectedArticles(this.library, selection)),
    );
  }

  private text(base: string, format: FeedFormat, selection: FeedSelection, hub?: string): string {
    const prerendered = this.prerendered[prerenderKey(this.library.edition, format, selection, hub)];
    // The origin goes into attributes and text of XML, and into JSON strings: escaped as each needs.
    if (prerendered !== undefined) return prerendered.join(format === 'json' ? JSON.stringify(base).slice(1, -1) : escapeXml(base));
    const { since } = selection;
    if (since === undefined) return renderFeed(format, buildFeedDocument(this.library, base, selection), hub);
    // The value appears only in the self links, as buildFeedDocument writes it (a '+' of an offset escaped).
    const value = sinceInLink(since);
    const key = `${base}|${format}|${selectionKey({ ...selection, since: '' })}|${hub ?? ''}`;
    const parts = this.sinceTemplates.get(key, () => {
      this.sinceMarker ??= `since-${crypto.randomUUID()}`;
      return renderFeed(format, buildFeedDocument(this.library, base, { ...selection, since: this.sinceMarker }), hub).split(
        this.sinceMarker,
      );
    });
    return parts.join(value);
  }
}

export function feedRoutes(responder: Responder, prerendered: Record<string, OriginSplitText>) {
  const { library } = responder;
  const feeds = new FeedRenderer(library, prerendered);
  const missing = notFound(library);

  const serveFeed = async (c: AppContext, lang: Lang, tag: string | undefined) => {
    const format = FORMAT_BY_FILE[c.req.param('file') ?? ''];
    if (!format) return missing(c);
    const { feedItems, hub } = c.get('config');
    const query = parseFeedQuery(c.get('url'));
    const selection = selectFeed(library, lang, tag, query, feedItems, c.get('url'));
    return responder.answer(c, () => feeds.make(c.get('base'), format, selection, hub), feedQueryString(query, selection));
  };

  return new Hono<AppEnv>()
    .get(`/:lang/${FEED_FILE_PATTERN}`, (c) => serveFeed(c, requireLang(c.req.param('lang')), undefined))
    .get(`/:lang/tags/:tag/${FEED_FILE_PATTERN}`, (c) => {
      const lang = requireLang(c.req.param('lang'));
      return serveFeed(c, lang, requireTag(library, lang, c.req.param('tag')));
    });
}

function requireLang(value: string): Lang {
  if (isLang(value)) return value;
  throw new ProblemError({
    status: 404,
    title: 'Unknown language',
    detail: `There is no "${value}" edition; the languages are ${LANGS.join(', ')}.`,
    languages: [...LANGS],
  });
}

function requireTag(library: Library, lang: Lang, tag: string): string {
  if (library.hasTag(lang, tag)) return tag;
  throw new ProblemError({
    status: 404,
    title: 'Unknown tag',
    detail: `There is no tag "${tag}"; the tags are ${Object.keys(library.sites[lang].tags).join(', ')}.`,
    tags: Object.keys(library.sites[lang].tags),
  });
}
