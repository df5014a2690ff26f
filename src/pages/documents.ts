/** The machine-read documents beside the pages: OPML, sitemap, robots.txt, favicon. */

import type { ArticleYear, Library } from '../content/library';
import { LANGS, LANGUAGE_TAG, type Lang } from '../content/model';
import { escapeXml } from '../feeds/xml';
import { DEFAULT_LANG } from '../languages';
import { articlePath, FEED_FORMAT_NAME, type FeedFormat, feedPath, langPath, tagPath } from '../urls';
import { UI } from './i18n';

/** W3C date-time (UTC) of the newest update among a list's articles, for <lastmod>. */
const lastmod = (library: Library, lang?: Lang, tag?: string) => {
  const ms = library.lastUpdateMs(lang, tag);
  return ms > 0 ? new Date(ms).toISOString() : undefined;
};

/** The OPML subscription lists: the default (RSS) and one per format. */
export const OPML_LISTS: Record<'default' | FeedFormat, string> = {
  default: '/feeds.opml',
  rss: '/feeds-rss.opml',
  atom: '/feeds-atom.opml',
  json: '/feeds-json.opml',
};

// OPML's type attribute: readers subscribe to type="rss" outlines (RSS and Atom alike); JSON Feed
// has no registered value, and readers that cannot parse it skip an outline of another type.
const OPML_TYPE: Record<FeedFormat, string> = { rss: 'rss', atom: 'rss', json: 'json' };

/**
 * OPML 2.0 subscription list: each language once, in one format (RSS 2.0 by default, which every
 * reader parses), so importing it never subscribes to a story twice.
 */
export function renderOpml(library: Library, base: string, format: FeedFormat = 'rss'): string {
  const outlines = LANGS.map((lang) => {
    const site = library.sites[lang];
    return `    <outline type="${OPML_TYPE[format]}" version="${format === 'rss' ? 'RSS2' : format === 'atom' ? 'ATOM' : 'JSONFEED1.1'}" text="${escapeXml(site.title)}" title="${escapeXml(site.title)}" xmlUrl="${escapeXml(base + feedPath(lang, format))}" htmlUrl="${escapeXml(base + langPath(lang))}" language="${LANGUAGE_TAG[lang]}" description="${escapeXml(site.description)}"/>`;
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${escapeXml([DEFAULT_LANG, ...LANGS.filter((l) => l !== DEFAULT_LANG)].map((l) => UI[l].siteName).join(' · '))} (${FEED_FORMAT_NAME[format]})</title>`,
    `    <dateModified>${new Date(library.lastUpdateMs()).toUTCString()}</dateModified>`,
    `    <ownerName>${escapeXml(library.sites[DEFAULT_LANG].publisher)}</ownerName>`,
    `    <docs>http://opml.org/spec2.opml</docs>`,
    '  </head>',
    '  <body>',
    ...outlines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}

/** sitemaps.org sitemap with hreflang alternates between translations. */
/** One <url> of a sitemap, with its language versions as hreflang alternates. */
function sitemapEntry(loc: string, lastmod: string | undefined, alternates: { lang: string; href: string }[]): string {
  return [
    '  <url>',
    `    <loc>${escapeXml(loc)}</loc>`,
    ...(lastmod ? [`    <lastmod>${lastmod}</lastmod>`] : []),
    ...alternates.map((a) => `    <xhtml:link rel="alternate" hreflang="${a.lang}" href="${escapeXml(a.href)}"/>`),
    '  </url>',
  ].join('\n');
}

/**
 * The hreflang alternates of a page's language versions. Only the language indexes' cluster names / as x-default:
 * / links those back, and search engines want every hreflang link returned (/ links no article, tag or partners page).
 */
function cluster(base: string, versions: { lang: Lang; path: string }[], xDefault = false) {
  if (versions.length < 2) return [];
  const links = versions.map((v) => ({ lang: LANGUAGE_TAG[v.lang], href: base + v.path }));
  return xDefault ? [...links, { lang: 'x-default', href: `${base}/` }] : links;
}

const urlset = (urls: string[]) =>
  [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');

/** Site path of one year's article sitemap. */
export const articleSitemapPath = (year: number) => `/sitemaps/articles-${year}.xml`;
// Not a single word before .xml: /{lang}/{word}.xml is a feed's path.
export const PAGES_SITEMAP_PATH = '/sitemaps/site-pages.xml';

/**
 * /sitemap.xml: a sitemap index (sitemaps.org) naming the pages' sitemap and one sitemap of articles per year, so
 * that no sitemap grows with the whole archive.
 */
export function renderSitemapIndex(library: Library, base: string): string {
  const sitemap = (path: string, ms: number) =>
    `  <sitemap>\n    <loc>${escapeXml(base + path)}</loc>${ms > 0 ? `\n    <lastmod>${new Date(ms).toISOString()}</lastmod>` : ''}\n  </sitemap>`;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    sitemap(PAGES_SITEMAP_PATH, library.lastUpdateMs()),
    ...library.years().map((y) => sitemap(articleSitemapPath(y.year), y.updatedMs)),
    '</sitemapindex>',
    '',
  ].join('\n');
}

/** The pages' sitemap: home, language indexes, partners and privacy pages, tag pages, with hreflang alternates. */
export function renderPagesSitemap(library: Library, base: string): string {
  const each = (path: (l: Lang) => string) => LANGS.map((l) => ({ lang: l, path: path(l) }));
  const indexes = cluster(base, each(langPath), true);
  const urls = [
    sitemapEntry(`${base}/`, lastmod(library), indexes),
    ...LANGS.map((l) => sitemapEntry(base + langPath(l), lastmod(library, l), indexes)),
  ];
  for (const lang of LANGS) {
    for (const page of ['partners', 'privacy']) {
      urls.push(
        sitemapEntry(
          `${base}/${lang}/${page}`,
          undefined,
          cluster(
            base,
            each((l) => `/${l}/${page}`),
          ),
        ),
      );
    }
    for (const tag of Object.keys(library.sites[lang].tags)) {
      if (library.articles(lang, tag).length === 0) continue;
      const versions = LANGS.filter((l) => library.articles(l, tag).length > 0).map((l) => ({ lang: l, path: tagPath(l, tag) }));
      urls.push(sitemapEntry(base + tagPath(lang, tag), lastmod(library, lang, tag), cluster(base, versions)));
    }
  }
  return urlset(urls);
}

/**
 * One year's articles (by publication date), every language, each with its translations as hreflang alternates.
 * Written in one pass of template strings (a year of a long archive is ~500 URLs: 180 KB on first request).
 */
export function renderArticlesSitemap(library: Library, base: string, year: ArticleYear): string {
  const origin = escapeXml(base);
  const urls: string[] = [];
  for (const lang of LANGS) {
    for (const story of library.stories(lang, year.articles[lang])) {
      const [a] = story;
      if (!a) continue;
      let alternates = '';
      if (story.length > 1) {
        for (const v of story) {
          alternates += `\n    <xhtml:link rel="alternate" hreflang="${LANGUAGE_TAG[v.lang]}" href="${origin}${escapeXml(articlePath(v.lang, v.slug))}"/>`;
        }
      }
      urls.push(
        `  <url>\n    <loc>${origin}${escapeXml(articlePath(lang, a.slug))}</loc>\n    <lastmod>${a.updated}</lastmod>${alternates}\n  </url>`,
      );
    }
  }
  return urlset(urls);
}

export function renderRobots(base: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${base}/sitemap.xml\n`;
}

export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#004c97"/><text x="32" y="41" font-family="system-ui,sans-serif" font-size="22" font-weight="700" text-anchor="middle" fill="#fff">HIT</text></svg>';
