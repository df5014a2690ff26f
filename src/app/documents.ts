/** The machine-read documents beside the pages: OPML lists, sitemap, robots.txt, stylesheet, favicon. */
import { Hono } from 'hono';
import { permanentRedirect } from '../http/redirects';
import { CACHE } from '../http/representation';
import { FAVICON_SVG, OPML_LISTS, renderOpml, renderRobots, renderSitemap } from '../pages/documents';
import { STYLESHEET } from '../pages/style';
import type { FeedFormat } from '../urls';
import type { AppEnv, Responder } from './context';

export function documentRoutes(responder: Responder) {
  const { library, newest } = responder;
  const app = new Hono<AppEnv>();
  for (const [list, path] of Object.entries(OPML_LISTS)) {
    const format = list === 'default' ? 'rss' : (list as FeedFormat);
    app.get(path, (c) =>
      responder.serve(c, 'text/x-opml; charset=utf-8', () => renderOpml(library, c.get('base'), format), {
        lastModified: newest,
      }),
    );
  }
  return app
    .get('/sitemap.xml', (c) =>
      responder.serve(c, 'application/xml; charset=utf-8', () => renderSitemap(library, c.get('base')), {
        lastModified: newest,
      }),
    )
    .get('/robots.txt', (c) => responder.serve(c, 'text/plain; charset=utf-8', () => renderRobots(c.get('base'))))
    .get('/style.css', (c) => responder.serve(c, 'text/css; charset=utf-8', () => STYLESHEET, { cache: CACHE.asset }))
    .get('/favicon.svg', (c) => responder.serve(c, 'image/svg+xml', () => FAVICON_SVG, { cache: CACHE.asset }))
    .get('/favicon.ico', (c) => permanentRedirect(`${c.get('base')}/favicon.svg`));
}
