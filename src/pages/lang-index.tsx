/** /{lang}/: the articles of one language, newest first. */
import type { Library } from '../content/library';
import type { Lang } from '../content/model';
import { langPath, tagPath } from '../urls';
import { ArticleList } from './article-list';
import { UI } from './i18n';
import { feedLinks, Layout, otherLangs } from './layout';

/** Articles per index page: the page stays small however large the archive grows. */
export const INDEX_PAGE_SIZE = 30;

export function LangIndexPage({ library, lang, base, page = 1 }: { library: Library; lang: Lang; base: string; page?: number }) {
  const all = library.articles(lang);
  const shown = all.slice((page - 1) * INDEX_PAGE_SIZE, page * INDEX_PAGE_SIZE);
  const pages = Math.max(1, Math.ceil(all.length / INDEX_PAGE_SIZE));
  const site = library.sites[lang];
  const ui = UI[lang];
  return (
    <Layout
      lang={lang}
      site={library.sites[lang]}
      title={site.title}
      description={site.description}
      base={base}
      path={langPath(lang) + (page > 1 ? `?page=${page}` : '')}
      alternates={otherLangs(lang).map((l) => ({ lang: l, path: langPath(l) }))}
      feeds={feedLinks(base, lang, site.title)}
    >
      <h1>{site.title}</h1>
      <p>{site.description}</p>
      <ArticleList lang={lang} articles={shown} level={2} />
      {pages > 1 ? (
        <nav aria-label={ui.pagination}>
          <p>
            {page > 1 ? (
              <a href={page === 2 ? langPath(lang) : `${langPath(lang)}?page=${page - 1}`} rel="prev">
                {ui.newer}
              </a>
            ) : null}
            {page > 1 && page < pages ? ' · ' : null}
            {page < pages ? (
              <a href={`${langPath(lang)}?page=${page + 1}`} rel="next">
                {ui.older}
              </a>
            ) : null}
          </p>
        </nav>
      ) : null}
      <h2>{ui.allTags}</h2>
      <ul class="tags">
        {Object.entries(site.tags).map(([slug, label]) => (
          <li>
            <a href={tagPath(lang, slug)}>{label}</a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
