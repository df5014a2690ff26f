/** The 404 page, in the language of the path (English with Chinese alongside when the path has none). */
import type { Library } from '../content/library';
import type { Lang } from '../content/model';
import { langPath } from '../urls';
import { UI } from './i18n';
import { feedLinks, Layout } from './layout';

export function NotFoundPage({ library, lang, base }: { library: Library; lang?: Lang; base: string }) {
  const shown = lang ?? 'en';
  const ui = UI[shown];
  return (
    <Layout
      lang={shown}
      site={library.sites[shown]}
      title={`${ui.notFoundTitle} · ${ui.siteName}`}
      description={ui.notFoundText}
      base={base}
      feeds={feedLinks(base, shown, library.sites[shown].title)}
      switchTo={{ lang: shown === 'zh' ? 'en' : 'zh', path: shown === 'zh' ? '/en/' : '/zh/' }}
    >
      <h1>
        {ui.notFoundTitle}
        {lang ? null : (
          <>
            {' '}
            · <span lang="zh-CN">{UI.zh.notFoundTitle}</span>
          </>
        )}
      </h1>
      <p>{ui.notFoundText}</p>
      {lang ? null : <p lang="zh-CN">{UI.zh.notFoundText}</p>}
      <ul>
        <li>
          <a href="/">{ui.home}</a>
        </li>
        <li>
          <a href={langPath(shown)}>{ui.articles}</a>
        </li>
        {lang ? null : (
          <li lang="zh-CN">
            <a href={langPath('zh')}>{UI.zh.articles}</a>
          </li>
        )}
      </ul>
    </Layout>
  );
}
