/** Every URL and identifier the site hands out, in one place, so feeds and pages agree. */
import type { Lang } from './content/model';

export type FeedFormat = 'rss' | 'atom' | 'json';
export const FEED_FORMATS: readonly FeedFormat[] = ['rss', 'atom', 'json'];
export const FEED_FILE: Record<FeedFormat, string> = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' };
export const FEED_MEDIA_TYPE: Record<FeedFormat, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
};
export const FEED_FORMAT_NAME: Record<FeedFormat, string> = { rss: 'RSS 2.0', atom: 'Atom 1.0', json: 'JSON Feed 1.1' };

// Ids are tag: URIs (RFC 4151) so they never change when the Worker moves to another host.
const ID_PREFIX = 'tag:cie.hit.edu.cn,2025:';

/** Permanent id of one language version of an article. */
export const articleId = (lang: Lang, slug: string) => `${ID_PREFIX}articles/${slug}/${lang}`;
/** Key shared by all language versions of one story. */
export const translationGroupId = (slug: string) => `${ID_PREFIX}articles/${slug}`;
/** Permanent id of a feed (the same for its three formats). */
export const feedId = (lang: Lang, tag?: string) => `${ID_PREFIX}feeds/${lang}${tag ? `/tags/${tag}` : ''}`;

export const langPath = (lang: Lang) => `/${lang}/`;
export const articlePath = (lang: Lang, slug: string) => `/${lang}/articles/${slug}`;
/** A social card (static asset); the hash of what it shows is in the name, so a new title is a new URL. */
export const CARD_SIZE = { width: 1200, height: 630 } as const;
/**
 * A picture variant's file name under /media/ (its key in R2): `<hash>-<width>.<webp|jpg|png>`, the hash being the
 * picture's keyed hash (src/build/photos.ts names them; src/app/media.ts serves them).
 */
export const VARIANT_FILE = /^([0-9a-f]{16})-(\d{1,5})\.(webp|jpg|png)$/;
export const cardPath = (lang: Lang, slug: string, hash: string) => `/cards/${lang}/${slug}-${hash}.png`;
export const tagPath = (lang: Lang, tag: string) => `/${lang}/tags/${tag}/`;
export const feedPath = (lang: Lang, format: FeedFormat, tag?: string) => `/${lang}/${tag ? `tags/${tag}/` : ''}${FEED_FILE[format]}`;
