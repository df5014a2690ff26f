/** RSS 2.0, serialised with `feed`, plus atom:link, dc:creator and hit:translationGroup. */
import { Feed } from 'feed';
import { extraFeedLinks, type FeedDocument } from './model';
import { emptyElement, escapeHtml, escapeXml, FH_NS, HIT_NS, replaceOnce } from './xml';

const GENERATOR = 'HIT CIE feeds (hono + feed)';

/** Renders a feed document as RSS 2.0. */
export function renderRss(doc: FeedDocument, hub?: string): string {
  const feed = new Feed({
    id: doc.id,
    title: doc.title,
    description: doc.description,
    link: doc.homeUrl,
    language: doc.languageTag,
    // Never let `feed` default lastBuildDate to the clock.
    updated: new Date(doc.updatedMs),
    generator: GENERATOR,
    // Only feedLinks.rss: `feed` would also reuse `feed` as the Atom self link.
    feedLinks: { rss: doc.feedUrls.rss },
    copyright: doc.rights,
    ...(doc.logo ? { image: doc.logo } : {}),
    ...(hub ? { hub } : {}),
  });
  for (const item of doc.items) {
    const links = item.original ? [xmlJsAttributes({ rel: 'via', type: 'text/html', href: item.original })] : [];
    feed.addItem({
      title: item.title,
      id: item.id,
      link: item.url,
      // `feed` writes `published` as pubDate; `date` alone would put the update time there.
      date: new Date(item.updatedMs),
      published: new Date(item.publishedMs),
      description: escapeHtml(item.summary),
      content: item.html,
      // Categories need `name`, or RSS prints "undefined".
      category: item.categories.map((c) => ({ name: c.label })),
      extensions: [
        // RSS <author> wants an e-mail address; a byline is dc:creator.
        { name: 'dc:creator', objects: { _text: item.author } },
        // xml-js writes an array as repeated elements; `feed`'s type only says "object".
        ...(links.length > 0 ? [{ name: 'atom:link', objects: links as unknown as Record<string, unknown> }] : []),
        { name: 'hit:translationGroup', objects: { _text: item.groupId } },
      ],
    });
  }
  let xml = feed.rss2();
  for (const item of doc.items) {
    // Readers (feedparser) take an item's *last* alternate link as its link, so the translations
    // go before the item's own <link>.
    const translations = item.translations.map((t) =>
      emptyElement('atom:link', { rel: 'alternate', type: 'text/html', hreflang: t.languageTag, href: t.url, title: t.title }),
    );
    const own = `<link>${escapeXml(item.url)}</link>`;
    if (translations.length > 0) xml = replaceOnce(xml, own, [...translations, own].join('\n            '));
  }
  const archive = doc.archive.isArchive;
  xml = replaceOnce(xml, '<rss version="2.0"', `<rss version="2.0" xmlns:hit="${HIT_NS}"${archive ? ` xmlns:fh="${FH_NS}"` : ''}`);
  const extra = [...extraFeedLinks(doc, 'rss').map((l) => emptyElement('atom:link', l)), ...(archive ? ['<fh:archive/>'] : [])];
  if (extra.length > 0) xml = replaceOnce(xml, '</channel>', `${extra.map((e) => `    ${e}\n`).join('')}    </channel>`);
  return xml;
}

// xml-js (inside `feed`) escapes only '"' in attribute values; escape the rest ourselves.
function xmlJsAttributes(attributes: Record<string, string>) {
  return { _attributes: Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k, escapeXml(v)])) };
}
