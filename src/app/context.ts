/** What every route group of the Worker shares: its Hono environment and the one cache of what it rendered. */
import type { Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { Config } from '../config';
import { BodyStore } from '../content/archive';
import type { Library } from '../content/library';
import { sendRepresentation } from '../http/conditional';
import { transportHeaders } from '../http/headers';
import { CACHE, makeRepresentation, type Representation, ResponseCache } from '../http/representation';

export interface AppEnv {
  Bindings: Env;
  Variables: { config: Config; base: string; url: URL };
}
export type AppContext = Context<AppEnv>;

export const HTML = 'text/html; charset=utf-8';

export interface ServeOptions {
  cache?: string;
  lastModified?: number;
  headers?: Record<string, string>;
  /** The canonical query of the request, from its validated parameters ("?page=2"); empty without one. */
  query?: string;
}

const configTags = new WeakMap<Config, string>();

/**
 * The key of a request in the cache: what its answer depends on — the vars (item count, hub), the base URL of its
 * links, its path and its canonical query (from the validated parameters, never the raw text, so that `?limit=05`
 * and `?limit=5` share an entry and an unknown parameter changes nothing). Percent-encoded aliases of a path never
 * get here: they are redirected to the path (canonicalRedirects, middleware.ts).
 */
export function requestKey(config: Config, base: string, path: string, query = ''): string {
  let tag = configTags.get(config);
  if (tag === undefined) {
    tag = `${config.feedItems}|${config.hub ?? ''}|`;
    configTags.set(config, tag);
  }
  return tag + base + path + query;
}

/** Answers requests with representations rendered once per isolate, kept in the one cache by request key. */
export class Responder {
  /** Newest update of the whole library: Last-Modified of the pages that list everything. */
  readonly newest: number;
  readonly cache = new ResponseCache();
  /** Bodies of archived articles (docs/archive.md), read on first use and kept within a byte budget. */
  readonly bodies = new BodyStore();

  constructor(readonly library: Library) {
    this.newest = library.lastUpdateMs();
  }

  /** Serves the representation of this request, made with `make` on first use (200 or 304). */
  async answer(c: AppContext, make: () => Promise<Representation>, query = ''): Promise<Response> {
    const path = c.get('url').pathname;
    // A path still holding percent-escapes is one no canonical URL has: answered, but not kept.
    const rep = path.includes('%') ? await make() : await this.cache.get(requestKey(c.get('config'), c.get('base'), path, query), make);
    return sendRepresentation(c.req.raw, rep);
  }

  /** Serves a document rendered once per request key. */
  serve(c: AppContext, contentType: string, render: () => string | Promise<string>, options: ServeOptions = {}) {
    return this.answer(
      c,
      async () =>
        makeRepresentation(await render(), contentType, options.cache ?? CACHE.page, options.lastModified, {
          ...options.headers,
          ...transportHeaders(c.get('base')),
        }),
      options.query,
    );
  }

  /** Serves an HTML page rendered once per request key. */
  page(c: AppContext, element: () => JSX.Element | Promise<JSX.Element>, options: Omit<ServeOptions, 'cache'> = {}) {
    return this.serve(c, HTML, async () => `<!DOCTYPE html>${await (await element()).toString()}`, {
      lastModified: this.newest,
      ...options,
    });
  }
}
