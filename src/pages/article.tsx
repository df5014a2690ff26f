/** /{lang}/articles/{slug}: the article, the target of every feed item's link. */
import { raw } from 'hono/html';
import type { Library } from '../content/library';
import { type ArticleLink, LANGUAGE_TAG, type Site, type Translation } from '../content/model';
import { LANGUAGE } from '../languages';
import { articlePath, CARD_SIZE, langPath, tagPath } from '../urls';
import { Breakable } from './heading';
import { formatDate, UI } from './i18n';
import { feedLinks, Layout, type ShareImage } from './layout';

/** The page of `article`, whose body (from the bundle or the archive) is `html`. */
export function ArticlePage({ library, article, html, base }: { library: Library; article: Translation; html: string; base: string }) {
  const { lang } = article;
  const site = library.sites[lang];
  const translations = library.translationsOf(article);
  const shareImage = shareImageOf(article, base);
  return (
    <Layout
      lang={lang}
      site={site}
      title={`${article.title} · ${UI[lang].siteName}`}
      description={article.summary}
      base={base}
      path={articlePath(lang, article.slug)}
      alternates={translations.map((t) => ({ lang: t.lang, path: articlePath(t.lang, t.slug) }))}
      feeds={feedLinks(base, lang, site.title)}
      shareTitle={article.title}
      share={{
        type: 'article',
        image: shareImage,
        published: article.published,
        modified: article.updated,
        author: article.author,
        tags: article.tags.map((t) => site.tags[t] ?? t),
      }}
      jsonLd={articleJsonLd(article, site, base, shareImage)}
    >
      <ArticleBody article={article} html={html} site={site} translations={translations} />
    </Layout>
  );
}

/** The picture of a link preview: the lead image (its largest variant when processed here), else the social card. */
function shareImageOf(article: Translation, base: string): ShareImage | undefined {
  const { image, card } = article;
  if (image?.share) return { url: base + image.share.src, alt: image.alt, width: image.share.width, height: image.share.height };
  if (image) return { url: image.src, alt: image.alt };
  return card ? { url: base + card, alt: article.title, width: CARD_SIZE.width, height: CARD_SIZE.height } : undefined;
}

/** schema.org NewsArticle and BreadcrumbList, for search engines. */
function articleJsonLd(article: Translation, site: Site, base: string, shareImage: ShareImage | undefined): Record<string, unknown>[] {
  const url = base + articlePath(article.lang, article.slug);
  return [
    {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: article.title,
      description: article.summary,
      datePublished: article.published,
      dateModified: article.updated,
      inLanguage: LANGUAGE_TAG[article.lang],
      author: { '@type': 'Person', name: article.author },
      publisher: {
        '@type': 'Organization',
        name: site.publisher,
        url: site.homePage,
        logo: { '@type': 'ImageObject', url: site.logo ?? `${base}/icons/icon-512.png`, width: 512, height: 512 },
      },
      ...(shareImage ? { image: [shareImage.url] } : {}),
      mainEntityOfPage: { '@type': 'WebPage', '@id': url },
      ...(article.original ? { isBasedOn: article.original } : {}),
    },
    {
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: UI[article.lang].siteName, item: base + langPath(article.lang) },
        { '@type': 'ListItem', position: 2, name: article.title, item: url },
      ],
    },
  ];
}

/** The article itself: headline, byline and dates, body, tags, the original and the translations. */
function ArticleBody({
  article,
  html,
  site,
  translations,
}: {
  article: Translation;
  html: string;
  site: Site;
  translations: ArticleLink[];
}) {
  const { lang } = article;
  const ui = UI[lang];
  return (
    <article>
      <h1>
        <Breakable text={article.title} />
      </h1>
      <p class="meta">
        {ui.by} {article.author} · {ui.published} <time datetime={article.published}>{formatDate(article.published, lang)}</time>
        {article.updated !== article.published ? (
          <>
            {' '}
            · {ui.updated} <time datetime={article.updated}>{formatDate(article.updated, lang)}</time>
          </>
        ) : null}
        {article.draft ? (
          <>
            {' '}
            · <span class="draft">{ui.draft}</span>
          </>
        ) : null}
      </p>
      <div class="body">{raw(html)}</div>
      <h2>{ui.tags}</h2>
      <ul class="tags">
        {article.tags.map((t) => (
          <li>
            <a href={tagPath(lang, t)} rel="tag">
              {site.tags[t] ?? t}
            </a>
          </li>
        ))}
      </ul>
      <p>
        {article.original ? (
          <a href={article.original} rel="external">
            {ui.original}
          </a>
        ) : null}
        {translations.map((t, i) => (
          <>
            {article.original || i > 0 ? ' · ' : null}
            <a href={articlePath(t.lang, t.slug)} hreflang={LANGUAGE_TAG[t.lang]} rel="alternate">
              {LANGUAGE[lang].readIn(LANGUAGE[t.lang])}
            </a>
          </>
        ))}
      </p>
      <p>
        <a href={langPath(lang)}>{ui.articles}</a>
      </p>
      {article.video ? <script src="/video.js" defer></script> : null}
    </article>
  );
}
