/** /: what this is, in both languages; every feed; the newest articles of each language. */
import type { Library } from '../content/library';
import { LANGS, LANGUAGE_TAG } from '../content/model';
import { langPath } from '../urls';
import { ArticleList } from './article-list';
import { FeedTable } from './feed-table';
import { UI } from './i18n';
import { feedLinks, Layout } from './layout';

export function HomePage({ library, base }: { library: Library; base: string }) {
  const feeds = LANGS.flatMap((lang) => feedLinks(base, lang, library.sites[lang].title));
  return (
    <Layout
      lang="en"
      site={library.sites['en']}
      title="Study at HIT news feeds · 留学哈工大新闻订阅"
      description={`${library.sites.en.description} ${library.sites.zh.description}`}
      base={base}
      path="/"
      feeds={feeds}
      switchTo={{ lang: 'zh', path: '/zh/' }}
      jsonLd={[
        {
          '@context': 'https://schema.org',
          '@type': 'WebSite',
          name: 'Study at HIT news feeds · 留学哈工大新闻订阅',
          url: `${base}/`,
          inLanguage: ['en', 'zh-CN'],
        },
        {
          '@context': 'https://schema.org',
          '@type': 'Organization',
          name: library.sites.en.publisher,
          alternateName: library.sites.zh.publisher,
          url: library.sites.en.homePage,
          logo: library.sites.en.logo ?? `${base}/favicon.svg`,
        },
      ]}
    >
      <h1>
        Study at HIT news feeds · <span lang="zh-CN">留学哈工大新闻订阅</span>
      </h1>
      <div class="columns">
        <section lang="zh-CN" aria-labelledby="about-zh">
          <h2 id="about-zh">关于</h2>
          <p>
            {
              '这里以 RSS、Atom 和 JSON Feed 三种格式分别发布哈尔滨工业大学国际教育学院“留学哈工大”新闻的中文版和英文版，方便新闻网站和开源社区转载，也方便读者订阅。'
            }
          </p>
          <p>{UI.zh.subscribe}</p>
        </section>
        <section aria-labelledby="about-en">
          <h2 id="about-en">About</h2>
          <p>
            The "Study at HIT" news of the College of International Education, Harbin Institute of Technology, published as separate Chinese
            and English feeds in RSS, Atom and JSON Feed, for news outlets and open-source community sites to syndicate and for anyone to
            subscribe to.
          </p>
          <p>{UI.en.subscribe}</p>
        </section>
      </div>
      <h2>
        Feeds · <span lang="zh-CN">订阅源</span>
      </h2>
      <FeedTable feeds={feeds} caption="RSS 2.0 · Atom 1.0 · JSON Feed 1.1" lang={'en'} />
      <p>
        <a href="/feeds.opml">{UI.en.opml}</a> ·{' '}
        <a href="/feeds.opml" lang="zh-CN">
          {UI.zh.opml}
        </a>
      </p>
      <div class="columns">
        {LANGS.map((lang) => (
          <section lang={LANGUAGE_TAG[lang]} aria-labelledby={`newest-${lang}`}>
            <h2 id={`newest-${lang}`}>{UI[lang].newest}</h2>
            <ArticleList lang={lang} articles={library.articles(lang).slice(0, 5)} />
            <p>
              <a href={langPath(lang)}>{UI[lang].articles}</a>
            </p>
          </section>
        ))}
      </div>
    </Layout>
  );
}
