/** /{lang}/tags/{tag}/: the articles carrying one tag, and that tag's feeds. */
import type { Library } from '../content/library';
import type { Lang } from '../content/model';
import { tagPath } from '../urls';
import { ArticleList } from './article-list';
import { FeedTable } from './feed-table';
import { UI } from './i18n';
import { feedLinks, Layout, otherLangs } from './layout';

export function TagPage({ library, lang, tag, base }: { library: Library; lang: Lang; tag: string; base: string }) {
  const site = library.sites[lang];
  const label = site.tags[tag] ?? tag;
  const feeds = feedLinks(base, lang, site.title, { slug: tag, label });
  return (
    <Layout
      lang={lang}
      site={library.sites[lang]}
      title={`${label} · ${UI[lang].siteName}`}
      description={`${site.title} · ${label}`}
      base={base}
      path={tagPath(lang, tag)}
      alternates={otherLangs(lang).map((l) => ({ lang: l, path: tagPath(l, tag) }))}
      feeds={feeds}
    >
      <h1>{label}</h1>
      <ArticleList lang={lang} articles={library.articles(lang, tag)} level={2} />
      <h2>{UI[lang].tagFeeds}</h2>
      <FeedTable feeds={feeds} caption={label} lang={lang} />
    </Layout>
  );
}
