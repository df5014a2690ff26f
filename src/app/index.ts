/**
 * The Worker: small Hono apps (feeds, pages, partner kit, documents) joined with `route`, behind one pipeline.
 *
 * Every request passes, in order: countReach (optional statistics, of the final answer) → standardHeaders (CORS
 * and security headers on answers that lack them) → catchErrors (a thrown problem becomes its answer) →
 * allowedMethods (405, preflight) → answeredBefore (a URL answered before is served from its bytes) → the routes,
 * which begin with requestContext (vars, base URL, guessed-path redirects). The pipeline is the one catch-all
 * route of an app of its own, so a repeat request costs no route matching and no await (see middleware.ts), yet
 * passes every step before answeredBefore: a middleware that every answer must pass goes there.
 * Unknown paths get `notFound`.
 */
import { Hono } from 'hono';
import type { Library } from '../content/library';
import type { OriginSplitText } from '../feeds/render';
import { type AppContext, type AppEnv, Responder } from './context';
import { documentRoutes } from './documents';
import { notFound, onError } from './errors';
import { feedRoutes } from './feeds';
import { allowedMethods, answeredBefore, catchErrors, countReach, pipeline, requestContext, standardHeaders } from './middleware';
import { pageRoutes } from './pages';
import { partnerRoutes } from './partners';

export type { AppEnv } from './context';

/** The request's ExecutionContext; tests call the Worker without one. */
function executionContext(c: AppContext): AppContext['executionCtx'] | undefined {
  try {
    return c.executionCtx;
  } catch {
    return undefined;
  }
}

/** Builds the Worker's app over `library` (the compiled content, or a test fixture's), with feeds the build rendered. */
export function createApp(library: Library, prerenderedFeeds: Record<string, OriginSplitText> = {}) {
  const responder = new Responder(library);
  const routes = new Hono<AppEnv>()
    .use(requestContext)
    .route('/', feedRoutes(responder, prerenderedFeeds))
    .route('/', pageRoutes(responder))
    .route('/', partnerRoutes(responder))
    .route('/', documentRoutes(responder));
  routes.notFound(notFound(library));
  routes.onError(onError(library));

  const app = new Hono<AppEnv>().all(
    '*',
    pipeline([countReach, standardHeaders, catchErrors(onError(library)), allowedMethods, answeredBefore(responder.answered)], (c) =>
      routes.fetch(c.req.raw, c.env, executionContext(c)),
    ),
  );
  // Build the routers' matchers now (start-up), not on the first request.
  app.router.match('GET', '/');
  routes.router.match('GET', '/');
  return app;
}
