/** The Hono app: wires routes and middleware over one content library. */
import { type Context, Hono } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { type Config, ConfigError, loadConfig } from './config';
import type { Library } from './content/library';
import { isLang, LANGS, type Lang } from './content/model';
import { parseFeedQuery, selectFeed } from './feeds/query';
import { FeedRenderer, type OriginSplitText } from './feeds/render';
import { EMBED_JS, FRAME_JS, GENERATOR_JS } from './generated/embed';
import { sendRepresentation } from './http/conditional';
import { ALLOWED_METHODS, applyStandardHeaders, htmlPolicy, preflightResponse } from './http/headers';
import { preferredLang, prefersHtml } from './http/negotiate';
import { ProblemError, problemResponse } from './http/problem';
import { guessedPath } from './http/redirects';
import { CACHE, makeRepresentation, type Representation, RepresentationCache } from './http/representation';
import { ArticlePage } from './pages/article';
import { FAVICON_SVG, OPML_LISTS, renderOpml, renderRobots, renderSitemap } from './pages/documents';
import { EMBED_CSS, EmbedPage } from './pages/embed';
import { embedQuery, parseEmbedOptions } from './pages/embed-options';
import { HomePage } from './pages/home';
import { INDEX_PAGE_SIZE, LangIndexPage } from './pages/lang-index';
import { NotFoundPage } from './pages/not-found';
import { PartnersPage } from './pages/partners';
import { PrivacyPage } from './pages/privacy';
import { STYLESHEET } from './pages/style';
import { TagPage } from './pages/tag';
import { type ReachDataset, recordReach } from './reach/record';
import { articlePath, FEED_FILE, type FeedFormat } from './urls';

export interface AppEnv {
  Bindings: Env;
  Variables: { config: Config; base: string; url: URL };
}

const FORMAT_BY_FILE = Object.fromEntries(Object.entries(FEED_FILE).map(([f, file]) => [file, f])) as Record<string, FeedFormat>;
// No top-level alternation: Hono splices the pattern into a larger regex, where a bare "a|b" escapes its segment.
const FEED_FILE_PATTERN = ':file{[a-z]+\\.(?:xml|json)}';
const HTML = 'text/html; charset=utf-8';

/** Builds the Worker's app over `library` (the compiled content, or a test fixture's), with feeds the build rendered. */
export function createApp(library: Library, prerenderedFeeds: Record<string, OriginSplitText> = {}) {
  const app = new Hono<AppEnv>();
  const feeds = new FeedRenderer(library, prerenderedFeeds);
  const documents = new RepresentationCache();
  const newest = library.lastUpdateMs();

  // Exact URLs (no query) already answered: repeat requests skip routing entirely (see `fetch` below).
  const answered = new Map<string, Representation>();
  const respond = (c: Context<AppEnv>, rep: Representation) => {
    if (c.get('url').search === '' && answered.size < 1024) answered.set(c.req.url, rep);
    return sendRepresentation(c.req.raw, rep);
  };

  /** Serves a document rendered once per base URL and key. */
  const serve = async (
    c: Context<AppEnv>,
    key: string,
    contentType: string,
    render: () => string | Promise<string>,
    options: { cache?: string; lastModified?: number; headers?: Record<string, string> } = {},
  ) => {
    const rep = await documents.get(`${c.get('base')}|${key}`, async () =>
      makeRepresentation(await render(), contentType, options.cache ?? CACHE.page, options.lastModified, options.headers),
    );
    return respond(c, rep);
  };
  const page = (c: Context<AppEnv>, key: string, element: () => JSX.Element, lastModified = newest, headers?: Record<string, string>) =>
    serve(c, key, HTML, async () => `<!DOCTYPE html>${await element().toString()}`, { lastModified, ...(headers ? { headers } : {}) });

  app.use(async (c, next) => {
    await next();
    // Representations carry their standard headers already; only other responses need them added.
    if (!c.res.headers.has('X-Content-Type-Options')) applyStandardHeaders(c.res.headers);
  });

  app.use(async (c, next) => {
    const method = c.req.method;
    if (method === 'OPTIONS') return preflightResponse();
    if (method !== 'GET' && method !== 'HEAD') {
      throw new ProblemError(
        {
          status: 405,
          title: 'Method not allowed',
          detail: `${method} is not supported here; this server only answers ${ALLOWED_METHODS}.`,
        },
        { Allow: ALLOWED_METHODS },
      );
    }
    const url = new URL(c.req.url);
    const config = loadConfig(c.env ?? {});
    c.set('url', url);
    c.set('config', config);
    c.set('base', config.siteUrl ?? url.origin);
    const redirect = guessedPath(url.pathname, () => preferredLang(c.req.raw));
    if (redirect) {
      const headers: Record<string, string> = { Location: c.get('base') + redirect.location + url.search, 'Cache-Control': CACHE.redirect };
      if (redirect.byLanguage) headers.Vary = 'Accept-Language';
      return new Response(null, { status: 301, headers });
    }
    await next();
  });

  const serveFeed = async (c: Context<AppEnv>, lang: Lang, tag: string | undefined) => {
    const format = FORMAT_BY_FILE[c.req.param('file') ?? ''];
    if (!format) return notFound(c);
    const { feedItems, hub } = c.get('config');
    const selection = selectFeed(library, lang, tag, parseFeedQuery(c.get('url')), feedItems, c.get('url'));
    return respond(c, await feeds.get(c.get('base'), format, selection, hub));
  };

  // Feeds: main and per tag.
  app.get(`/:lang/${FEED_FILE_PATTERN}`, async (c) => {
    const lang = requireLang(c.req.param('lang'));
    return serveFeed(c, lang, undefined);
  });
  app.get(`/:lang/tags/:tag/${FEED_FILE_PATTERN}`, async (c) => {
    const lang = requireLang(c.req.param('lang'));
    return serveFeed(c, lang, requireTag(library, lang, c.req.param('tag')));
  });

  // Pages.
  app.get('/', (c) => page(c, '/', () => <HomePage library={library} base={c.get('base')} />));
  app.get('/:lang/', (c) => {
    const lang = c.req.param('lang');
    if (!isLang(lang)) return notFound(c);
    const raw = c.req.query('page');
    const pages = Math.max(1, Math.ceil(library.articles(lang).length / INDEX_PAGE_SIZE));
    const n = raw === undefined ? 1 : /^\d{1,7}$/.test(raw) ? Number(raw) : 0;
    // One rule with the feeds' archives: a malformed page is the client's 400, a page past the end a 404.
    if (n < 1) {
      throw new ProblemError({
        status: 400,
        title: 'Invalid query parameter',
        detail: `"page" must be a whole number from 1 to ${pages}; got "${raw?.slice(0, 100)}".`,
        parameter: 'page',
      });
    }
    if (n > pages) {
      throw new ProblemError({
        status: 404,
        title: 'No such page',
        detail: `There is no page ${n}; this list has pages 1 to ${pages}.`,
        pages,
      });
    }
    return page(
      c,
      `/${lang}/?${n}`,
      () => <LangIndexPage library={library} lang={lang} base={c.get('base')} page={n} />,
      library.lastUpdateMs(lang),
    );
  });
  app.get('/:lang/articles/:slug', (c) => {
    const lang = c.req.param('lang');
    const slug = c.req.param('slug');
    const article = isLang(lang) ? library.find(lang, slug) : undefined;
    if (!article) {
      // A renamed article: its old URL keeps working.
      const moved = isLang(lang) ? library.renamedFrom(lang, slug) : undefined;
      if (!moved) return notFound(c);
      return new Response(null, {
        status: 301,
        headers: { Location: c.get('base') + articlePath(moved.lang, moved.slug), 'Cache-Control': CACHE.redirect },
      });
    }
    return page(
      c,
      `/${lang}/articles/${article.slug}`,
      () => <ArticlePage library={library} article={article} base={c.get('base')} />,
      article.updatedMs,
    );
  });
  app.get('/:lang/tags/:tag/', (c) => {
    const lang = c.req.param('lang');
    const tag = c.req.param('tag');
    if (!isLang(lang) || !library.hasTag(lang, tag)) return notFound(c);
    return page(
      c,
      `/${lang}/tags/${tag}/`,
      () => <TagPage library={library} lang={lang} tag={tag} base={c.get('base')} />,
      library.lastUpdateMs(lang, tag),
    );
  });

  // Syndication kit.
  app.get('/:lang/privacy', (c) => {
    const lang = c.req.param('lang');
    if (!isLang(lang)) return notFound(c);
    return page(c, `/${lang}/privacy`, () => <PrivacyPage library={library} lang={lang} base={c.get('base')} />);
  });
  app.get('/:lang/partners', (c) => {
    const lang = c.req.param('lang');
    if (!isLang(lang)) return notFound(c);
    const options = parseEmbedOptions(c.get('url'), library, lang);
    return page(
      c,
      `/${lang}/partners${embedQuery(options)}`,
      () => <PartnersPage library={library} lang={lang} base={c.get('base')} options={options} />,
      newest,
      {
        'Content-Security-Policy': htmlPolicy({ scripts: true, frames: true, forms: true }),
      },
    );
  });
  app.get('/:lang/embed', (c) => {
    const lang = c.req.param('lang');
    if (!isLang(lang)) return notFound(c);
    const options = parseEmbedOptions(c.get('url'), library, lang);
    return page(
      c,
      `/${lang}/embed${embedQuery(options)}`,
      () => <EmbedPage library={library} lang={lang} base={c.get('base')} options={options} />,
      newest,
      {
        'Content-Security-Policy': htmlPolicy({ framable: true, scripts: true }),
      },
    );
  });
  app.get('/embed.js', (c) => serve(c, 'embed.js', 'text/javascript; charset=utf-8', () => EMBED_JS, { cache: CACHE.script }));
  app.get('/embed-frame.js', (c) => serve(c, 'embed-frame.js', 'text/javascript; charset=utf-8', () => FRAME_JS, { cache: CACHE.script }));
  app.get('/partners.js', (c) => serve(c, 'partners.js', 'text/javascript; charset=utf-8', () => GENERATOR_JS, { cache: CACHE.script }));
  app.get('/embed.css', (c) => serve(c, 'embed.css', 'text/css; charset=utf-8', () => EMBED_CSS, { cache: CACHE.script }));

  // Documents beside the pages.
  for (const [list, path] of Object.entries(OPML_LISTS)) {
    const format = list === 'default' ? 'rss' : (list as FeedFormat);
    app.get(path, (c) =>
      serve(c, `opml-${list}`, 'text/x-opml; charset=utf-8', () => renderOpml(library, c.get('base'), format), { lastModified: newest }),
    );
  }
  app.get('/sitemap.xml', (c) =>
    serve(c, 'sitemap', 'application/xml; charset=utf-8', () => renderSitemap(library, c.get('base')), { lastModified: newest }),
  );
  app.get('/robots.txt', (c) => serve(c, 'robots', 'text/plain; charset=utf-8', () => renderRobots(c.get('base'))));
  app.get('/style.css', (c) => serve(c, 'style', 'text/css; charset=utf-8', () => STYLESHEET, { cache: CACHE.asset }));
  app.get('/favicon.svg', (c) => serve(c, 'favicon', 'image/svg+xml', () => FAVICON_SVG, { cache: CACHE.asset }));
  app.get('/favicon.ico', (c) => c.redirect('/favicon.svg', 301));

  const notFound = async (c: Context<AppEnv>) => {
    const first = new URL(c.req.url).pathname.split('/')[1] ?? '';
    const lang = isLang(first) ? first : undefined;
    if (!prefersHtml(c.req.raw)) {
      return problemResponse(
        {
          status: 404,
          title: 'Not found',
          detail: `Nothing is published at ${new URL(c.req.url).pathname}. The languages are ${LANGS.join(', ')}; every feed is listed at /.`,
        },
        { Vary: 'Accept' },
        c.req.method === 'HEAD',
      );
    }
    const html = `<!DOCTYPE html>${await (<NotFoundPage library={library} lang={lang} base={c.get('base')} />).toString()}`;
    return new Response(c.req.method === 'HEAD' ? null : html, {
      status: 404,
      headers: { 'Content-Type': HTML, 'Cache-Control': CACHE.error, Vary: 'Accept' },
    });
  };
  app.notFound(notFound);

  app.onError((error, c) => {
    if (error instanceof ProblemError) {
      if (error.problem.status === 404 && prefersHtml(c.req.raw) && c.get('base')) return notFound(c);
      return problemResponse(error.problem, { ...error.headers, Vary: 'Accept' }, c.req.method === 'HEAD');
    }
    if (error instanceof ConfigError) {
      // The operator's mistake, not the client's; saying which var is wrong leaks nothing.
      console.error(error.message);
      return problemResponse({ status: 500, title: 'Server misconfigured', detail: error.message });
    }
    console.error('unexpected failure', c.req.method, new URL(c.req.url).pathname, error);
    return problemResponse({ status: 500, title: 'Internal error', detail: 'The server failed to answer; the failure has been logged.' });
  });

  // Build the router's matchers now (start-up), not on the first request.
  app.router.match('GET', '/');

  return {
    /** The Worker's fetch: a URL answered before is served straight from its bytes. */
    fetch(request: Request, env: Env, ctx?: ExecutionContext): Response | Promise<Response> {
      // Optional: without the REACH binding nothing is counted and nothing else happens.
      const reach = (env as { REACH?: ReachDataset } | undefined)?.REACH;
      const rep = answered.get(request.url);
      if (rep && (request.method === 'GET' || request.method === 'HEAD')) {
        const response = sendRepresentation(request, rep);
        recordReach(reach, request, response.status);
        return response;
      }
      if (!reach) return app.fetch(request, env, ctx);
      return Promise.resolve(app.fetch(request, env, ctx)).then((response) => {
        recordReach(reach, request, response.status);
        return response;
      });
    },
  };
}

function requireLang(value: string): Lang {
  if (isLang(value)) return value;
  throw new ProblemError({
    status: 404,
    title: 'Unknown language',
    detail: `There is no "${value}" edition; the languages are ${LANGS.join(', ')}.`,
    languages: [...LANGS],
  });
}

function requireTag(library: Library, lang: Lang, tag: string): string {
  if (library.hasTag(lang, tag)) return tag;
  throw new ProblemError({
    status: 404,
    title: 'Unknown tag',
    detail: `There is no tag "${tag}"; the tags are ${Object.keys(library.sites[lang].tags).join(', ')}.`,
    tags: Object.keys(library.sites[lang].tags),
  });
}
