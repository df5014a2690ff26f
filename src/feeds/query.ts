/** Query parameters every feed accepts, validated with zod, and the feed selection they make. */
import * as z from 'zod/mini';
import type { Library } from '../content/library';
import type { Lang } from '../content/model';
import { parseDateTime } from '../dates';
import { ProblemError } from '../http/problem';
import { invalidParameter, parseQuery, wholeNumber } from '../http/query';
import { archivePages, type FeedSelection } from './model';

/** The instant of an RFC 3339 timestamp on a real date (the content's own rule; "t" and "z" may be lower-case). */
const sinceMs = (s: string): number | undefined => {
  const parsed = parseDateTime(s.length <= 40 ? s.toUpperCase() : s);
  return 'error' in parsed ? undefined : parsed.ms;
};

export const feedQuerySchema = z.object({
  limit: z.optional(wholeNumber(100, 'must be from 1 to 100')),
  page: z.optional(wholeNumber(1_000_000, 'must be 1 or more')),
  since: z.optional(
    z.pipe(
      z.string().check(z.refine((s) => sinceMs(s) !== undefined, 'must be an RFC 3339 timestamp with an offset, on a real date and time')),
      z.transform((s: string) => sinceMs(s) ?? 0),
    ),
  ),
});
export type FeedQuery = z.infer<typeof feedQuerySchema>;

/** What each parameter accepts, as the 400 answer tells the client. */
const ALLOWED: Record<keyof FeedQuery, string> = {
  limit: "an integer from 1 to 100 (default: the feed's usual length)",
  page: "an archive page number from 1 (the oldest items) to the number in the feed's prev-archive link; with limit, that page's oldest items",
  since: 'an RFC 3339 timestamp such as 2025-09-05T00:00:00+08:00 or 2025-09-04T16:00:00Z',
};

const invalid = (parameter: string, detail: string) => invalidParameter('Invalid query parameter', parameter, detail, ALLOWED);

/** Validates the known parameters (unknown ones are ignored); a bad one is a 400 naming it. */
export function parseFeedQuery(url: URL): FeedQuery {
  if (url.search === '') return {};
  const query = parseQuery(url, feedQuerySchema, ALLOWED, 'Invalid query parameter');
  if (query.page !== undefined && query.since !== undefined) {
    throw invalid('page', '"page" cannot be combined with "since": archive pages have fixed contents.');
  }
  return query;
}

/**
 * The canonical query of a feed request, from its validated parameters in a fixed order: what the cache keys on.
 * `since` keeps the text the client sent (the feed's self link names it).
 */
export function feedQueryString(query: FeedQuery, selection: FeedSelection): string {
  const parts = [
    ...(query.limit === undefined ? [] : [`limit=${query.limit}`]),
    ...(query.page === undefined ? [] : [`page=${query.page}`]),
    ...(selection.since === undefined ? [] : [`since=${encodeURIComponent(selection.since)}`]),
  ];
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

/** Turns a validated query into the feed selection; an archive page past the last is a 404. */
export function selectFeed(
  library: Library,
  lang: Lang,
  tag: string | undefined,
  query: FeedQuery,
  pageSize: number,
  url: URL,
): FeedSelection {
  const base = { lang, ...(tag ? { tag } : {}), pageSize };
  if (query.page !== undefined) {
    const total = library.articles(lang, tag).length;
    const pages = archivePages(total, pageSize);
    // ?page=N&limit=M is the oldest M items of page N: where a shorter current feed's archive link leads.
    const limit = query.limit ?? pageSize;
    if (limit > pageSize) {
      throw invalid('limit', `"limit" with "page" selects the oldest items of that page, at most ${pageSize}; got "${limit}".`);
    }
    if ((query.page - 1) * pageSize + limit > total) {
      throw new ProblemError({
        status: 404,
        title: 'No such archive page',
        detail:
          pages === 0
            ? 'This feed has no archive pages yet: all its items are in the feed itself.'
            : `There is no archive page ${query.page}${query.limit === undefined ? '' : ` with ${limit} items`}; this feed has pages 1 to ${pages}.`,
        pages,
      });
    }
    return { ...base, limit, page: query.page };
  }
  if (query.since !== undefined) {
    // A partner asking what changed gets up to 100 items unless it says otherwise.
    return {
      ...base,
      limit: query.limit ?? 100,
      updatedFloor: library.updatedFloor(lang, tag, query.since),
      since: url.searchParams.get('since') ?? '',
    };
  }
  return { ...base, limit: query.limit ?? pageSize };
}
