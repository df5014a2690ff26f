/**
 * The middleware every request passes (index.ts sets their order).
 * Representations carry their CORS and security headers from the moment they are made (once per isolate), so the
 * repeat requests that make up most traffic copy no header; `standardHeaders` adds them to every other answer.
 */
import type { MiddlewareHandler } from 'hono';
import { loadConfig } from '../config';
import { sendRepresentation } from '../http/conditional';
import { ALLOWED_METHODS, applyStandardHeaders, preflightResponse } from '../http/headers';
import { preferredLang } from '../http/negotiate';
import { ProblemError } from '../http/problem';
import { guessedPath } from '../http/redirects';
import { CACHE, type Representation } from '../http/representation';
import { type ReachDataset, recordReach } from '../reach/record';
import type { AppEnv } from './context';

/** Counts the answer in the optional REACH dataset (Workers Analytics Engine); without the binding it does nothing. */
export const countReach: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const reach = (c.env as { REACH?: ReachDataset } | undefined)?.REACH;
  if (reach) recordReach(reach, c.req.raw, c.res.status);
};

/** CORS and security headers on every answer that is not a representation (which carries them already). */
export const standardHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (!c.res.headers.has('X-Content-Type-Options')) applyStandardHeaders(c.res.headers);
};

/** GET and HEAD are answered, OPTIONS is a CORS preflight, anything else is a 405 naming what is allowed. */
export const allowedMethods: MiddlewareHandler<AppEnv> = async (c, next) => {
  const method = c.req.method;
  if (method === 'GET' || method === 'HEAD') return next();
  if (method === 'OPTIONS') return preflightResponse();
  throw new ProblemError(
    { status: 405, title: 'Method not allowed', detail: `${method} is not supported here; this server only answers ${ALLOWED_METHODS}.` },
    { Allow: ALLOWED_METHODS },
  );
};

/** A URL answered before (exactly, no query) is served from its bytes: the rest of the pipeline is not needed. */
export function answeredBefore(answered: Map<string, Representation>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const rep = answered.get(c.req.url);
    if (rep) return sendRepresentation(c.req.raw, rep);
    return next();
  };
}

/** The vars (validated), the request URL and the base URL of links; guessed paths are redirected. */
export const requestContext: MiddlewareHandler<AppEnv> = async (c, next) => {
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
