/** Crawls a site as a client would, for tests that ask what any reachable URL shows. */

/**
 * Every same-site URL reachable from the home page, the sitemaps, the OPML lists and the embed pages (at most
 * `limit`), with its body ('' unless 200); pictures and cards are listed, not fetched.
 */
export async function crawl(get: (path: string) => Promise<Response>, origin: string, limit = 600): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  const queue = ['/', '/sitemap.xml', '/feeds.opml', '/zh/embed', '/en/embed'];
  const escaped = origin.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const link = new RegExp(`(?:${escaped}|(?<=(?:href|src|srcset)="))(/[^"'<>\\s\\\\]*)`, 'g');
  while (queue.length > 0 && seen.size < limit) {
    const path = queue.shift() as string;
    if (seen.has(path)) continue;
    const res = await get(path);
    const body = res.status === 200 ? await res.text() : '';
    seen.set(path, body);
    for (const m of body.matchAll(link)) {
      const next = (m[1] ?? '').replaceAll('&amp;', '&');
      if (next.startsWith('/media/') || next.startsWith('/cards/')) seen.set(next, seen.get(next) ?? '(file)');
      else if (!seen.has(next)) queue.push(next);
    }
  }
  return seen;
}
