/** The feeds: /{lang}/{rss.xml,atom.xml,feed.json} and the same per tag, with their query (limit, page, since). */
import { Hono } from 'hono';
import type { Library } from '../content/library';
import { isLang, LANGS, type Lang } from '../content/model';
import { feedQueryString, parseFeedQuery, selectFeed } from '../feeds/query';
import type { OriginSplitText } from '../feeds/render';
import { FeedRenderer } from '../feeds/renderer';
import { ProblemError } from '../http/problem';
import { FEED_FILE, type FeedFormat } from '../urls';
import type { AppContext, AppEnv, Responder } from './context';
import { notFound } from './errors';

const FORMAT_BY_FILE = Object.fromEntries(Object.entries(FEED_FILE).map(([f, file]) => [file, f])) as Record<string, FeedFormat>;
// No top-level alternation: Hono splices the pattern into a larger regex, where a bare "a|b" escapes its segment.
const FEED_FILE_PATTERN = ':file{[a-z]+\\.(?:xml|json)}';

export function feedRoutes(responder: Responder, prerendered: Record<string, OriginSplitText>) {
  const { library } = responder;
  const feeds = new FeedRenderer(library, responder.bodies, prerendered);
  const missing = notFound(library);

  const serveFeed = async (c: AppContext, lang: Lang, tag: string | undefined) => {
    const format = FORMAT_BY_FILE[c.req.param('file') ?? ''];
    if (!format) return missing(c);
    const { feedItems, hub } = c.get('config');
    const query = parseFeedQuery(c.get('url'));
    const selection = selectFeed(library, lang, tag, query, feedItems, c.get('url'));
    return responder.answer(c, () => feeds.make(c.get('base'), format, selection, c.env, hub), feedQueryString(query, selection));
  };

  return new Hono<AppEnv>()
    .get(`/:lang/${FEED_FILE_PATTERN}`, (c) => serveFeed(c, requireLang(c.req.param('lang')), undefined))
    .get(`/:lang/tags/:tag/${FEED_FILE_PATTERN}`, (c) => {
      const lang = requireLang(c.req.param('lang'));
      return serveFeed(c, lang, requireTag(library, lang, c.req.param('tag')));
    });
}

function requireLang(value: string): Lang {
  if (isLang(value)) return value;
  throw new ProblemError({
    status: 404,
    title: 'Unknown language',
    detail: `There is no "${value}" edition; the languages are ${LANGS.join(', ')}.`,
    languages: [...LANGS],
  });
}

function requireTag(library: Library, lang: Lang, tag: string): string {
  if (library.hasTag(lang, tag)) return tag;
  throw new ProblemError({
    status: 404,
    title: 'Unknown tag',
    detail: `There is no tag "${tag}"; the tags are ${Object.keys(library.sites[lang].tags).join(', ')}.`,
    tags: Object.keys(library.sites[lang].tags),
  });
}
