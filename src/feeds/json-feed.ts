/**
 * JSON Feed 1.1, a typed object serialised by JSON.stringify: `feed` 6's json1() writes 1.0 (`author`,
 * no `language`); 1.1 is jpmonette/feed#247, open upstream. When it lands, this maps onto it.
 */
import type { FeedDocument } from './model';

/** JSON Feed 1.1 top-level object (https://www.jsonfeed.org/version/1.1/). */
export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  icon: string;
  favicon: string;
  language: string;
  authors: { name: string; url?: string }[];
  hubs?: { type: string; url: string }[];
  next_url?: string;
  _hit: { rights: string; attribution: string; license_url?: string };
  items: JsonFeedItem[];
}

export interface JsonFeedItem {
  id: string;
  url: string;
  external_url?: string;
  title: string;
  summary: string;
  content_html: string;
  image?: string;
  date_published: string;
  date_modified: string;
  authors: { name: string }[];
  tags: string[];
  language: string;
  _hit: {
    translation_group: string;
    translations: { language: string; url: string; title: string }[];
    tags: string[];
  };
}

/** Renders a feed document as JSON Feed 1.1. */
export function renderJsonFeed(doc: FeedDocument, hub?: string): string {
  const feed: JsonFeed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: doc.title,
    home_page_url: doc.homeUrl,
    feed_url: doc.feedUrls.json,
    description: doc.description,
    icon: doc.icon,
    favicon: doc.favicon,
    language: doc.languageTag,
    authors: [{ name: doc.publisher, url: doc.publisherUrl }],
    ...(hub ? { hubs: [{ type: 'WebSub', url: hub }] } : {}),
    // JSON Feed pages backwards: next_url leads to older items.
    ...(doc.archive.prev ? { next_url: doc.archive.prev.json } : {}),
    _hit: {
      rights: doc.rights,
      attribution: doc.attribution,
      ...(doc.licenseUrl ? { license_url: doc.licenseUrl } : {}),
    },
    items: doc.items.map((item) => ({
      id: item.id,
      url: item.url,
      ...(item.original ? { external_url: item.original } : {}),
      title: item.title,
      summary: item.summary,
      content_html: item.html,
      ...(item.image ? { image: item.image.src } : {}),
      date_published: item.published,
      date_modified: item.updated,
      authors: [{ name: item.author }],
      tags: item.categories.map((c) => c.label),
      language: doc.languageTag,
      _hit: {
        translation_group: item.groupId,
        translations: item.translations.map((t) => ({ language: t.languageTag, url: t.url, title: t.title })),
        tags: item.categories.map((c) => c.term),
      },
    })),
  };
  return JSON.stringify(feed);
}
