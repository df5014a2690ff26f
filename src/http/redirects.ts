/** Paths feed readers and people guess, mapped permanently to the real ones. */
import { isLang, type Lang } from '../content/model';
import { FEED_FILE, type FeedFormat } from '../urls';
import { CACHE } from './representation';

/** The one way the Worker redirects: 301 to an absolute URL, cached a day, varying by language where it chose one. */
export function permanentRedirect(location: string, byLanguage = false): Response {
  const headers: Record<string, string> = { Location: location, 'Cache-Control': CACHE.redirect };
  if (byLanguage) headers.Vary = 'Accept-Language';
  return new Response(null, { status: 301, headers });
}

// Guessed file names -> format. Language-less ones go to the client's preferred language. A Map, not an object: a path
// segment such as "constructor" must not find what every object inherits.
const GUESSES = new Map<string, FeedFormat>([
  ['feed', 'rss'],
  ['rss', 'rss'],
  ['rss.xml', 'rss'],
  ['feed.xml', 'rss'],
  ['index.xml', 'rss'],
  ['index.rss', 'rss'],
  ['atom', 'atom'],
  ['atom.xml', 'atom'],
  ['feed.atom', 'atom'],
  ['json', 'json'],
  ['feed.json', 'json'],
]);

export interface Redirect {
  location: string;
  /** True when the target depends on Accept-Language. */
  byLanguage: boolean;
}

/**
 * Where a guessed path should lead, or undefined when it is not a guess we know;
 * `preferred` (Accept-Language negotiation) is only called for language-less paths.
 * `/feed`, `/rss.xml`, ... (no language) -> `/{preferred}/rss.xml`; `/{lang}/feed/` -> `/{lang}/rss.xml`;
 * a trailing slash after a feed file is dropped; `/{lang}` gains its slash.
 */
export function guessedPath(pathname: string, preferred: () => Lang): Redirect | undefined {
  const segments = pathname.split('/').filter((s) => s !== '');
  const trailingSlash = pathname.endsWith('/') && pathname !== '/';
  if (segments.length === 1) {
    const [only = ''] = segments;
    if (isLang(only)) return trailingSlash ? undefined : { location: `/${only}/`, byLanguage: false };
    if (only === 'partners' || only === 'privacy') return { location: `/${preferred()}/${only}`, byLanguage: true };
    const format = GUESSES.get(only);
    return format ? { location: `/${preferred()}/${FEED_FILE[format]}`, byLanguage: true } : undefined;
  }
  if (segments.length === 2) {
    const [lang = '', file = ''] = segments;
    const format = GUESSES.get(file);
    if (!isLang(lang) || !format) return undefined;
    const location = `/${lang}/${FEED_FILE[format]}`;
    return location === pathname ? undefined : { location, byLanguage: false };
  }
  if (segments.length === 4 && segments[1] === 'tags' && trailingSlash) {
    const [lang = '', , tag = '', file = ''] = segments;
    const format = GUESSES.get(file);
    if (isLang(lang) && format) return { location: `/${lang}/tags/${tag}/${FEED_FILE[format]}`, byLanguage: false };
  }
  if (segments.length === 3 && segments[1] === 'articles' && trailingSlash) {
    return { location: `/${segments.join('/')}`, byLanguage: false };
  }
  return undefined;
}
