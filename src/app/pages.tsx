/** The reading pages: /, the language indexes, articles, tags and the privacy page. */
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { isLang } from '../content/model';
import { htmlPolicy } from '../http/headers';
import { ProblemError } from '../http/problem';
import { parseQuery, wholeNumber } from '../http/query';
import { permanentRedirect } from '../http/redirects';
import { ArticlePage } from '../pages/article';
import { HomePage } from '../pages/home';
import { LangIndexPage } from '../pages/lang-index';
import { listPages } from '../pages/pagination';
import { PrivacyPage } from '../pages/privacy';
import { TagPage } from '../pages/tag';
import { articlePath } from '../urls';
import type { AppEnv, Responder } from './context';
import { gone, notFound } from './errors';

export function pageRoutes(responder: Responder) {
  const { library } = responder;
  const missing = notFound(library);
  const withdrawn = gone(library);

  return new Hono<AppEnv>()
    .get('/', (c) => responder.page(c, () => <HomePage library={library} base={c.get('base')} />))
    .get('/:lang/', (c) => {
      const lang = c.req.param('lang');
      if (!isLang(lang)) return missing(c);
      const n = indexPage(c.get('url'), listPages(library.articles(lang).length));
      return responder.page(c, () => <LangIndexPage library={library} lang={lang} base={c.get('base')} page={n} />, {
        lastModified: library.lastUpdateMs(lang),
        query: n > 1 ? `?page=${n}` : '',
      });
    })
    .get('/:lang/articles/:slug', (c) => {
      const lang = c.req.param('lang');
      const slug = c.req.param('slug');
      const article = isLang(lang) ? library.find(lang, slug) : undefined;
      if (!article) {
        // A renamed article: its old URL keeps working.
        const moved = isLang(lang) ? library.renamedFrom(lang, slug) : undefined;
        if (!moved) return isLang(lang) && library.isWithdrawn(lang, slug) ? withdrawn(c) : missing(c);
        return permanentRedirect(c.get('base') + articlePath(moved.lang, moved.slug));
      }
      const page = async () => {
        const bodyOf = await responder.bodies.bodiesOf([article], c.env);
        return <ArticlePage library={library} article={article} html={bodyOf(article).html} base={c.get('base')} />;
      };
      return responder.page(c, page, {
        lastModified: article.updatedMs,
        ...(article.video ? { headers: { 'Content-Security-Policy': htmlPolicy({ scripts: true, players: true }) } } : {}),
      });
    })
    .get('/:lang/tags/:tag/', (c) => {
      const lang = c.req.param('lang');
      const tag = c.req.param('tag');
      if (!isLang(lang) || !library.hasTag(lang, tag)) return missing(c);
      const n = indexPage(c.get('url'), listPages(library.articles(lang, tag).length));
      return responder.page(c, () => <TagPage library={library} lang={lang} tag={tag} base={c.get('base')} page={n} />, {
        lastModified: library.lastUpdateMs(lang, tag),
        query: n > 1 ? `?page=${n}` : '',
      });
    })
    .get('/:lang/privacy', (c) => {
      const lang = c.req.param('lang');
      if (!isLang(lang)) return missing(c);
      return responder.page(c, () => <PrivacyPage library={library} lang={lang} base={c.get('base')} />);
    });
}

const INDEX_QUERY = z.object({ page: z.optional(wholeNumber(1_000_000, 'must be 1 or more')) });

/** The page of a list (language index, tag page) asked for: one rule with the feeds' archives (a bad value 400, past the end 404). */
function indexPage(url: URL, pages: number): number {
  const { page = 1 } = parseQuery(url, INDEX_QUERY, { page: `a page number from 1 to ${pages}` }, 'Invalid query parameter');
  if (page > pages) {
    throw new ProblemError({
      status: 404,
      title: 'No such page',
      detail: `There is no page ${page}; this list has pages 1 to ${pages}.`,
      pages,
    });
  }
  return page;
}
