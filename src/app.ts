/** The Hono app: wires routes and middleware over one content library. */
import { Hono } from 'hono';
import { ConfigError, loadConfig, type Config } from './config';
import type { Library } from './content/library';
import { isLang, LANGS, type Lang } from './content/model';
import { parseFeedQuery } from './feeds/query';
import { FeedRenderer } from './feeds/render';
import { sendRepresentation } from './http/conditional';
import { ProblemError, problemResponse } from './http/problem';
import { FEED_FILE, type FeedFormat } from './urls';

export interface AppEnv {
  Bindings: Env;
  Variables: { config: Config; base: string };
}

const FORMAT_BY_FILE = Object.fromEntries(Object.entries(FEED_FILE).map(([f, file]) => [file, f])) as Record<
  string,
  FeedFormat
>;

/** Builds the Worker's app over `library` (the compiled content, or a test fixture's). */
export function createApp(library: Library) {
  const app = new Hono<AppEnv>();
  const feeds = new FeedRenderer(library);

  app.use(async (c, next) => {
    const config = loadConfig(c.env ?? {});
    c.set('config', config);
    c.set('base', config.siteUrl ?? new URL(c.req.url).origin);
    await next();
  });

  app.get('/:lang/:file{rss\\.xml|atom\\.xml|feed\\.json}', async (c) => {
    const lang = requireLang(c.req.param('lang'));
    const format = FORMAT_BY_FILE[c.req.param('file')] as FeedFormat;
    const query = parseFeedQuery(new URL(c.req.url));
    const rep = await feeds.get(c.get('base'), format, { lang, limit: query.limit ?? c.get('config').feedItems });
    return sendRepresentation(c.req.raw, rep);
  });

  app.notFound((c) =>
    problemResponse(
      { status: 404, title: 'Not found', detail: `Nothing is published at ${new URL(c.req.url).pathname}.` },
      {},
      c.req.method === 'HEAD',
    ),
  );

  app.onError((error, c) => {
    if (error instanceof ProblemError) return problemResponse(error.problem, error.headers, c.req.method === 'HEAD');
    if (error instanceof ConfigError) {
      // The operator's mistake, not the client's; saying which var is wrong leaks nothing.
      console.error(error.message);
      return problemResponse({ status: 500, title: 'Server misconfigured', detail: error.message });
    }
    console.error('unexpected failure', c.req.method, new URL(c.req.url).pathname, error);
    return problemResponse({ status: 500, title: 'Internal error', detail: 'The server failed to answer; the failure has been logged.' });
  });

  return app;
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
