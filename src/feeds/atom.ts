/**
 * Atom 1.0, built as one element tree from the feed model and serialised in one call by xml-js, the
 * serialiser `feed` itself uses, through the same element helpers as the RSS extensions (./xml).
 * `feed` 6's Atom writer builds entries from fixed fields and drops `extensions` (jpmonette/feed#82:
 * the maintainer asks for one `extra` for all formats; not done upstream yet), and this feed's entries
 * need several: hreflang, translation, original and enclosure links, the lead image, xml:lang.
 */
import { extraFeedLinks, type FeedDocument } from './model';
import { ATOM_NS, FH_NS, MEDIA_NS, plainText, serialiseXml, xmlAttributes, xmlText } from './xml';

const GENERATOR = 'HIT CIE feeds (hono + feed)';

// Bodies come from the build with every "]]>" escaped, so a CDATA section holds them safely.
const html = (markup: string) => ({ ...xmlAttributes({ type: 'html' }), _cdata: markup });
const text = (value: string) => ({ ...xmlAttributes({ type: 'text' }), ...xmlText(value) });
const link = (attributes: Record<string, string | undefined>) => xmlAttributes(attributes);

/** Renders a feed document as Atom 1.0. */
export function renderAtom(doc: FeedDocument, hub?: string): string {
  const feed = {
    ...xmlAttributes({
      xmlns: ATOM_NS,
      ...(doc.archive.isArchive ? { 'xmlns:fh': FH_NS } : {}),
      ...(doc.items.some((i) => i.image) ? { 'xmlns:media': MEDIA_NS } : {}),
      'xml:lang': doc.languageTag,
    }),
    id: xmlText(doc.id),
    title: text(doc.title),
    subtitle: text(doc.description),
    // Never the clock: the newest item's update.
    updated: xmlText(new Date(doc.updatedMs).toISOString()),
    generator: xmlText(GENERATOR),
    author: { name: xmlText(doc.publisher), uri: xmlText(doc.publisherUrl) },
    link: [
      link({ rel: 'alternate', type: 'text/html', href: doc.homeUrl }),
      link({ rel: 'self', type: 'application/atom+xml', href: doc.feedUrls.atom }),
      ...(hub ? [link({ rel: 'hub', href: hub })] : []),
      ...extraFeedLinks(doc, 'atom').map((l) => link(l)),
    ],
    icon: xmlText(doc.icon),
    ...(doc.logo ? { logo: xmlText(doc.logo) } : {}),
    rights: text(doc.rights),
    ...(doc.archive.isArchive ? { 'fh:archive': {} } : {}),
    entry: doc.items.map((item) => ({
      id: xmlText(item.id),
      title: text(item.title),
      updated: xmlText(new Date(item.updatedMs).toISOString()),
      published: xmlText(new Date(item.publishedMs).toISOString()),
      author: { name: xmlText(item.author) },
      // The entry's own page is its only alternate; readers differ on which alternate they take.
      link: [
        link({ rel: 'alternate', type: 'text/html', hreflang: doc.languageTag, href: item.url }),
        ...item.translations.map((t) =>
          link({ rel: 'related', type: 'text/html', hreflang: t.languageTag, href: t.url, title: plainText(t.title) }),
        ),
        ...(item.original ? [link({ rel: 'via', type: 'text/html', href: item.original })] : []),
        ...(item.image
          ? [
              link({
                rel: 'enclosure',
                type: item.image.type,
                href: item.image.src,
                title: plainText(item.image.alt),
                ...(item.image.length ? { length: String(item.image.length) } : {}),
              }),
            ]
          : []),
      ],
      // Readers show `term`: the label in the feed's language; the scheme (the tag's page) keeps the slug.
      category: item.categories.map((c) => xmlAttributes({ term: plainText(c.label), scheme: c.url, label: plainText(c.label) })),
      summary: text(item.summary),
      content: html(item.html),
      ...(item.image ? { 'media:thumbnail': xmlAttributes({ url: item.image.src, ...imageSize(item.image) }) } : {}),
    })),
  };
  return serialiseXml({ feed });
}

/** Width and height attributes of a picture whose size is known. */
function imageSize(image: { width?: number; height?: number }): Record<string, string> {
  return image.width && image.height ? { width: String(image.width), height: String(image.height) } : {};
}
