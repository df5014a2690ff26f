/** Atom 1.0, serialised with `feed`, plus xml:lang, per-entry links and hit:translationGroup. */
import { Feed } from 'feed';
import { extraFeedLinks, type FeedDocument } from './model';
import { emptyElement, escapeHtml, escapeXml, FH_NS, HIT_NS, replaceOnce } from './xml';

const GENERATOR = 'HIT CIE feeds (hono + feed)';
// `feed` has no hook for extra entry elements: each entry's <rights> carries a placeholder we replace.
const entryMarker = (i: number) => `@@hit-entry-${i}@@`;
const FEED_MARKER = '@@hit-feed@@';

/** Renders a feed document as Atom 1.0. */
export function renderAtom(doc: FeedDocument, hub?: string): string {
  const feed = new Feed({
    id: doc.id,
    title: doc.title,
    description: doc.description,
    link: doc.homeUrl,
    // Never let `feed` default <updated> to the clock.
    updated: new Date(doc.updatedMs),
    generator: GENERATOR,
    feedLinks: { atom: doc.feedUrls.atom },
    author: { name: doc.publisher, link: doc.publisherUrl },
    copyright: FEED_MARKER,
    favicon: doc.icon,
    ...(doc.logo ? { image: doc.logo } : {}),
    ...(hub ? { hub } : {}),
  });
  doc.items.forEach((item, i) => {
    feed.addItem({
      // type="html": plain text must be escaped to read the same.
      title: escapeHtml(item.title),
      id: item.id,
      link: item.url,
      date: new Date(item.updatedMs),
      published: new Date(item.publishedMs),
      description: escapeHtml(item.summary),
      content: item.html,
      author: [{ name: item.author }],
      category: item.categories.map((c) => ({ term: c.term, name: c.label })),
      copyright: entryMarker(i),
    });
  });
  let xml = feed.atom1();
  xml = replaceOnce(
    xml,
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:hit="${HIT_NS}"${doc.archive.isArchive ? ` xmlns:fh="${FH_NS}"` : ''} xml:lang="${doc.languageTag}">`,
  );
  const extra = [...extraFeedLinks(doc, 'atom').map((l) => emptyElement('link', l)), ...(doc.archive.isArchive ? ['<fh:archive/>'] : [])];
  xml = replaceOnce(xml, `<rights>${FEED_MARKER}</rights>`, [`<rights>${escapeXml(doc.rights)}</rights>`, ...extra].join('\n    '));
  doc.items.forEach((item, i) => {
    // Readers (feedparser, newsboat) take an entry's *last* rel="alternate" link as its link,
    // so the translations go before the entry's own link.
    const translations = item.translations.map((t) =>
      emptyElement('link', { rel: 'alternate', type: 'text/html', hreflang: t.languageTag, href: t.url, title: t.title }),
    );
    const own = `<link href="${escapeXml(item.url)}"/>`;
    if (translations.length > 0) xml = replaceOnce(xml, own, [...translations, own].join('\n        '));
    const extra = [
      ...(item.original ? [emptyElement('link', { rel: 'via', type: 'text/html', href: item.original })] : []),
      `<hit:translationGroup>${escapeXml(item.groupId)}</hit:translationGroup>`,
    ];
    xml = replaceOnce(xml, `<rights>${entryMarker(i)}</rights>`, extra.join('\n        '));
  });
  return xml;
}
