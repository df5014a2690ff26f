/** WebSub (W3C) publisher side: tell the hub which feeds changed after a deploy. */
import type { CompiledContent } from '../src/content/model';
import { LANGS } from '../src/content/model';
import { feedUrlsOf } from '../src/websub';

export { publishToHub } from '../src/websub';

/** Absolute URLs of every feed the content has: the main six and each tag's. */
export function allFeedUrls(content: CompiledContent, siteUrl: string): string[] {
  return LANGS.flatMap((lang) => {
    const tags = Object.keys(content.sites[lang].tags).filter((t) => content.articles[lang].some((a) => a.tags.includes(t)));
    return feedUrlsOf(siteUrl, lang, tags);
  });
}

/** Each feed's current ETag (undefined when it cannot be fetched). */
export async function feedEtags(urls: string[]): Promise<Map<string, string | undefined>> {
  const entries = await Promise.all(
    urls.map(async (url) => {
      try {
        const res = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(10_000) });
        return [url, res.ok ? (res.headers.get('etag') ?? undefined) : undefined] as const;
      } catch {
        return [url, undefined] as const;
      }
    }),
  );
  return new Map(entries);
}

/** Feeds whose ETag differs, or that could not be compared (a new feed, an unreachable site). */
export function changedFeeds(before: Map<string, string | undefined>, after: Map<string, string | undefined>): string[] {
  return [...after].filter(([url, etag]) => etag === undefined || before.get(url) !== etag).map(([url]) => url);
}
