/** The compiled content model: what the build emits and the Worker reads. */

import { LANGS, LANGUAGE, type Lang } from '../languages';

export { LANGS, type Lang } from '../languages';

/** BCP 47 tags for each language, as feeds and pages declare them. */
export const LANGUAGE_TAG = Object.fromEntries(LANGS.map((l) => [l, LANGUAGE[l].tag])) as Record<Lang, string>;

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/** Site metadata for one language (content/site/<lang>.yaml). */
export interface Site {
  lang: Lang;
  title: string;
  description: string;
  publisher: string;
  homePage: string;
  rights: string;
  attribution: string;
  licenseUrl?: string;
  icon?: string;
  logo?: string;
  /** Tag slug -> label in this language. */
  tags: Record<string, string>;
}

/** One language version of an article (content/articles/.../<slug>/<lang>.md). */
export interface Translation {
  slug: string;
  lang: Lang;
  title: string;
  summary: string;
  /** RFC 3339 with the author's offset, as written in the front matter. */
  published: string;
  /** RFC 3339; equals `published` when the article was never updated. */
  updated: string;
  publishedMs: number;
  updatedMs: number;
  author: string;
  tags: string[];
  /**
   * The lead image. `src` is absolute for a picture on the web, a site path (/media/...) for one processed beside
   * the article, which also has its size, type and bytes (for enclosures) and a larger variant for link previews.
   */
  image?: {
    src: string;
    alt: string;
    type?: string;
    width?: number;
    height?: number;
    length?: number;
    share?: { src: string; width: number; height: number };
  };
  /** Site path of the social card the build drew for link previews, when the article has no lead image. */
  card?: string;
  original?: string;
  /** Former slugs of a renamed article, oldest first: they redirect here, and the oldest is the feed id. */
  formerSlugs?: string[];
  /**
   * Sanitised HTML body, safe to embed in feeds and pages (pictures beside the article with site paths). Absent
   * exactly when `archived` is set: read it through BodyStore (src/content/archive.ts), never from here.
   */
  html?: string;
  /** The body for feeds when it holds pictures beside the article: split where the site's origin goes. */
  feedHtml?: string[];
  /** The body is in the archive (D1, binding ARCHIVE; row `${lang}/${slug}`): the build left it out of the bundle. */
  archived?: true;
  /** The body holds a video link that its page turns into a player on a click (the page loads /video.js). */
  video?: boolean;
  draft: boolean;
}

/** Where an article is, its headline and its last update: what links to it (translations, sitemaps) need. */
export type ArticleLink = Pick<Translation, 'lang' | 'slug' | 'title' | 'updated'>;

export interface CompiledContent {
  sites: Record<Lang, Site>;
  /** Per language, newest first (by published, then slug). */
  articles: Record<Lang, Translation[]>;
  /** Per language, slugs withdrawn on purpose (content/withdrawn.yaml): they answer 410 Gone. */
  withdrawn?: Partial<Record<Lang, string[]>>;
  /** A local preview build (drafts included): scheduled articles are shown before their time. */
  preview?: boolean;
  /**
   * `npm start -- --at <time>`: a local build whose Worker shows the site as production will at this instant (ms),
   * whatever the clock says. Never deployed (npm run deploy builds without it).
   */
  previewAt?: number;
  /**
   * The pictures of articles scheduled when the content was built, by hash (the start of their file names): when
   * the first article using each goes out (ms). The Worker serves them from R2 only from then (src/app/media.ts).
   */
  mediaReleases?: Record<string, number>;
  /** Site paths of the link-preview cards the build drew for the site's own pages and for each tag page. */
  siteCards?: Partial<Record<Lang, { site: string; tags: Record<string, string> }>>;
}
