/**
 * The Worker: small Hono apps (feeds, pages, partner kit, documents) joined under one middleware pipeline.
 *
 * Every request passes, in order: countReach (optional statistics, after the answer) → standardHeaders (CORS and
 * security headers on answers that lack them) → allowedMethods (405, preflight) → answeredBefore (a URL answered
 * before is served from its bytes; routing is skipped) → requestContext (vars, base URL, guessed-path redirects)
 * → the routes. Errors from any of them reach `onError`; unknown paths `notFound`.
 */
import { Hono } from 'hono';
import type { Library } from '../content/library';
import type { OriginSplitText } from '../feeds/render';
import { type AppEnv, Responder } from './context';
import { documentRoutes } from './documents';
import { notFound, onError } from './errors';
import { feedRoutes } from './feeds';
import { allowedMethods, answeredBefore, countReach, requestContext, standardHeaders } from './middleware';
import { pageRoutes } from './pages';
import { partnerRoutes } from './partners';

export type { AppEnv } from './context';

/** Builds the Worker's app over `library` (the compiled content, or a test fixture's), with feeds the build rendered. */
export function createApp(library: Library, prerenderedFeeds: Record<string, OriginSplitText> = {}) {
  const responder = new Responder(library);
  const app = new Hono<AppEnv>()
    .use(countReach, standardHeaders, allowedMethods, answeredBefore(responder.answered), requestContext)
    .route('/', feedRoutes(responder, prerenderedFeeds))
    .route('/', pageRoutes(responder))
    .route('/', partnerRoutes(responder))
    .route('/', documentRoutes(responder));
  app.notFound(notFound(library));
  app.onError(onError(library));
  // Build the router's matchers now (start-up), not on the first request.
  app.router.match('GET', '/');
  return app;
}
