/** WebSub (W3C) publisher side: tell a hub which feeds changed. Used by `npm run deploy` and the scheduled run. */
import type { Library } from './content/library';
import type { Lang } from './content/model';
import { FEED_FORMATS, feedPath } from './urls';

/** Absolute URLs of a language's main feeds and of the tag feeds `tags` name. */
export function feedUrlsOf(siteUrl: string, lang: Lang, tags: readonly string[]): string[] {
  return [undefined, ...tags].flatMap((tag) => FEED_FORMATS.map((f) => siteUrl + feedPath(lang, f, tag)));
}

/** The feeds a set of articles appears in, each once. */
export function feedsOfArticles(library: Library, siteUrl: string, articles: readonly { lang: Lang; tags: readonly string[] }[]): string[] {
  const urls = articles.flatMap((a) =>
    feedUrlsOf(
      siteUrl,
      a.lang,
      a.tags.filter((t) => library.hasTag(a.lang, t)),
    ),
  );
  return [...new Set(urls)];
}

/** Sends one `hub.mode=publish` ping per feed; returns the hub's status for each (0: no answer). */
export async function publishToHub(
  hub: string,
  urls: readonly string[],
  send: typeof fetch = fetch,
): Promise<{ url: string; status: number }[]> {
  const results = [];
  for (const url of urls) {
    try {
      const res = await send(hub, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': url }),
        signal: AbortSignal.timeout(10_000),
      });
      results.push({ url, status: res.status });
    } catch {
      results.push({ url, status: 0 });
    }
  }
  return results;
}
