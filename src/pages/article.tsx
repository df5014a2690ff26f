/** /{lang}/articles/{slug}: the article, the target of every feed item's link. */
import { raw } from 'hono/html';
import type { Library } from '../content/library';
import { LANGUAGE_TAG, type Translation } from '../content/model';
import { LANGUAGE } from '../languages';
import { articlePath, CARD_SIZE, langPath, tagPath } from '../urls';
import { formatDate, UI } from './i18n';
import { feedLinks, Layout, type ShareImage } from './layout';

export function ArticlePage({ library, article, base }: { library: Library; article: Translation; base: string }) {
  const { lang } = article;
  const site = library.sites[lang];
  const ui = UI[lang];
  const translations = library.translationsOf(article);
  const shareImage: ShareImage | undefined = article.image?.share
    ? { url: base + article.image.share.src, alt: article.image.alt, width: article.image.share.width, height: article.image.share.height }
    : article.image
      ? { url: article.image.src, alt: article.image.alt }
      : article.card
        ? { url: base + article.card, alt: article.title, width: CARD_SIZE.width, height: CARD_SIZE.height }
        : undefined;
  return (
    <Layout
      lang={lang}
      site={library.sites[lang]}
      title={`${article.title} · ${ui.siteName}`}
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
      jsonLd={[
        {
          '@context': 'https://schema.org',
          '@type': 'NewsArticle',
          headline: article.title,
          description: article.summary,
          datePublished: article.published,
          dateModified: article.updated,
          inLanguage: LANGUAGE_TAG[lang],
          author: { '@type': 'Person', name: article.author },
          publisher: {
            '@type': 'Organization',
            name: site.publisher,
            url: site.homePage,
            logo: { '@type': 'ImageObject', url: site.logo ?? `${base}/favicon.svg` },
          },
          ...(shareImage ? { image: [shareImage.url] } : {}),
          mainEntityOfPage: { '@type': 'WebPage', '@id': base + articlePath(lang, article.slug) },
          ...(article.original ? { isBasedOn: article.original } : {}),
        },
        {
          '@context': 'https://schema.org',
          '@type': 'BreadcrumbList',
          itemListElement: [
            { '@type': 'ListItem', position: 1, name: ui.siteName, item: base + langPath(lang) },
            { '@type': 'ListItem', position: 2, name: article.title, item: base + articlePath(lang, article.slug) },
          ],
        },
      ]}
    >
      <article>
        <h1>{article.title}</h1>
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
        <div class="body">{raw(article.html)}</div>
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
    </Layout>
  );
}
