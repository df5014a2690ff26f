/**
 * RSS 2.0, serialised by `feed` in one call from its own fields (text handed over as its serialiser,
 * xml-js, must be given it); what RSS itself lacks (translation, original, archive and licence links,
 * the byline, the update time, the lead image) goes in through `feed`'s extensions, as elements of the
 * Atom, Dublin Core, Media RSS and Feed History namespaces. One extension replaces an element `feed`
 * writes: the channel's atom:link list, as `feed` writes only self and hub there.
 */
import { Feed } from 'feed';
import { extraFeedLinks, type FeedDocument, type FeedItem } from './model';
import { escapeHtml, FH_NS, MEDIA_NS, plainText, repeated, xmlAttributes, xmlJsText, xmlText } from './xml';

/** An extension as `feed` takes it: an element name and its xml-js content. */
type FeedExtension = Parameters<Feed['addExtension']>[0];

const GENERATOR = 'HIT CIE feeds (hono + feed)';

/** Renders a feed document as RSS 2.0. */
export function renderRss(doc: FeedDocument, hub?: string): string {
  const feed = new Feed({
    id: doc.id,
    title: xmlJsText(doc.title),
    description: xmlJsText(doc.description),
    link: doc.homeUrl,
    language: doc.languageTag,
    // Never let `feed` default lastBuildDate to the clock.
    updated: new Date(doc.updatedMs),
    generator: GENERATOR,
    // Only feedLinks.rss: `feed` would also reuse `feed` as the Atom self link.
    feedLinks: { rss: doc.feedUrls.rss },
    copyright: xmlJsText(doc.rights),
    // The channel's <image>, which readers show beside the feed's name.
    image: doc.channelImage,
  });
  for (const extension of channelExtensions(doc, hub)) feed.addExtension(extension);
  for (const item of doc.items) {
    feed.addItem({
      // `feed` puts it in a CDATA section, which plain text fills whole.
      title: plainText(item.title),
      id: item.id,
      link: item.url,
      // `feed` writes `published` as pubDate; `date` alone would put the update time there.
      date: new Date(item.updatedMs),
      published: new Date(item.publishedMs),
      description: escapeHtml(plainText(item.summary)),
      content: item.html,
      // The lead image as an enclosure too, for readers that show only those; RSS requires its bytes, which only a
      // picture processed beside the article has (one on the web keeps media:content alone).
      ...(item.image?.length && item.image.type
        ? { enclosure: { url: item.image.src, type: item.image.type, length: item.image.length } }
        : {}),
      extensions: itemExtensions(item),
    });
  }
  return feed.rss2();
}

/** The channel's atom:link list (self, hub, licence, archives) and fh:archive. */
function channelExtensions(doc: FeedDocument, hub?: string): FeedExtension[] {
  return [
    // This list replaces `feed`'s own atom:link (self only), so it holds self and hub too.
    {
      name: 'atom:link',
      objects: repeated([
        xmlAttributes({ href: doc.feedUrls.rss, rel: 'self', type: 'application/rss+xml' }),
        ...(hub ? [xmlAttributes({ href: hub, rel: 'hub' })] : []),
        ...extraFeedLinks(doc, 'rss').map((l) => xmlAttributes(l)),
      ]),
    },
    ...(doc.archive.isArchive ? [{ name: 'fh:archive', objects: xmlAttributes({ 'xmlns:fh': FH_NS }) }] : []),
  ];
}

/** What RSS lacks for an item, in the Atom, Dublin Core and Media RSS namespaces. */
function itemExtensions(item: FeedItem): FeedExtension[] {
  // <link> (written first by `feed`) is the item's only alternate: readers differ on which alternate they take,
  // so the translations are rel="related" with their language.
  const links = [
    ...item.translations.map((t) =>
      xmlAttributes({ rel: 'related', type: 'text/html', hreflang: t.languageTag, href: t.url, title: plainText(t.title) }),
    ),
    ...(item.original ? [xmlAttributes({ rel: 'via', type: 'text/html', href: item.original })] : []),
  ];
  const image = item.image;
  return [
    // RSS has no update time per item; readers (feedparser, Thunderbird, Inoreader) read atom:updated for it,
    // so a correction shows as one.
    { name: 'atom:updated', objects: xmlText(new Date(item.updatedMs).toISOString()) },
    // RSS <author> wants an e-mail address; a byline is dc:creator.
    { name: 'dc:creator', objects: xmlText(item.author) },
    // The label in the feed's language; the domain (the tag's page) keeps the slug machine-readable.
    { name: 'category', objects: repeated(item.categories.map((c) => ({ ...xmlText(c.label), ...xmlAttributes({ domain: c.url }) }))) },
    ...(links.length > 0 ? [{ name: 'atom:link', objects: repeated(links) }] : []),
    ...(image
      ? [
          {
            name: 'media:content',
            objects: {
              ...xmlAttributes({
                'xmlns:media': MEDIA_NS,
                url: image.src,
                medium: 'image',
                type: image.type,
                ...(image.length ? { fileSize: String(image.length) } : {}),
                ...(image.width && image.height ? { width: String(image.width), height: String(image.height) } : {}),
              }),
              'media:description': xmlText(image.alt),
            },
          },
        ]
      : []),
  ];
}
