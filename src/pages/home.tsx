/** /: what this is, in every language (the default language first); every feed; the newest articles of each language. */
import type { Library } from '../content/library';
import { LANGS, LANGUAGE_TAG, type Lang } from '../content/model';
import { DEFAULT_LANG } from '../languages';
import { langPath } from '../urls';
import { ArticleList } from './article-list';
import { FeedTable } from './feed-table';
import { Breakable } from './heading';
import { UI } from './i18n';
import { feedLinks, Layout, otherLangs, siteShare } from './layout';

/** The same text in the languages other than the default, each marked with its language. */
function Alongside({ text }: { text: (lang: Lang) => string }) {
  return (
    <>
      {otherLangs(DEFAULT_LANG).map((l) => (
        <>
          {/* The dot stays at the end of a line (no-break space before it), never starts one. */}
          {'\u00a0· '}
          <span lang={LANGUAGE_TAG[l]}>
            <Breakable text={text(l)} />
          </span>
        </>
      ))}
    </>
  );
}

/** The OPML list, offered in every language. */
function OpmlLinks() {
  return (
    <p>
      <a href="/feeds.opml">{UI[DEFAULT_LANG].opml}</a>
      {otherLangs(DEFAULT_LANG).map((l) => (
        <>
          {' · '}
          <a href="/feeds.opml" lang={LANGUAGE_TAG[l]}>
            {UI[l].opml}
          </a>
        </>
      ))}
    </p>
  );
}

/** schema.org WebSite and Organization, for search engines. */
function homeJsonLd(library: Library, base: string, title: string): Record<string, unknown>[] {
  const others = otherLangs(DEFAULT_LANG);
  const site = library.sites[DEFAULT_LANG];
  return [
    {
      '@context': 'https://schema.org',
      '@type': 'WebSite',
      name: title,
      url: `${base}/`,
      inLanguage: [DEFAULT_LANG, ...others].map((l) => LANGUAGE_TAG[l]),
    },
    {
      '@context': 'https://schema.org',
      '@type': 'Organization',
      name: site.publisher,
      alternateName:
        others.length === 1 ? library.sites[others[0] ?? DEFAULT_LANG].publisher : others.map((l) => library.sites[l].publisher),
      url: site.homePage,
      logo: site.logo ?? `${base}/icons/icon-512.png`,
    },
  ];
}

export function HomePage({ library, base }: { library: Library; base: string }) {
  const feeds = LANGS.flatMap((lang) => feedLinks(base, lang, library.sites[lang].title));
  const main = DEFAULT_LANG;
  const others = otherLangs(main);
  const site = library.sites[main];
  const title = [main, ...others].map((l) => UI[l].homeTitle).join(' · ');
  return (
    <Layout
      lang={main}
      site={site}
      title={title}
      description={[main, ...others].map((l) => library.sites[l].description).join(' ')}
      base={base}
      share={siteShare(library, main, base)}
      path="/"
      feeds={feeds}
      switchTo={others.map((l) => ({ lang: l, path: langPath(l) }))}
      // Every hreflang cluster names / as its x-default; / names the language indexes back.
      alternates={LANGS.map((l) => ({ lang: l, path: langPath(l) }))}
      xDefault
      jsonLd={homeJsonLd(library, base, title)}
    >
      <h1>
        <Breakable text={UI[main].homeTitle} />
        <Alongside text={(l) => UI[l].homeTitle} />
      </h1>
      <div class="columns">
        {LANGS.map((lang) => (
          <section lang={lang === main ? undefined : LANGUAGE_TAG[lang]} aria-labelledby={`about-${lang}`}>
            <h2 id={`about-${lang}`}>{UI[lang].about}</h2>
            <p>{UI[lang].aboutText}</p>
            <p>{UI[lang].subscribe}</p>
          </section>
        ))}
      </div>
      <h2>
        {UI[main].feeds}
        <Alongside text={(l) => UI[l].feeds} />
      </h2>
      <FeedTable feeds={feeds} caption="RSS 2.0 · Atom 1.0 · JSON Feed 1.1" lang={main} />
      <OpmlLinks />
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
