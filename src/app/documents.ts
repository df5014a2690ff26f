/** The machine-read documents beside the pages: OPML lists, sitemap, robots.txt, stylesheet, favicon. */
import { Hono } from 'hono';
import { CACHE } from '../http/representation';
import {
  FAVICON_SVG,
  OPML_LISTS,
  PAGES_SITEMAP_PATH,
  renderArticlesSitemap,
  renderOpml,
  renderPagesSitemap,
  renderRobots,
  renderSitemapIndex,
} from '../pages/documents';
import { STYLESHEET } from '../pages/style';
import type { FeedFormat } from '../urls';
import type { AppEnv, Responder } from './context';
import { notFound } from './errors';

const XML = 'application/xml; charset=utf-8';

export function documentRoutes(responder: Responder) {
  const { library, newest } = responder;
  const missing = notFound(library);
  const app = new Hono<AppEnv>();
  for (const [list, path] of Object.entries(OPML_LISTS)) {
    const format = list === 'default' ? 'rss' : (list as FeedFormat);
    app.get(path, (c) =>
      responder.serve(c, 'text/x-opml; charset=utf-8', () => renderOpml(library, c.get('base'), format), {
        lastModified: newest,
      }),
    );
  }
  return (
    app
      .get('/sitemap.xml', (c) => responder.serve(c, XML, () => renderSitemapIndex(library, c.get('base')), { lastModified: newest }))
      .get(PAGES_SITEMAP_PATH, (c) => responder.serve(c, XML, () => renderPagesSitemap(library, c.get('base')), { lastModified: newest }))
      // No "{4}" in the pattern: Hono reads braces as the end of the parameter's pattern.
      .get('/sitemaps/:file{articles-[0-9]+\\.xml}', (c) => {
        const year = Number(c.req.param('file').slice('articles-'.length, -'.xml'.length));
        const found = library.years().find((y) => y.year === year);
        if (!found) return missing(c);
        return responder.serve(c, XML, () => renderArticlesSitemap(library, c.get('base'), found), { lastModified: found.updatedMs });
      })
      .get('/robots.txt', (c) => responder.serve(c, 'text/plain; charset=utf-8', () => renderRobots(c.get('base'))))
      .get('/style.css', (c) => responder.serve(c, 'text/css; charset=utf-8', () => STYLESHEET, { cache: CACHE.asset }))
      .get('/favicon.svg', (c) => responder.serve(c, 'image/svg+xml', () => FAVICON_SVG, { cache: CACHE.asset }))
  );
}
