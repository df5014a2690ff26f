/**
 * A withdrawal worked out before the files go: every URL a cache may still hold with the article in it, and the
 * entry content/withdrawn.yaml gains. Used by `npm run withdraw` (scripts/withdraw.ts).
 */

import type { CompiledContent, Lang, Translation } from '../content/model';
import { archivePages } from '../feeds/model';
import { articleSitemapPath, OPML_LISTS, PAGES_SITEMAP_PATH } from '../pages/documents';
import { LIST_PAGE_SIZE } from '../pages/pagination';
import { articlePath, FEED_FORMATS, feedPath, langPath, tagPath } from '../urls';

/** What caches may hold of a withdrawn article: exact site paths, and path prefixes for their query variants. */
export interface CachedUrls {
  /** Site paths (with a query where it names a page): each to purge by URL. */
  paths: string[];
  /** Paths whose every query variant (?limit=, ?since=, ?theme=...) may hold it: to purge by prefix. */
  prefixes: string[];
}

/** The site paths of every file the article's own text points at: its pictures (each size and format) and its card. */
export function filesOf(article: Translation): string[] {
  const text = JSON.stringify(article);
  return [...new Set(text.match(/\/(?:media|cards)\/[^"'\s,)\\]+/g) ?? [])].sort();
}

/** The ?page= variants that shift when the item at `index` (0 = newest) of `count` leaves a list paged newest first. */
function listPagesFrom(path: string, index: number, count: number): string[] {
  const last = Math.max(1, Math.ceil(count / LIST_PAGE_SIZE));
  const first = Math.floor(index / LIST_PAGE_SIZE) + 1;
  const paths: string[] = [];
  for (let p = Math.max(2, first); p <= last; p++) paths.push(`${path}?page=${p}`);
  return paths;
}

/**
 * Every URL that showed `slug` in `langs` (as the content holds it now, before the withdrawal): the article and its
 * former slugs, its translation's page (which links it), the home page and language index with their later pages,
 * its tag pages, the main and tag feeds with the archive pages it shifts, the sitemaps, the OPML lists, the embed
 * widget, and its pictures and card. `feedItems` is the feeds' page size (the FEED_ITEMS var).
 */
export function cachedUrls(content: CompiledContent, slug: string, langs: readonly Lang[], feedItems: number): CachedUrls {
  const paths = new Set<string>(['/', '/sitemap.xml', PAGES_SITEMAP_PATH, ...Object.values(OPML_LISTS)]);
  const prefixes = new Set<string>();
  for (const lang of Object.keys(content.articles) as Lang[]) {
    const list = content.articles[lang];
    const index = list.findIndex((a) => a.slug === slug);
    const article = list[index];
    if (!article) continue;
    if (!langs.includes(lang)) {
      // The translation that stays links the withdrawn one: its page changes.
      paths.add(articlePath(lang, slug));
      continue;
    }
    paths.add(articlePath(lang, slug));
    for (const former of article.formerSlugs ?? []) paths.add(articlePath(lang, former));
    paths.add(articleSitemapPath(new Date(article.publishedMs + 8 * 3600_000).getUTCFullYear()));
    for (const file of filesOf(article)) paths.add(file);
    for (const tag of [undefined, ...article.tags]) {
      const listing = tag === undefined ? list : list.filter((a) => a.tags.includes(tag));
      const at = listing.indexOf(article);
      const page = tag === undefined ? langPath(lang) : tagPath(lang, tag);
      paths.add(page);
      for (const p of listPagesFrom(page, at, listing.length)) paths.add(p);
      // Feed archive pages count from the oldest: the page holding the article and every newer one shift.
      const fromOldest = listing.length - 1 - at;
      const pages = archivePages(listing.length, feedItems);
      for (const format of FEED_FORMATS) {
        const feed = feedPath(lang, format, tag);
        paths.add(feed);
        prefixes.add(feed);
        for (let p = Math.floor(fromOldest / feedItems) + 1; p <= pages; p++) paths.add(`${feed}?page=${p}`);
      }
    }
    for (const page of [`/${lang}/embed`, `/${lang}/partners`]) {
      paths.add(page);
      prefixes.add(page);
    }
  }
  return { paths: [...paths], prefixes: [...prefixes] };
}

/** A withdrawn.yaml entry, as lines to append (the file stays a YAML list; comments and other entries untouched). */
export function withdrawalEntry(entry: { slug: string; date: string; lang?: Lang; note?: string }): string {
  const lines = [`- slug: ${entry.slug}`, `  date: ${entry.date}`];
  if (entry.lang) lines.push(`  lang: ${entry.lang}`);
  if (entry.note) lines.push(`  note: ${JSON.stringify(entry.note)}`);
  return `${lines.join('\n')}\n`;
}

/**
 * `text` (withdrawn.yaml as it is) with `entry` appended on lines of its own; an "[]" (the empty list older files
 * ended with) goes, since a list cannot follow it.
 */
export function appendWithdrawal(text: string, entry: string): string {
  const kept = text.replace(/^[ \t]*\[[ \t]*\][ \t]*(#.*)?(\r?\n|$)/m, '');
  if (kept === '') return entry;
  return `${kept}${kept.endsWith('\n') ? '' : '\n'}${entry}`;
}
