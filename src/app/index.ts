/**
 * The Worker: small Hono apps (feeds, pages, partner kit, documents) joined with `route`, behind one pipeline.
 *
 * Every request passes, in order: countReach (optional statistics, of the final answer) → allowedMethods (405,
 * preflight) → answeredBefore (a URL answered before is served from its bytes, headers included) → standardHeaders
 * (CORS and security headers on every other answer) → the routes (Hono), which begin with requestContext (vars,
 * base URL, guessed-path redirects) and end in `notFound` and `onError`. A repeat request costs no routing and no
 * await (see middleware.ts), yet passes every step before answeredBefore: a middleware that every answer must pass
 * goes there.
 */
import { Hono } from 'hono';
import type { Library } from '../content/library';
import type { OriginSplitText } from '../feeds/render';
import { type AppEnv, Responder } from './context';
import { documentRoutes } from './documents';
import { notFound, onError } from './errors';
import { feedRoutes } from './feeds';
import { allowedMethods, answeredBefore, countReach, pipeline, requestContext, standardHeaders } from './middleware';
import { pageRoutes } from './pages';
import { partnerRoutes } from './partners';
import { type ReachClientFactory, reachRoutes } from './reach';

export type { AppEnv } from './context';

/** Builds the Worker's app over `library` (the compiled content, or a test fixture's), with feeds the build rendered. */
export function createApp(
  library: Library,
  prerenderedFeeds: Record<string, OriginSplitText> = {},
  options: { reachClient?: ReachClientFactory } = {},
) {
  const responder = new Responder(library);
  const routes = new Hono<AppEnv>()
    .use(requestContext)
    .route('/', feedRoutes(responder, prerenderedFeeds))
    .route('/', pageRoutes(responder))
    .route('/', partnerRoutes(responder))
    .route('/', documentRoutes(responder))
    .route('/', reachRoutes(library, options.reachClient));
  routes.notFound(notFound(library));
  routes.onError(onError(library));

  const handle = pipeline([countReach, allowedMethods, answeredBefore(responder.answered), standardHeaders], ({ request, env, ctx }) =>
    routes.fetch(request, env, ctx),
  );
  // Build the router's matchers now (start-up), not on the first request.
  routes.router.match('GET', '/');
  return {
    /** The Worker's fetch handler. */
    fetch: (request: Request, env: Env, ctx?: ExecutionContext) => handle({ request, env, ctx }),
  };
}
