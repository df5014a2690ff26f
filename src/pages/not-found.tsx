/**
 * The 404 page (with `gone`, the 410 page of a withdrawn article; with `badParameter`, the 400 page of a query value a
 * page does not take), in the language of the path (the default language with the others alongside when the path
 * has none).
 */
import type { Library } from '../content/library';
import { LANGUAGE_TAG, type Lang } from '../content/model';
import { DEFAULT_LANG } from '../languages';
import { langPath } from '../urls';
import { UI } from './i18n';
import { feedLinks, Layout, otherLangs } from './layout';

export function NotFoundPage({
  library,
  lang,
  base,
  gone = false,
  badParameter,
  firstPage,
}: {
  library: Library;
  lang?: Lang;
  base: string;
  gone?: boolean;
  badParameter?: string;
  /** The list whose first page the 400 page links (the path without its query). */
  firstPage?: string;
}) {
  const shown = lang ?? DEFAULT_LANG;
  const texts = (l: Lang) =>
    badParameter !== undefined
      ? { title: UI[l].badRequestTitle, text: UI[l].badRequestText.replace('{parameter}', badParameter) }
      : gone
        ? { title: UI[l].goneTitle, text: UI[l].goneText }
        : { title: UI[l].notFoundTitle, text: UI[l].notFoundText };
  const ui = { ...UI[shown], notFoundTitle: texts(shown).title, notFoundText: texts(shown).text };
  // Without a language in the path, the page speaks every language.
  const alongside = lang ? [] : otherLangs(shown);
  return (
    <Layout
      lang={shown}
      site={library.sites[shown]}
      title={`${ui.notFoundTitle} · ${ui.siteName}`}
      description={ui.notFoundText}
      base={base}
      feeds={feedLinks(base, shown, library.sites[shown].title)}
      switchTo={otherLangs(shown).map((l) => ({ lang: l, path: langPath(l) }))}
    >
      <h1>
        {ui.notFoundTitle}
        {alongside.map((l) => (
          <>
            {' · '}
            <span lang={LANGUAGE_TAG[l]}>{texts(l).title}</span>
          </>
        ))}
      </h1>
      <p>{ui.notFoundText}</p>
      {alongside.map((l) => (
        <p lang={LANGUAGE_TAG[l]}>{texts(l).text}</p>
      ))}
      <ul>
        {firstPage ? (
          <li>
            <a href={firstPage}>{ui.articles}</a>
          </li>
        ) : null}
        <li>
          <a href="/">{ui.home}</a>
        </li>
        {firstPage === langPath(shown) ? null : (
          <li>
            <a href={langPath(shown)}>{ui.articles}</a>
          </li>
        )}
        {alongside.map((l) => (
          <li lang={LANGUAGE_TAG[l]}>
            <a href={langPath(l)}>{UI[l].articles}</a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
