/**
 * The steps every request passes (index.ts sets their order), as middleware that answers synchronously when it
 * can: a repeat request for a URL answered before then gets its Response without one await. workerd sends a
 * Response returned synchronously at once, while a Promise costs a turn of its event loop; `npm run bench`
 * measured the difference at about 17 µs of CPU per request (Hono's own `use` middleware always awaits).
 * Representations carry their CORS and security headers from the moment they are made (once per isolate), so
 * repeat requests copy no header; `standardHeaders` adds them to every other answer.
 */
import type { ErrorHandler } from 'hono';
import { loadConfig } from '../config';
import { COMPLETE_HEADERS, sendRepresentation } from '../http/conditional';
import { ALLOWED_METHODS, applyStandardHeaders, preflightResponse } from '../http/headers';
import { preferredLang } from '../http/negotiate';
import { ProblemError } from '../http/problem';
import { guessedPath } from '../http/redirects';
import { CACHE, type Representation } from '../http/representation';
import { type ReachDataset, recordReach } from '../reach/record';
import type { AppContext, AppEnv } from './context';

type Answer = Response | Promise<Response>;
/** A middleware that hands on by calling `next`, and returns its answer as it gets it, awaited or not. */
export type Step = (c: AppContext, next: () => Answer) => Answer;

/** Runs `steps` in order, then `end`; the answer stays synchronous as long as every step's is. */
export function pipeline(steps: Step[], end: (c: AppContext) => Answer): (c: AppContext) => Answer {
  return steps.reduceRight<(c: AppContext) => Answer>((next, step) => (c) => step(c, () => next(c)), end);
}

/** Applies `after` to the answer, now or when it comes. */
const then = (answer: Answer, after: (res: Response) => Response): Answer =>
  answer instanceof Promise ? answer.then(after) : after(answer);

/** Counts the answer in the optional REACH dataset (Workers Analytics Engine); without the binding it does nothing. */
export const countReach: Step = (c, next) => {
  const reach = (c.env as { REACH?: ReachDataset } | undefined)?.REACH;
  if (!reach) return next();
  return then(next(), (res) => {
    recordReach(reach, c.req.raw, res.status);
    return res;
  });
};

/** CORS and security headers on every answer that is not a representation (which carries them already). */
export const standardHeaders: Step = (_c, next) =>
  then(next(), (res) => {
    if (!COMPLETE_HEADERS.has(res) && !res.headers.has('X-Content-Type-Options')) applyStandardHeaders(res.headers);
    return res;
  });

/** Whatever the later steps throw becomes its answer here, so that the steps before still see it. */
export function catchErrors(onError: ErrorHandler<AppEnv>): Step {
  return (c, next) => {
    try {
      const answer = next();
      return answer instanceof Promise ? answer.catch((error) => onError(error, c)) : answer;
    } catch (error) {
      return onError(error as Error, c);
    }
  };
}

/** GET and HEAD are answered, OPTIONS is a CORS preflight, anything else is a 405 naming what is allowed. */
export const allowedMethods: Step = (c, next) => {
  const method = c.req.method;
  if (method === 'GET' || method === 'HEAD') return next();
  if (method === 'OPTIONS') return preflightResponse();
  throw new ProblemError(
    { status: 405, title: 'Method not allowed', detail: `${method} is not supported here; this server only answers ${ALLOWED_METHODS}.` },
    { Allow: ALLOWED_METHODS },
  );
};

/** A URL answered before (exactly, no query) is served from its bytes: no routing, no rendering. */
export function answeredBefore(answered: Map<string, Representation>): Step {
  return (c, next) => {
    const rep = answered.get(c.req.url);
    return rep ? sendRepresentation(c.req.raw, rep) : next();
  };
}

/** The vars (validated), the request URL and the base URL of links; guessed paths are redirected. (Hono middleware.) */
export const requestContext = async (c: AppContext, next: () => Promise<void>) => {
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
  return next();
};
