/** /{lang}/: the articles of one language, newest first. */
import type { Library } from '../content/library';
import type { Lang } from '../content/model';
import { langPath, tagPath } from '../urls';
import { ArticleList } from './article-list';
import { Breakable } from './heading';
import { UI } from './i18n';
import { feedLinks, Layout, otherLangs, siteShare } from './layout';
import { LIST_PAGE_SIZE, listPagePath, listPages, Pagination } from './pagination';

export function LangIndexPage({ library, lang, base, page = 1 }: { library: Library; lang: Lang; base: string; page?: number }) {
  const all = library.articles(lang);
  const shown = all.slice((page - 1) * LIST_PAGE_SIZE, page * LIST_PAGE_SIZE);
  const site = library.sites[lang];
  const ui = UI[lang];
  return (
    <Layout
      lang={lang}
      site={library.sites[lang]}
      title={page > 1 ? `${site.title} · ${ui.pageN.replace('{n}', String(page))}` : site.title}
      description={site.description}
      base={base}
      share={siteShare(library, lang, base)}
      path={listPagePath(langPath(lang), page)}
      // Page N's translation is page N of the other index, where it has one (so each links the other back).
      alternates={otherLangs(lang)
        .filter((l) => listPages(library.articles(l).length) >= page)
        .map((l) => ({ lang: l, path: listPagePath(langPath(l), page) }))}
      feeds={feedLinks(base, lang, site.title)}
      // `/` links the language indexes (their first pages) back: only those name it as their x-default.
      withXDefault={page === 1}
    >
      {/* A " · " in the site's title keeps its dot at the end of a line, never at the start of the next. */}
      <h1>
        <Breakable text={site.title.replaceAll(' · ', '\u00a0· ')} />
      </h1>
      <p>{site.description}</p>
      <ArticleList lang={lang} articles={shown} level={2} />
      <Pagination lang={lang} path={langPath(lang)} page={page} pages={listPages(all.length)} />
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
