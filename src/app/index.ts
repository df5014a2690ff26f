/**
 * The Worker: small Hono apps (feeds, pages, partner kit, documents, reach) joined with `route`, behind the one request
 * pipeline of middleware.ts (`requestPipeline` fixes its order: countReach → allowedMethods → cachedAnswer →
 * standardHeaders → canonicalRedirects → the routes). The routes begin with requestContext (vars, base URL) and end
 * in `notFound` and `onError`. A repeat request costs no routing and no await, yet passes every step before
 * cachedAnswer: a concern every answer must pass goes there.
 */
import { Hono } from 'hono';
import { loadConfig } from '../config';
import type { Library } from '../content/library';
import type { OriginSplitText } from '../feeds/render';
import type { ResponseCache } from '../http/representation';
import { feedsOfArticles, publishToHub } from '../websub';
import { type AppEnv, Responder } from './context';
import { documentRoutes } from './documents';
import { notFound, onError } from './errors';
import { feedRoutes } from './feeds';
import { mediaRoutes } from './media';
import { type Handler, requestContext, requestPipeline } from './middleware';
import { pageRoutes } from './pages';
import { partnerRoutes } from './partners';
import { type ReachClientFactory, reachRoutes } from './reach';

export type { AppEnv } from './context';

export interface AppOptions {
  reachClient?: ReachClientFactory;
  /** The time (ms) that decides which scheduled articles are out; tests move it. Default: the clock (or a preview's). */
  clock?: () => number;
  /** How the scheduled run reaches the WebSub hub; tests stand in for it. Default: fetch. */
  hubFetch?: typeof fetch;
}

/**
 * Builds the Worker over `library` (the compiled content, or a test fixture's), with feeds the build rendered.
 * Readers see the library as it is at the current instant: when a scheduled article's time comes, the next request
 * gets a new edition (every route, page and cache made anew over the articles then visible), with no deploy.
 */
export function createApp(library: Library, prerenderedFeeds: Record<string, OriginSplitText> = {}, options: AppOptions = {}) {
  const previewAt = library.previewAt;
  const clock = options.clock ?? (previewAt === undefined ? Date.now : () => previewAt);
  let edition: { from: number; until: number; handle: Handler; cache: ResponseCache } | undefined;
  const editionAt = (now: number) => {
    if (edition && now >= edition.from && now < edition.until) return edition;
    const visible = library.visibleAt(now);
    const from = library.lastReleaseUpTo(now);
    edition = { from, until: library.nextReleaseAfter(now), ...editionHandler(visible, from, prerenderedFeeds, options) };
    return edition;
  };
  const handlerAt = (now: number): Handler => editionAt(now).handle;
  // Made while the isolate starts, not on its first request. The clock reads 0 there (Workers stop time outside a
  // request), which would make an edition of no articles and leave the real one to the first request: make the one
  // a request most likely sees, with every article out. A request before a scheduled article's time makes its own.
  editionAt(Math.max(clock(), library.lastReleaseUpTo(Number.POSITIVE_INFINITY)));
  return {
    /** The Worker's fetch handler. */
    fetch: (request: Request, env: Env, ctx?: ExecutionContext) => handlerAt(clock())({ request, url: request.url, env, ctx }),
    /** What the isolate's cache holds now (entries and body bytes): for tests and diagnostics. */
    cacheUsage: () => editionAt(clock()).cache.usage,
    /**
     * The Cron Trigger (wrangler.toml `[triggers]`, every minute): pings the WebSub hub for the feeds of articles
     * that went out in the minute before this run. Without a hub (or SITE_URL) it does nothing.
     */
    scheduled: async (controller: Pick<ScheduledController, 'scheduledTime'>, env: Env): Promise<void> => {
      const { hub, siteUrl } = loadConfig(env ?? {});
      const released = library.releasedBetween(controller.scheduledTime - 60_000, controller.scheduledTime);
      if (!hub || !siteUrl || released.length === 0) return;
      const results = await publishToHub(hub, feedsOfArticles(library, siteUrl, released), options.hubFetch);
      for (const r of results) console.log(`websub ${r.status >= 200 && r.status < 300 ? 'ok' : 'failed'} ${r.status} ${r.url}`);
    },
  };
}

/** The routes and pipeline over one edition of the library (`from`: its last publication instant). */
function editionHandler(
  library: Library,
  from: number,
  prerenderedFeeds: Record<string, OriginSplitText>,
  options: AppOptions,
): { handle: Handler; cache: ResponseCache } {
  const responder = new Responder(library);
  const routes = new Hono<AppEnv>()
    .use(requestContext)
    .route('/', feedRoutes(responder, prerenderedFeeds))
    .route('/', pageRoutes(responder))
    .route('/', partnerRoutes(responder))
    .route('/', documentRoutes(responder))
    .route('/', reachRoutes(library, options.reachClient))
    .route('/media', mediaRoutes(library, from));
  routes.notFound(notFound(library));
  routes.onError(onError(library));
  // Build the router's matchers now (start-up), not on the first request.
  routes.router.match('GET', '/');
  const handle = requestPipeline(responder.cache, ({ request, env, ctx }) => routes.fetch(request, env, ctx));
  return { handle, cache: responder.cache };
}
