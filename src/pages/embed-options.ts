/** Options of the embed (iframe page and the partners page's generator), validated with zod. */
import * as z from 'zod/mini';
import type { Library } from '../content/library';
import type { Lang } from '../content/model';
import { invalidParameter, parseQuery, wholeNumber } from '../http/query';

export interface EmbedOptions {
  limit: number;
  tag?: string;
  theme: 'light' | 'dark' | 'auto';
  summary: boolean;
}

const schema = z.object({
  limit: z._default(wholeNumber(20, 'must be from 1 to 20'), 5),
  tag: z.optional(z.string().check(z.regex(/^[a-z0-9-]{1,60}$/, 'must be a tag slug'))),
  theme: z._default(z.enum(['light', 'dark', 'auto'], 'must be light, dark or auto'), 'light'),
  summary: z._default(
    z.pipe(
      z.enum(['true', 'false'], 'must be true or false'),
      z.transform((s: 'true' | 'false') => s === 'true'),
    ),
    true,
  ),
});

const ALLOWED: Record<keyof EmbedOptions, string> = {
  limit: 'an integer from 1 to 20 (default 5)',
  tag: 'one of the tags of this site (default: all articles)',
  theme: 'light, dark or auto (default light)',
  summary: 'true or false (default true)',
};

/** Parses embed options from a query; a bad or unknown value is a 400 that names it. */
export function parseEmbedOptions(url: URL, library: Library, lang: Lang): EmbedOptions {
  const fail = (parameter: string, detail: string) => invalidParameter('Invalid embed option', parameter, detail, ALLOWED);
  const { tag, ...rest } = parseQuery(url, schema, ALLOWED, 'Invalid embed option', true);
  if (tag !== undefined && !library.hasTag(lang, tag)) {
    throw fail('tag', `"tag" must be one of ${Object.keys(library.sites[lang].tags).join(', ')}; got "${tag}".`);
  }
  return { ...rest, ...(tag ? { tag } : {}) };
}

/** The query string that reproduces `options` (defaults left out), for URLs and the cache key. */
export function embedQuery(options: EmbedOptions): string {
  const params = new URLSearchParams();
  if (options.limit !== 5) params.set('limit', String(options.limit));
  if (options.tag) params.set('tag', options.tag);
  if (options.theme !== 'light') params.set('theme', options.theme);
  if (!options.summary) params.set('summary', 'false');
  const query = params.toString();
  return query ? `?${query}` : '';
}
