/** The machine-read documents beside the pages: OPML, sitemap, robots.txt, favicon. */

import type { Library } from '../content/library';
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
export function renderSitemap(library: Library, base: string): string {
  const entry = (loc: string, lastmod: string | undefined, alternates: { lang: string; href: string }[]) =>
    [
      '  <url>',
      `    <loc>${escapeXml(loc)}</loc>`,
      ...(lastmod ? [`    <lastmod>${lastmod}</lastmod>`] : []),
      ...alternates.map((a) => `    <xhtml:link rel="alternate" hreflang="${a.lang}" href="${escapeXml(a.href)}"/>`),
      '  </url>',
    ].join('\n');
  // Every cluster of language versions also names / (in both languages) as x-default.
  const cluster = (versions: { lang: Lang; path: string }[]) =>
    versions.length > 1
      ? [...versions.map((v) => ({ lang: LANGUAGE_TAG[v.lang], href: base + v.path })), { lang: 'x-default', href: `${base}/` }]
      : [];
  const each = (path: (l: Lang) => string) => LANGS.map((l) => ({ lang: l, path: path(l) }));
  const indexes = cluster(each(langPath));
  const urls = [entry(`${base}/`, lastmod(library), indexes), ...LANGS.map((l) => entry(base + langPath(l), lastmod(library, l), indexes))];
  for (const lang of LANGS) {
    urls.push(entry(`${base}/${lang}/partners`, undefined, cluster(each((l) => `/${l}/partners`))));
    urls.push(entry(`${base}/${lang}/privacy`, undefined, cluster(each((l) => `/${l}/privacy`))));
    for (const a of library.articles(lang)) {
      const versions = [a, ...library.translationsOf(a)].map((v) => ({ lang: v.lang, path: articlePath(v.lang, v.slug) }));
      urls.push(entry(base + articlePath(lang, a.slug), a.updated, cluster(versions)));
    }
    for (const tag of Object.keys(library.sites[lang].tags)) {
      if (library.articles(lang, tag).length === 0) continue;
      const versions = LANGS.filter((l) => library.articles(l, tag).length > 0).map((l) => ({ lang: l, path: tagPath(l, tag) }));
      urls.push(entry(base + tagPath(lang, tag), lastmod(library, lang, tag), cluster(versions)));
    }
  }
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}

export function renderRobots(base: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${base}/sitemap.xml\n`;
}

export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#004c97"/><text x="32" y="41" font-family="system-ui,sans-serif" font-size="22" font-weight="700" text-anchor="middle" fill="#fff">HIT</text></svg>';
