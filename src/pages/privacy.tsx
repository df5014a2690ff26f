/** /{lang}/privacy: exactly what is counted, and what never is. */
import type { Library } from '../content/library';
import type { Lang } from '../content/model';
import { LANGUAGE } from '../languages';
import { UI } from './i18n';
import { feedLinks, Layout, otherLangs, siteShare } from './layout';

export function PrivacyPage({ library, lang, base }: { library: Library; lang: Lang; base: string }) {
  const t = LANGUAGE[lang].privacy;
  return (
    <Layout
      lang={lang}
      site={library.sites[lang]}
      title={`${t.title} · ${UI[lang].siteName}`}
      description={t.description}
      base={base}
      share={siteShare(library, lang, base)}
      path={`/${lang}/privacy`}
      alternates={otherLangs(lang).map((l) => ({ lang: l, path: `/${l}/privacy` }))}
      feeds={feedLinks(base, lang, library.sites[lang].title)}
    >
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <ul>
        {t.counted.map((line) => (
          <li>{line}</li>
        ))}
      </ul>
      <p>{t.never}</p>
      <p>{t.where}</p>
    </Layout>
  );
}
