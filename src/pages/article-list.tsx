/** A list of articles: title linked, date, summary. */
import type { Lang, Translation } from '../content/model';
import { articlePath } from '../urls';
import { Breakable } from './heading';
import { formatDate, UI } from './i18n';

export function ArticleList({ lang, articles, level = 3 }: { lang: Lang; articles: readonly Translation[]; level?: 2 | 3 }) {
  if (articles.length === 0) return <p>{UI[lang].noArticles}</p>;
  return (
    <ul class="list">
      {articles.map((a) => (
        <li>
          {level === 2 ? (
            <h2>
              <a href={articlePath(a.lang, a.slug)}>
                <Breakable text={a.title} />
              </a>
            </h2>
          ) : (
            <h3>
              <a href={articlePath(a.lang, a.slug)}>
                <Breakable text={a.title} />
              </a>
            </h3>
          )}
          <p class="meta">
            <time datetime={a.published}>{formatDate(a.published, lang)}</time>
            {a.draft ? (
              <>
                {' '}
                · <span class="draft">{UI[lang].draft}</span>
              </>
            ) : null}
          </p>
          <p>{a.summary}</p>
        </li>
      ))}
    </ul>
  );
}
