/** WebSub (W3C) publisher side: tell the hub which feeds changed after a deploy. */
import type { CompiledContent } from '../src/content/model';
import { LANGS } from '../src/content/model';
import { FEED_FORMATS, feedPath } from '../src/urls';

/** Absolute URLs of every feed the content has: the main six and each tag's. */
export function allFeedUrls(content: CompiledContent, siteUrl: string): string[] {
  return LANGS.flatMap((lang) => {
    const tags = Object.keys(content.sites[lang].tags).filter((t) => content.articles[lang].some((a) => a.tags.includes(t)));
    return [undefined, ...tags].flatMap((tag) => FEED_FORMATS.map((f) => siteUrl + feedPath(lang, f, tag)));
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

/** Sends one `hub.mode=publish` ping per feed; returns the hub's status for each. */
export async function publishToHub(hub: string, urls: string[]): Promise<{ url: string; status: number }[]> {
  const results = [];
  for (const url of urls) {
    const res = await fetch(hub, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': url }),
      signal: AbortSignal.timeout(10_000),
    });
    results.push({ url, status: res.status });
  }
  return results;
}
