/** What every route group of the Worker shares: its Hono environment and the representations answered so far. */
import type { Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { Config } from '../config';
import type { Library } from '../content/library';
import { sendRepresentation } from '../http/conditional';
import { CACHE, makeRepresentation, type Representation, RepresentationCache } from '../http/representation';

export interface AppEnv {
  Bindings: Env;
  Variables: { config: Config; base: string; url: URL };
}
export type AppContext = Context<AppEnv>;

export const HTML = 'text/html; charset=utf-8';

/** How many exact URLs the `answeredBefore` step remembers per isolate (each holds one representation). */
const ANSWERED_MAX = 1024;

export interface ServeOptions {
  cache?: string;
  lastModified?: number;
  headers?: Record<string, string>;
}

/**
 * Answers requests with representations rendered once per isolate: documents per base URL and key, and every
 * query-less URL already answered, which the `answeredBefore` step (middleware.ts) then serves without routing.
 */
export class Responder {
  /** Newest update of the whole library: Last-Modified of the pages that list everything. */
  readonly newest: number;
  readonly answered = new Map<string, Representation>();
  private readonly documents = new RepresentationCache();

  constructor(readonly library: Library) {
    this.newest = library.lastUpdateMs();
  }

  /** Sends `rep` (200 or 304) and remembers it for its exact URL when the URL has no query. */
  respond(c: AppContext, rep: Representation): Response {
    if (c.get('url').search === '' && this.answered.size < ANSWERED_MAX) this.answered.set(c.req.url, rep);
    return sendRepresentation(c.req.raw, rep);
  }

  /** Serves a document rendered once per base URL and key. */
  async serve(c: AppContext, key: string, contentType: string, render: () => string | Promise<string>, options: ServeOptions = {}) {
    const rep = await this.documents.get(`${c.get('base')}|${key}`, async () =>
      makeRepresentation(await render(), contentType, options.cache ?? CACHE.page, options.lastModified, options.headers),
    );
    return this.respond(c, rep);
  }

  /** Serves an HTML page rendered once per base URL and key. */
  page(c: AppContext, key: string, element: () => JSX.Element, lastModified = this.newest, headers?: Record<string, string>) {
    return this.serve(c, key, HTML, async () => `<!DOCTYPE html>${await element().toString()}`, {
      lastModified,
      ...(headers ? { headers } : {}),
    });
  }
}
