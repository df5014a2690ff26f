/** Feed document -> text in each format, and the main feeds pre-rendered at build time. */
import type { Library } from '../content/library';
import { LANGS } from '../content/model';
import { FEED_FORMATS, type FeedFormat } from '../urls';
import { renderAtom } from './atom';
import { renderJsonFeed } from './json-feed';
import { buildFeedDocument, type FeedDocument, type FeedSelection, selectionKey } from './model';
import { renderRss } from './rss';

const RENDERERS: Record<FeedFormat, (doc: FeedDocument, hub?: string) => string> = {
  rss: renderRss,
  atom: renderAtom,
  json: renderJsonFeed,
};

/**
 * Two stand-ins for the site's origin in feeds rendered at build time, equal but for one letter.
 * Rendering twice and comparing tells exactly where the origin went; an article that happens to
 * contain either string is the same in both renders, so it can never be mistaken for the origin.
 */
const ORIGIN_A = 'https://a.origin.invalid';
const ORIGIN_B = 'https://b.origin.invalid';
export const STAND_IN_ORIGINS = [ORIGIN_A, ORIGIN_B] as const;
const DIFFERS_AT = 8;

/** A feed rendered at build time: its text split where the origin goes. */
export type OriginSplitText = string[];

/** Splits a render made with ORIGIN_A at every place its ORIGIN_B twin differs. */
export function splitAtOrigins(a: string, b: string): OriginSplitText {
  if (a.length !== b.length) throw new Error('the two pre-renders differ in length: the origin reached a computed value');
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    const start = i - DIFFERS_AT;
    if (!a.startsWith(ORIGIN_A, start) || !b.startsWith(ORIGIN_B, start))
      throw new Error(`the pre-renders differ at ${i}, not at an origin`);
    parts.push(a.slice(from, start));
    from = start + ORIGIN_A.length;
    i = from - 1;
  }
  parts.push(a.slice(from));
  return parts;
}

/** Renders one format of a feed document to a string. */
export function renderFeed(format: FeedFormat, doc: FeedDocument, hub?: string): string {
  return RENDERERS[format](doc, hub);
}

/** The key of a pre-rendered feed: its format, selection and hub, and which articles were visible (the edition). */
export const prerenderKey = (edition: number, format: FeedFormat, selection: FeedSelection, hub?: string) =>
  `${edition}|${format}|${selectionKey(selection)}|${hub ?? ''}`;

/**
 * The six main feeds, rendered at build time with stand-in origins for the configured item count
 * and hub: their first request only substitutes the origin. (Tag feeds, requested far less, render on
 * first use: pre-rendering them too would triple the bundle for little.)
 */
export function prerenderFeeds(library: Library, pageSize: number, hub?: string): Record<string, OriginSplitText> {
  const out: Record<string, OriginSplitText> = {};
  for (const lang of LANGS) {
    const selection: FeedSelection = { lang, limit: pageSize, pageSize };
    const [a, b] = [ORIGIN_A, ORIGIN_B].map((origin) => buildFeedDocument(library, origin, selection));
    for (const format of FEED_FORMATS) {
      out[prerenderKey(library.edition, format, selection, hub)] = splitAtOrigins(
        renderFeed(format, a as FeedDocument, hub),
        renderFeed(format, b as FeedDocument, hub),
      );
    }
  }
  return out;
}
