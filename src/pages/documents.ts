/** The machine-read documents beside the pages: OPML, sitemap, robots.txt, favicon. */
import type { Library } from '../content/library';
import { LANGS, LANGUAGE_TAG, type Lang } from '../content/model';
import { escapeXml } from '../feeds/xml';
import { articlePath, FEED_FORMAT_NAME, FEED_FORMATS, feedPath, langPath, tagPath } from '../urls';

/** W3C date-time (UTC) of the newest update among a list's articles, for <lastmod>. */
const lastmod = (library: Library, lang: Lang, tag?: string) => {
  const ms = library.lastUpdateMs(lang, tag);
  return ms > 0 ? new Date(ms).toISOString() : undefined;
};

/** OPML 2.0 subscription list of all six feeds, grouped by language. */
export function renderOpml(library: Library, base: string): string {
  const groups = LANGS.map((lang) => {
    const site = library.sites[lang];
    const outlines = FEED_FORMATS.map(
      (format) =>
        `      <outline type="rss" text="${escapeXml(`${site.title} (${FEED_FORMAT_NAME[format]})`)}" title="${escapeXml(site.title)}" xmlUrl="${escapeXml(base + feedPath(lang, format))}" htmlUrl="${escapeXml(base + langPath(lang))}" language="${LANGUAGE_TAG[lang]}" description="${escapeXml(site.description)}"/>`,
    );
    return `    <outline text="${lang === 'zh' ? '中文' : 'English'}">\n${outlines.join('\n')}\n    </outline>`;
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<opml version="2.0">',
    '  <head>',
    '    <title>Study at HIT news feeds · 留学哈工大新闻订阅</title>',
    `    <dateModified>${new Date(library.lastUpdateMs()).toUTCString()}</dateModified>`,
    `    <ownerName>${escapeXml(library.sites.en.publisher)}</ownerName>`,
    `    <docs>http://opml.org/spec2.opml</docs>`,
    '  </head>',
    '  <body>',
    ...groups,
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
  const indexes = LANGS.map((l) => ({ lang: LANGUAGE_TAG[l], href: base + langPath(l) }));
  const urls = [entry(`${base}/`, undefined, []), ...LANGS.map((l) => entry(base + langPath(l), lastmod(library, l), indexes))];
  for (const lang of LANGS) {
    for (const a of library.articles(lang)) {
      const versions = [a, ...library.translationsOf(a)];
      const alternates =
        versions.length > 1 ? versions.map((v) => ({ lang: LANGUAGE_TAG[v.lang], href: base + articlePath(v.lang, v.slug) })) : [];
      urls.push(entry(base + articlePath(lang, a.slug), a.updated, alternates));
    }
    for (const tag of Object.keys(library.sites[lang].tags)) {
      if (library.articles(lang, tag).length > 0) urls.push(entry(base + tagPath(lang, tag), lastmod(library, lang, tag), []));
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
