/** The one layout every page shares: head (canonical, hreflang, autodiscovery, sharing), header, footer. */
import type { Child } from 'hono/jsx';
import type { Library } from '../content/library';
import { LANGS, LANGUAGE_TAG, type Lang, type Site } from '../content/model';
import { LANGUAGE } from '../languages';
import { CARD_SIZE, FEED_FORMAT_NAME, FEED_FORMATS, FEED_MEDIA_TYPE, type FeedFormat, feedPath } from '../urls';
import { UI } from './i18n';

export interface FeedLink {
  format: FeedFormat;
  lang: Lang;
  href: string;
  title: string;
}

export interface LayoutProps {
  /** The page's language; the landing page is 'en' with Chinese passages marked. */
  lang: Lang;
  title: string;
  description: string;
  base: string;
  /** Path of this page; the canonical URL is base + path. Error pages have none and are not indexed. */
  path?: string;
  /** Same page in the other languages: hreflang links, and the language switch unless `switchTo` is given. */
  alternates?: { lang: Lang; path: string }[];
  feeds: FeedLink[];
  /** Where the language switch leads, for pages without alternates (`/`, 404s). */
  switchTo?: { lang: Lang; path: string }[];
  /** The page is the x-default (`/`): its alternates are the language versions, itself only x-default. */
  xDefault?: boolean;
  /**
   * The page's cluster names `/` as its x-default: only the clusters `/` links back to (the language indexes), as
   * search engines want every hreflang link returned.
   */
  withXDefault?: boolean;
  share?: { type: 'website' | 'article'; image?: ShareImage; published?: string; modified?: string; author?: string; tags?: string[] };
  /** The title shared in link previews (og:title), without the site suffix; default: `title`. */
  shareTitle?: string;
  /** schema.org structured data for search engines (JSON-LD). */
  jsonLd?: Record<string, unknown>[];
  /** The publisher, named with a link to its site and its copyright in every footer. */
  site: Pick<Site, 'publisher' | 'homePage' | 'rights'>;
  children?: Child;
}

/** The picture of a link preview: an article's lead image, or the social card the build drew for it. */
export interface ShareImage {
  url: string;
  alt: string;
  /** Known for social cards (1200×630), not for lead images hosted elsewhere. */
  width?: number;
  height?: number;
}

/** The languages other than `lang`, in the site's order. */
export const otherLangs = (lang: Lang): Lang[] => LANGS.filter((l) => l !== lang);

/** Autodiscovery links for a language's three main feeds (or a tag's). */
export function feedLinks(base: string, lang: Lang, siteTitle: string, tag?: { slug: string; label: string }): FeedLink[] {
  return FEED_FORMATS.map((format) => ({
    format,
    lang,
    href: base + feedPath(lang, format, tag?.slug),
    title: `${siteTitle}${tag ? ` · ${tag.label}` : ''} (${FEED_FORMAT_NAME[format]})`,
  }));
}

/** The link-preview picture of a page of the site itself (or of a tag's page): the card the build drew for it. */
export function siteShare(library: Library, lang: Lang, base: string, tag?: string): LayoutProps['share'] {
  const card = library.siteCard(lang, tag);
  const site = library.sites[lang];
  const alt = tag ? `${site.tags[tag] ?? tag} · ${UI[lang].siteName}` : site.title;
  return { type: 'website', ...(card ? { image: { url: base + card, alt, width: CARD_SIZE.width, height: CARD_SIZE.height } } : {}) };
}

/**
 * A <title> search engines show whole: at most 70 characters. The longest part after the first goes first (the site's
 * long name), so that what tells pages apart stays: "Study at HIT · page 2", "For partner sites · Study at HIT".
 */
export function fitTitle(title: string, max = 70): string {
  const parts = title.split(' · ');
  const length = () => [...parts.join(' · ')].length;
  while (length() > max && parts.length > 1) {
    const longest = parts.slice(1).reduce((at, p, i) => ([...p].length > [...(parts[at] ?? '')].length ? i + 1 : at), 1);
    parts.splice(longest, 1);
  }
  const fitted = parts.join(' · ');
  return [...fitted].length <= max ? fitted : `${[...fitted].slice(0, max - 1).join('')}…`;
}

export function Layout(props: LayoutProps) {
  return (
    <html lang={LANGUAGE_TAG[props.lang]}>
      <Head {...props} />
      <body>
        <a class="skip" href="#main">
          {UI[props.lang].skip}
        </a>
        <SiteHeader {...props} />
        <main id="main">{props.children}</main>
        <SiteFooter {...props} />
      </body>
    </html>
  );
}

/** <head>: title, description, canonical and hreflang links, feed autodiscovery, link-preview and JSON-LD data. */
function Head(props: LayoutProps) {
  const canonical = props.path === undefined ? undefined : props.base + props.path;
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{fitTitle(props.title)}</title>
      <meta name="description" content={props.description} />
      {canonical ? <link rel="canonical" href={canonical} /> : <meta name="robots" content="noindex" />}
      {canonical && props.alternates?.length && !props.xDefault ? (
        <link rel="alternate" hreflang={LANGUAGE_TAG[props.lang]} href={canonical} />
      ) : null}
      {props.alternates?.map((a) => (
        <link rel="alternate" hreflang={LANGUAGE_TAG[a.lang]} href={props.base + a.path} />
      ))}
      {canonical && props.alternates?.length && (props.xDefault || props.withXDefault) ? (
        <link rel="alternate" hreflang="x-default" href={`${props.base}/`} />
      ) : null}
      {props.feeds.map((f) => (
        <link rel="alternate" type={FEED_MEDIA_TYPE[f.format]} title={f.title} hreflang={LANGUAGE_TAG[f.lang]} href={f.href} />
      ))}
      <link rel="stylesheet" href="/style.css" />
      <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      <link rel="icon" href="/icons/icon-32.png" type="image/png" sizes="32x32" />
      <link rel="apple-touch-icon" href="/icons/apple-touch-icon.png" />
      <ShareMeta {...props} canonical={canonical} />
      {props.jsonLd?.map((data) => (
        // Data, not code: browsers never run application/ld+json, and "<" is escaped so it cannot end the element.
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, '\\u003c') }} />
      ))}
      <meta name="twitter:description" content={props.description} />
    </head>
  );
}

/** Open Graph and Twitter meta: what a chat or social site shows for a shared link. */
function ShareMeta(props: LayoutProps & { canonical: string | undefined }) {
  const { share } = props;
  const image = share?.image;
  return (
    <>
      <meta property="og:type" content={share?.type ?? 'website'} />
      <meta property="og:title" content={props.shareTitle ?? props.title} />
      <meta property="og:description" content={props.description} />
      {props.canonical ? <meta property="og:url" content={props.canonical} /> : null}
      <meta property="og:site_name" content={UI[props.lang].siteName} />
      <meta property="og:locale" content={LANGUAGE[props.lang].ogLocale} />
      {(props.alternates ?? [])
        .filter((a) => a.lang !== props.lang)
        .map((a) => (
          <meta property="og:locale:alternate" content={LANGUAGE[a.lang].ogLocale} />
        ))}
      {image ? (
        <>
          <meta property="og:image" content={image.url} />
          <meta property="og:image:alt" content={image.alt} />
          {image.width ? <meta property="og:image:width" content={String(image.width)} /> : null}
          {image.height ? <meta property="og:image:height" content={String(image.height)} /> : null}
        </>
      ) : null}
      {share?.published ? <meta property="article:published_time" content={share.published} /> : null}
      {share?.modified ? <meta property="article:modified_time" content={share.modified} /> : null}
      {share?.author ? <meta property="article:author" content={share.author} /> : null}
      {share?.tags?.map((t) => (
        <meta property="article:tag" content={t} />
      ))}
      <meta name="twitter:card" content={image ? 'summary_large_image' : 'summary'} />
      <meta name="twitter:title" content={props.shareTitle ?? props.title} />
      {image ? <meta name="twitter:image" content={image.url} /> : null}
      {image ? <meta name="twitter:image:alt" content={image.alt} /> : null}
    </>
  );
}

/** The site name, home, partners and the switch to the other languages. */
function SiteHeader(props: LayoutProps) {
  const ui = UI[props.lang];
  return (
    <header>
      <a class="site" href={`/${props.lang}/`}>
        {ui.siteName}
      </a>
      <nav aria-label={ui.siteNav}>
        <ul>
          <li>
            <a href="/">{ui.home}</a>
          </li>
          <li>
            <a href={`/${props.lang}/partners`}>{ui.partners}</a>
          </li>
          {(props.switchTo ?? props.alternates ?? []).map((to) => (
            <li>
              <a href={to.path} hreflang={LANGUAGE_TAG[to.lang]} lang={LANGUAGE_TAG[to.lang]}>
                {LANGUAGE[to.lang].name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

/** Every page's footer: the feeds of its languages, the OPML lists, the publisher, the privacy page. */
function SiteFooter(props: LayoutProps) {
  const ui = UI[props.lang];
  return (
    <footer>
      {LANGS.filter((l) => props.feeds.some((f) => f.lang === l)).map((l) => (
        <p lang={LANGUAGE_TAG[l]}>
          {UI[l].feedsIn}
          {props.feeds
            .filter((f) => f.lang === l)
            .map((f, i) => (
              <>
                {i > 0 ? ' · ' : ''}
                <a href={f.href} type={FEED_MEDIA_TYPE[f.format]}>
                  {FEED_FORMAT_NAME[f.format]}
                </a>
              </>
            ))}
        </p>
      ))}
      <p>
        OPML{ui.colon}
        <a href="/feeds.opml">RSS</a> · <a href="/feeds-atom.opml">Atom</a> · <a href="/feeds-json.opml">JSON Feed</a>
      </p>
      <p>
        <a href={props.site.homePage}>{props.site.publisher}</a> · {props.site.rights} · <a href={`/${props.lang}/privacy`}>{ui.privacy}</a>
      </p>
    </footer>
  );
}
