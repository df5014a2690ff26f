/**
 * The steps every request passes before routing, in the one order `requestPipeline` builds. They work on the request itself,
 * not on a Hono context, and answer synchronously when they can: a repeat request for a URL answered before gets
 * its Response from a map lookup, without an await, without a closure made per request and without Hono's
 * dispatch. workerd sends a Response returned synchronously at once, while a Promise costs a turn of its event
 * loop; Hono's `use` middleware always awaits, and every closure made per request costs a call of esbuild's
 * `__name` helper in wrangler's bundle (`npm run bench:profile` shows those calls; `npm run bench` the difference,
 * 17–45 µs per request with Hono middleware, none left now). With the REACH binding, only an answer that is not
 * ready at once gets a closure (to record its status). Representations carry their CORS and
 * security headers from the moment they are made (once per isolate), so repeat requests copy no header;
 * `standardHeaders` adds them to every other answer.
 */
import { type Config, loadConfig } from '../config';
import { sendRepresentation } from '../http/conditional';
import { ALLOWED_METHODS, applyStandardHeaders, preflightResponse } from '../http/headers';
import { preferredLang } from '../http/negotiate';
import { ProblemError } from '../http/problem';
import { guessedPath, permanentRedirect } from '../http/redirects';
import type { ResponseCache } from '../http/representation';
import { BoundedMemo } from '../memo';
import { type ReachDataset, recordReach } from '../reach/record';
import { type AppContext, requestKey } from './context';

/** One request as the Worker receives it. */
export interface Exchange {
  request: Request;
  /** `request.url`, read once: each read makes a new string, which the isolate's collections then pay for. */
  url: string;
  env: Env;
  /** Absent when tests call the Worker. */
  ctx: ExecutionContext | undefined;
}
export type Answer = Response | Promise<Response>;
export type Handler = (x: Exchange) => Answer;
/** A middleware that hands on by calling `next(x)`, and returns its answer as it gets it, awaited or not. */
export type Step = (x: Exchange, next: Handler) => Answer;

/** Runs `steps` in order, then `end`; the answer stays synchronous as long as every step's is. */
function pipeline(steps: Step[], end: Handler): Handler {
  return steps.reduceRight<Handler>((next, step) => (x) => step(x, next), end);
}

/**
 * Every request's way to the routes; the order is this function's, not the caller's. countReach comes first so that it
 * counts the final answer, whoever gives it; allowedMethods before the cache, so that a POST never gets a cached GET
 * answer; cachedAnswer before standardHeaders, since cached representations carry their headers already;
 * canonicalRedirects inside standardHeaders, so that redirects carry them too; the routes last.
 */
export function requestPipeline(cache: ResponseCache, routes: Handler): Handler {
  return pipeline([countReach, allowedMethods, cachedAnswer(cache), standardHeaders, canonicalRedirects], routes);
}

const withStandardHeaders = (res: Response, url = '') => {
  applyStandardHeaders(res.headers, url);
  return res;
};

/** Counts the answer in the optional REACH dataset (Workers Analytics Engine); without the binding it does nothing. */
export const countReach: Step = (x, next) => {
  const reach = (x.env as { REACH?: ReachDataset } | undefined)?.REACH;
  if (!reach) return next(x);
  const answer = next(x);
  // A closure only for the answers that come later; a repeat request is recorded without one.
  if (answer instanceof Promise) {
    return answer.then((res) => {
      recordReach(reach, x.request, res.status, x.url);
      return res;
    });
  }
  recordReach(reach, x.request, answer.status, x.url);
  return answer;
};

/** GET and HEAD are answered, OPTIONS is a CORS preflight, anything else is a 405 naming what is allowed. */
export const allowedMethods: Step = (x, next) => {
  const method = x.request.method;
  if (method === 'GET' || method === 'HEAD') return next(x);
  if (method === 'OPTIONS') return withStandardHeaders(preflightResponse(), x.url);
  const detail = `${method} is not supported here; this server only answers ${ALLOWED_METHODS}.`;
  return withStandardHeaders(
    new ProblemError({ status: 405, title: 'Method not allowed', detail }, { Allow: ALLOWED_METHODS }).getResponse(),
    x.url,
  );
};

/**
 * A request answered before is served from the cache by its key: no routing, no rendering, no await. Only requests
 * whose URL is already canonical take this path (no query, no percent-escape): their key is read off the URL text,
 * once per URL (kept, so that a repeat request makes no string: what a request allocates, the isolate's
 * young-generation collections pay for, docs/performance.md); the others are routed, validated and keyed by their
 * canonical form.
 */
export function cachedAnswer(cache: ResponseCache): Step {
  let keys: { config: Config; memo: BoundedMemo<string>; keyOf: (url: string) => string } | undefined;
  return (x, next) => {
    const url = x.url;
    if (url.includes('?') || url.includes('%')) return next(x);
    const config = validConfig(x);
    if (!config) return next(x);
    if (keys?.config !== config) keys = { config, memo: new BoundedMemo<string>(512), keyOf: (u) => canonicalUrlKey(config, u) };
    const rep = cache.peek(keys.memo.get(url, keys.keyOf, isShort));
    return rep ? sendRepresentation(x.request, rep) : next(x);
  };
}

const isShort = (url: string) => url.length <= 512;

/** The cache key of a URL with no query and no escape: the base is SITE_URL, or else the URL's origin (base + path is the URL). */
function canonicalUrlKey(config: Config, url: string): string {
  return config.siteUrl === undefined
    ? requestKey(config, '', url)
    : requestKey(config, config.siteUrl, url.slice(url.indexOf('/', url.indexOf('//') + 2)));
}

/** The vars, validated once per env object (config.ts); undefined when one is bad, which the routes then answer by name. */
function validConfig(x: Exchange): Config | undefined {
  try {
    return loadConfig(x.env ?? {});
  } catch {
    return undefined;
  }
}

/** CORS and security headers on every answer that is not a representation (which carries them already). */
export const standardHeaders: Step = (x, next) => {
  const answer = next(x);
  return answer instanceof Promise ? answer.then((res) => withStandardHeaders(res, x.url)) : withStandardHeaders(answer, x.url);
};

/**
 * Percent-encoded aliases of a path (/%65n/rss.xml) and guessed paths (/feed, /en/rss) answer 301 to the path
 * itself: one URL per resource, one cache entry. A bad var is left to the routes, which name it.
 */
export const canonicalRedirects: Step = (x, next) => {
  const config = validConfig(x);
  if (!config) return next(x);
  const url = new URL(x.url);
  const base = config.siteUrl ?? url.origin;
  const canonical = url.pathname.includes('%') ? canonicalPath(url.pathname) : url.pathname;
  if (canonical !== url.pathname) return permanentRedirect(base + canonical + url.search);
  const redirect = guessedPath(url.pathname, () => preferredLang(x.request));
  return redirect ? permanentRedirect(base + redirect.location + url.search, redirect.byLanguage) : next(x);
};

/** What the routes read of every request: the vars (validated), the URL and the base URL of links. (The one Hono middleware.) */
export const requestContext = async (c: AppContext, next: () => Promise<void>) => {
  const url = new URL(c.req.url);
  const config = loadConfig(c.env ?? {});
  c.set('url', url);
  c.set('config', config);
  c.set('base', config.siteUrl ?? url.origin);
  return next();
};

/** The path with every escape of a character that needs none decoded (segments that do not decode stay as sent). */
function canonicalPath(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) => {
      try {
        return encodeURIComponent(decodeURIComponent(segment));
      } catch {
        return segment;
      }
    })
    .join('/');
}
