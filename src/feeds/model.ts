/** The one feed model every format renders from, built from the content library. */

import { type Body, bundledBody } from '../content/archive';
import type { Library } from '../content/library';
import { LANGUAGE_TAG, type Lang, type Translation } from '../content/model';
import { LANGUAGE } from '../languages';
import { articleId, articlePath, FEED_FORMATS, type FeedFormat, feedId, feedPath, langPath, tagPath, translationGroupId } from '../urls';
import { escapeXml } from './xml';

export interface FeedItem {
  id: string;
  /** Shared by every language version of the story. */
  groupId: string;
  url: string;
  title: string;
  summary: string;
  html: string;
  published: string;
  publishedMs: number;
  updated: string;
  updatedMs: number;
  author: string;
  /** Tag slug, its label in the feed's language, and its page (the machine-readable scheme/domain). */
  categories: { term: string; label: string; url: string }[];
  translations: { languageTag: string; url: string; title: string }[];
  original?: string;
  /** Absolute `src`; size, bytes and type when known (pictures processed beside the article). */
  image?: { src: string; alt: string; type?: string; width?: number; height?: number; length?: number };
}

/** The media type of an image, from its file extension (readers use it to pick a thumbnail). */
export function imageType(src: string): string | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(new URL(src).pathname)?.[1]?.toLowerCase();
  const types: Record<string, string> = {
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    png: 'image/png',
    gif: 'image/gif',
    webp: 'image/webp',
    avif: 'image/avif',
    svg: 'image/svg+xml',
  };
  return ext ? types[ext] : undefined;
}

/** The lead image as feeds carry it: absolute, with its type (and, when processed here, size and bytes). */
function feedImage(image: NonNullable<Translation['image']>, base: string): NonNullable<FeedItem['image']> {
  const { share: _, ...rest } = image;
  const src = image.src.startsWith('/') ? base + image.src : image.src;
  const type = image.type ?? imageType(src);
  return { ...rest, src, ...(type ? { type } : {}) };
}

export interface FeedDocument {
  id: string;
  languageTag: string;
  title: string;
  description: string;
  /** The HTML page this feed mirrors. */
  homeUrl: string;
  /** This feed in each format; the self link of each. */
  feedUrls: Record<FeedFormat, string>;
  updatedMs: number;
  publisher: string;
  publisherUrl: string;
  rights: string;
  attribution: string;
  licenseUrl?: string;
  /** Square icon (the site's own, or the 512 px PNG the build draws: readers store PNG, not SVG). */
  icon: string;
  /** A small square icon for lists of feeds (JSON Feed's favicon: 64 px). */
  favicon: string;
  /** RSS's channel image: the logo, or a 144 px icon (RSS takes images at most 144 px wide). */
  channelImage: string;
  logo?: string;
  items: FeedItem[];
  /** RFC 5005 archive links, each in every format. */
  archive: {
    /** True for an archive page (a fixed set of older items). */
    isArchive: boolean;
    current?: Record<FeedFormat, string>;
    prev?: Record<FeedFormat, string>;
    next?: Record<FeedFormat, string>;
  };
}

/** Which feed: language, optional tag, and which of its items. */
export interface FeedSelection {
  lang: Lang;
  tag?: string;
  /** Items in the current feed; with `page`, the oldest `limit` items of that page. */
  limit: number;
  /** Items per archive page (FEED_ITEMS). */
  pageSize: number;
  /** An archive page, 1 = the oldest items: the `pageSize` items after the first (page - 1) × pageSize. */
  page?: number;
  /** Only items updated at or after this time (see Library.updatedFloor). */
  updatedFloor?: number;
  /** The `since` value as requested, for the self link (validators compare it with the URL fetched). */
  since?: string;
}

/** Number of complete archive pages of a feed with `total` items. */
export const archivePages = (total: number, pageSize: number) => Math.floor(total / pageSize);

/**
 * The archive link after a document whose oldest item has `rest` items older than it, so that a
 * client following links reads every item exactly once: a full archive page when the document ends
 * on a page boundary, else the oldest `rest mod pageSize` items of the page it ends inside.
 */
function olderThan(rest: number, pageSize: number, pageUrls: (p: number, count?: number) => Record<FeedFormat, string>) {
  if (rest <= 0) return {};
  const within = rest % pageSize;
  return { prev: within === 0 ? pageUrls(rest / pageSize) : pageUrls(Math.floor(rest / pageSize) + 1, within) };
}

/** The cache key of a selection: equal keys give byte-identical feeds. */
export const selectionKey = (s: FeedSelection) =>
  `${s.lang}|${s.tag ?? ''}|${s.limit}|${s.pageSize}|${s.page ?? ''}|${s.updatedFloor ?? ''}|${s.since ?? ''}`;

// A feed with no articles at all still needs a fixed, plausible date (validators flag 1970): the
// year the feeds' ids are minted in.
const NO_DATE = { ms: Date.UTC(2025, 0, 1) };

/** The articles a selection shows, in feed order (newest first). */
export function selectedArticles(library: Library, selection: FeedSelection): readonly Translation[] {
  const { lang, tag, limit, pageSize, page, updatedFloor } = selection;
  const all = library.articles(lang, tag);
  if (page !== undefined) {
    const end = all.length - (page - 1) * pageSize;
    return all.slice(Math.max(0, end - limit), end);
  }
  return updatedFloor === undefined ? all.slice(0, limit) : all.updatedSince(updatedFloor, limit);
}

/** The feed-level date: the newest update among the items, never the clock. */
export function newestUpdateMs(articles: readonly Translation[]): number {
  return articles.reduce((newest, a) => Math.max(newest, a.updatedMs), NO_DATE.ms);
}

/** How a feed finds an article's body: BodyStore.bodiesOf in the Worker; the bundle's own at build time. */
export type BodyLookup = (a: Translation) => Body;

/** The body of an article whose body is in the bundle (the build pre-renders only those). */
const inBundle: BodyLookup = (a) => {
  const body = bundledBody(a);
  if (!body) throw new Error(`${a.lang}/${a.slug}: its body is in the archive, not the bundle`);
  return body;
};

/** One article as a feed item, with absolute URLs under `base`; drafts are marked (local preview only). */
function feedItem(library: Library, a: Translation, base: string, body: Body): FeedItem {
  const { lang } = a;
  const site = library.sites[lang];
  return {
    // A renamed article keeps the id of its first name, so readers do not see it as new.
    id: articleId(lang, a.formerSlugs?.[0] ?? a.slug),
    groupId: translationGroupId(a.formerSlugs?.[0] ?? a.slug),
    url: base + articlePath(lang, a.slug),
    title: a.draft ? `${LANGUAGE[lang].draftPrefix}${a.title}` : a.title,
    summary: a.summary,
    // The origin goes into src attributes of the body's HTML.
    html: body.feedHtml ? body.feedHtml.join(escapeXml(base)) : body.html,
    published: a.published,
    publishedMs: a.publishedMs,
    updated: a.updated,
    updatedMs: a.updatedMs,
    author: a.author,
    categories: a.tags.map((t) => ({ term: t, label: site.tags[t] ?? t, url: base + tagPath(lang, t) })),
    translations: library.translationsOf(a).map((t) => ({
      languageTag: LANGUAGE_TAG[t.lang],
      url: base + articlePath(t.lang, t.slug),
      title: t.title,
    })),
    ...(a.original ? { original: a.original } : {}),
    ...(a.image ? { image: feedImage(a.image, base) } : {}),
  };
}

/** A `since` value as links carry it: the "+" of an offset escaped, which a query would read as a space. */
export const sinceInLink = (since: string) => since.replaceAll('+', '%2B');

/**
 * The query of the document fetched, as its self link names it (validators compare them): the archive page and,
 * when not the usual length, its limit; or the `since` value as sent; or a limit.
 */
export function selfQuery({ page, since, limit, pageSize }: FeedSelection): string {
  const params = [
    ...(page !== undefined ? [`page=${page}`] : []),
    ...(page === undefined && since !== undefined ? [`since=${sinceInLink(since)}`] : []),
    ...((since !== undefined ? limit !== 100 : limit !== pageSize) ? [`limit=${limit}`] : []),
  ];
  return params.length === 0 ? '' : `?${params.join('&')}`;
}

/**
 * Builds the format-neutral feed for a selection (its articles and their bodies, when the caller has them), with
 * absolute URLs under `base`.
 */
export function buildFeedDocument(
  library: Library,
  base: string,
  selection: FeedSelection,
  articles: readonly Translation[] = selectedArticles(library, selection),
  bodyOf: BodyLookup = inBundle,
): FeedDocument {
  const { lang, tag, limit, pageSize, page, updatedFloor } = selection;
  const site = library.sites[lang];
  const total = library.articles(lang, tag).length;
  const items = articles.map((a) => feedItem(library, a, base, bodyOf(a)));
  const newest = items.reduce<FeedItem | undefined>((n, i) => (!n || i.updatedMs > n.updatedMs ? i : n), undefined);
  const urls = (query = '') =>
    Object.fromEntries(FEED_FORMATS.map((f) => [f, base + feedPath(lang, f, tag) + query])) as Record<FeedFormat, string>;
  const pageUrls = (p: number, count = pageSize) => urls(count === pageSize ? `?page=${p}` : `?page=${p}&limit=${count}`);
  return {
    id: feedId(lang, tag),
    languageTag: LANGUAGE_TAG[lang],
    title: tag ? `${site.title} · ${site.tags[tag] ?? tag}` : site.title,
    description: site.description,
    homeUrl: base + (tag ? tagPath(lang, tag) : langPath(lang)),
    feedUrls: urls(selfQuery(selection)),
    // An empty selection (nothing since ?since) is as new as the feed's newest update.
    updatedMs: newest?.updatedMs ?? (library.lastUpdateMs(lang, tag) || NO_DATE.ms),
    publisher: site.publisher,
    publisherUrl: site.homePage,
    rights: site.rights,
    attribution: site.attribution,
    ...(site.licenseUrl ? { licenseUrl: site.licenseUrl } : {}),
    icon: site.icon ?? `${base}/icons/icon-512.png`,
    favicon: site.icon ?? `${base}/icons/icon-64.png`,
    channelImage: site.logo ?? site.icon ?? `${base}/icons/icon-144.png`,
    ...(site.logo ? { logo: site.logo } : {}),
    items,
    archive:
      page !== undefined
        ? archiveLinks(page, limit === pageSize, archivePages(total, pageSize), urls, pageUrls)
        : { isArchive: false, ...(updatedFloor === undefined ? olderThan(total - articles.length, pageSize, pageUrls) : {}) },
  };
}

/** An archive page's links: the current feed and its neighbours (RFC 5005). */
function archiveLinks(
  page: number,
  fullPage: boolean,
  pages: number,
  urls: () => Record<FeedFormat, string>,
  pageUrls: (p: number) => Record<FeedFormat, string>,
): FeedDocument['archive'] {
  const neighbours = {
    ...(page > 1 ? { prev: pageUrls(page - 1) } : {}),
    ...(fullPage && page < pages ? { next: pageUrls(page + 1) } : {}),
  };
  // fh:archive only with a neighbour: the W3C validator wants an archive to link one (or say it is complete).
  return { isArchive: neighbours.prev !== undefined || neighbours.next !== undefined, current: urls(), ...neighbours };
}

/** Feed-level links `feed` cannot write: licence and RFC 5005 archive links, for one format. */
export function extraFeedLinks(doc: FeedDocument, format: FeedFormat): { rel: string; href: string }[] {
  const { current, prev, next } = doc.archive;
  return [
    ...(doc.licenseUrl ? [{ rel: 'license', href: doc.licenseUrl }] : []),
    ...(current ? [{ rel: 'current', href: current[format] }] : []),
    ...(prev ? [{ rel: 'prev-archive', href: prev[format] }] : []),
    ...(next ? [{ rel: 'next-archive', href: next[format] }] : []),
  ];
}
