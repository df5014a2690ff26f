/**
 * RSS 2.0, serialised by `feed` in one call: what RSS itself lacks (translation, original, archive
 * and licence links, the byline, the lead image) goes in through `feed`'s extensions, as elements
 * of the Atom, Dublin Core, Media RSS and Feed History namespaces.
 */
import { Feed } from 'feed';
import { extraFeedLinks, type FeedDocument } from './model';
import { escapeHtml, FH_NS, MEDIA_NS, plainText, xmlAttributes, xmlText } from './xml';

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
  });
  // The channel's atom:link list replaces `feed`'s own (self only), so it holds self and hub too.
  feed.addExtension({
    name: 'atom:link',
    objects: [
      xmlAttributes({ href: doc.feedUrls.rss, rel: 'self', type: 'application/rss+xml' }),
      ...(hub ? [xmlAttributes({ href: hub, rel: 'hub' })] : []),
      ...extraFeedLinks(doc, 'rss').map((l) => xmlAttributes(l)),
    ] as unknown as Record<string, unknown>, // xml-js writes an array as repeated elements
  });
  for (const [name, value] of [
    ['title', doc.title],
    ['description', doc.description],
    ['copyright', doc.rights],
  ] as const) {
    feed.addExtension({ name, objects: xmlText(value) });
  }
  if (doc.archive.isArchive) feed.addExtension({ name: 'fh:archive', objects: xmlAttributes({ 'xmlns:fh': FH_NS }) });

  for (const item of doc.items) {
    // <link> (written first by `feed`) is the item's only alternate: readers differ on which
    // alternate they take, so the translations are rel="related" with their language.
    const links = [
      ...item.translations.map((t) =>
        xmlAttributes({ rel: 'related', type: 'text/html', hreflang: t.languageTag, href: t.url, title: plainText(t.title) }),
      ),
      ...(item.original ? [xmlAttributes({ rel: 'via', type: 'text/html', href: item.original })] : []),
    ];
    const image = item.image;
    feed.addItem({
      title: item.title,
      id: item.id,
      link: item.url,
      // `feed` writes `published` as pubDate; `date` alone would put the update time there.
      date: new Date(item.updatedMs),
      published: new Date(item.publishedMs),
      description: escapeHtml(plainText(item.summary)),
      content: item.html,
      extensions: [
        // Plain text, not `feed`'s CDATA (which splits only the first "]]>").
        { name: 'title', objects: xmlText(item.title) },
        // RSS has no update time per item; readers (feedparser, Thunderbird, Inoreader) read atom:updated for it,
        // so a correction shows as one.
        { name: 'atom:updated', objects: xmlText(new Date(item.updatedMs).toISOString()) },
        // RSS <author> wants an e-mail address; a byline is dc:creator.
        { name: 'dc:creator', objects: xmlText(item.author) },
        // The label in the feed's language; the domain (the tag's page) keeps the slug machine-readable.
        {
          name: 'category',
          objects: item.categories.map((c) => ({ ...xmlText(c.label), ...xmlAttributes({ domain: c.url }) })) as unknown as Record<
            string,
            unknown
          >,
        },
        ...(links.length > 0 ? [{ name: 'atom:link', objects: links as unknown as Record<string, unknown> }] : []),
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
      ],
    });
  }
  return feed.rss2();
}
