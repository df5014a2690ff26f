/** /{lang}/: the articles of one language, newest first. */
import type { Library } from '../content/library';
import { LANGS, type Lang } from '../content/model';
import { langPath, tagPath } from '../urls';
import { ArticleList } from './article-list';
import { UI } from './i18n';
import { feedLinks, Layout } from './layout';

export function LangIndexPage({ library, lang, base }: { library: Library; lang: Lang; base: string }) {
  const site = library.sites[lang];
  const other = LANGS.find((l) => l !== lang) ?? lang;
  const ui = UI[lang];
  return (
    <Layout
      lang={lang}
      title={site.title}
      description={site.description}
      base={base}
      path={langPath(lang)}
      alternates={[{ lang: other, path: langPath(other) }]}
      feeds={feedLinks(base, lang, site.title)}
      switchTo={{ lang: other, path: langPath(other) }}
    >
      <h1>{site.title}</h1>
      <p>{site.description}</p>
      <ArticleList lang={lang} articles={library.articles(lang)} level={2} />
      <h2>{ui.allTags}</h2>
      <ul class="tags">
        {Object.entries(site.tags).map(([slug, label]) => (
          <li><a href={tagPath(lang, slug)}>{label}</a></li>
        ))}
      </ul>
    </Layout>
  );
}
