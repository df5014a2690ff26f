/** /{lang}/tags/{tag}/: the articles carrying one tag, 30 a page (?page=N), and that tag's feeds. */
import type { Library } from '../content/library';
import type { Lang } from '../content/model';
import { tagPath } from '../urls';
import { ArticleList } from './article-list';
import { FeedTable } from './feed-table';
import { UI } from './i18n';
import { feedLinks, Layout, otherLangs, siteShare } from './layout';
import { LIST_PAGE_SIZE, listPagePath, listPages, Pagination } from './pagination';

export function TagPage({
  library,
  lang,
  tag,
  base,
  page = 1,
}: {
  library: Library;
  lang: Lang;
  tag: string;
  base: string;
  page?: number;
}) {
  const site = library.sites[lang];
  const all = library.articles(lang, tag);
  const label = site.tags[tag] ?? tag;
  const feeds = feedLinks(base, lang, site.title, { slug: tag, label });
  return (
    <Layout
      lang={lang}
      site={library.sites[lang]}
      title={`${label} · ${UI[lang].siteName}`}
      description={`${site.title} · ${label}`}
      base={base}
      share={siteShare(library, lang, base, tag)}
      path={listPagePath(tagPath(lang, tag), page)}
      alternates={otherLangs(lang).map((l) => ({ lang: l, path: tagPath(l, tag) }))}
      feeds={feeds}
    >
      <h1>{label}</h1>
      <ArticleList lang={lang} articles={all.slice((page - 1) * LIST_PAGE_SIZE, page * LIST_PAGE_SIZE)} level={2} />
      <Pagination lang={lang} path={tagPath(lang, tag)} page={page} pages={listPages(all.length)} />
      <h2>{UI[lang].tagFeeds}</h2>
      <FeedTable feeds={feeds} caption={label} lang={lang} />
    </Layout>
  );
}
