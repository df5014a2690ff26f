import { describe, expect, it } from 'vitest';
import { appWith, parseXml } from '../support/client';
import { syntheticArticle, syntheticContent } from '../support/fixtures';
import type { Parsed } from '../support/xml';

// Seven synthetic English articles, three per archive page: pages 1 (days 1-3) and 2 (days 4-6).
const fetchFrom = appWith(syntheticContent([1, 2, 3, 4, 5, 6, 7].map((d) => syntheticArticle(`day-${d}`, 'en', d))), { FEED_ITEMS: '3' });
const slugs = (json: { items: { url: string }[] }) => json.items.map((i) => i.url.split('/').pop());
const BASE = 'http://feeds.test/en';
const path = (url: string) => new URL(url).pathname + new URL(url).search;

describe('paged archives (RFC 5005)', () => {
  it('the current feed links the rest of its page, then whole archive pages, in every format', async () => {
    const json = (await (await fetchFrom('/en/feed.json')).json()) as { items: { url: string }[]; next_url: string };
    expect(slugs(json)).toEqual(['day-7', 'day-6', 'day-5']);
    // Days 6 and 5 are the newest of page 2: the link leads to its oldest one, day 4.
    expect(json.next_url).toBe(`${BASE}/feed.json?page=2&limit=1`);
    const atom = parseXml(await (await fetchFrom('/en/atom.xml')).text()).feed;
    expect(atom.link).toContainEqual({ '@rel': 'prev-archive', '@href': `${BASE}/atom.xml?page=2&limit=1` });
    const rss = parseXml(await (await fetchFrom('/en/rss.xml')).text()).rss;
    expect(rss.channel['atom:link']).toContainEqual({ '@rel': 'prev-archive', '@href': `${BASE}/rss.xml?page=2&limit=1` });
  });

  it('archive pages hold fixed sets of older items and link each other', async () => {
    const atom2 = parseXml(await (await fetchFrom('/en/atom.xml?page=2')).text()).feed;
    expect(atom2.entry.map((e: { id: string }) => e.id.split('/').at(-2))).toEqual(['day-6', 'day-5', 'day-4']);
    expect(atom2['fh:archive']).toBe('');
    expect(atom2.link).toContainEqual({ '@rel': 'self', '@type': 'application/atom+xml', '@href': `${BASE}/atom.xml?page=2` });
    expect(atom2.link).toContainEqual({ '@rel': 'current', '@href': `${BASE}/atom.xml` });
    expect(atom2.link).toContainEqual({ '@rel': 'prev-archive', '@href': `${BASE}/atom.xml?page=1` });
    const page1 = (await (await fetchFrom('/en/feed.json?page=1')).json()) as { items: { url: string }[]; next_url?: string };
    expect(slugs(page1)).toEqual(['day-3', 'day-2', 'day-1']);
    expect(page1.next_url).toBeUndefined();
    const rss1 = parseXml(await (await fetchFrom('/en/rss.xml?page=1')).text()).rss;
    expect(rss1.channel['atom:link']).toContainEqual({ '@rel': 'next-archive', '@href': `${BASE}/rss.xml?page=2` });
    const oldest = (await (await fetchFrom('/en/feed.json?page=2&limit=1')).json()) as { items: { url: string }[] };
    expect(slugs(oldest)).toEqual(['day-4']);
  });

  it('answers 404 past the last page and 400 for a bad page or page and since together', async () => {
    const past = await fetchFrom('/en/rss.xml?page=3');
    expect(past.status).toBe(404);
    expect(((await past.json()) as { detail: string }).detail).toBe('There is no archive page 3; this feed has pages 1 to 2.');
    expect((await fetchFrom('/en/rss.xml?page=0')).status).toBe(400);
    expect((await fetchFrom('/en/rss.xml?page=1&limit=4')).status).toBe(400);
    const combined = await fetchFrom('/en/rss.xml?page=1&since=2025-01-01T00:00:00Z');
    expect(combined.status).toBe(400);
    expect(((await combined.json()) as { detail: string }).detail).toContain('"page" cannot be combined with "since"');
  });
});

/** Follows the archive links from `start`, as a client does, and returns every item id in order. */
async function walk(fetchFn: (p: string) => Promise<Response>, start: string): Promise<string[]> {
  const ids: string[] = [];
  let next: string | undefined = start;
  for (let guard = 0; next && guard < 2000; guard++) {
    const res = await fetchFn(next);
    expect(res.status, next).toBe(200);
    const text = await res.text();
    if (next.includes('feed.json')) {
      const json = JSON.parse(text) as { items: { id: string }[]; next_url?: string };
      ids.push(...json.items.map((i) => i.id));
      next = json.next_url && path(json.next_url);
    } else {
      const doc: Parsed = parseXml(text);
      const feed = doc.feed ?? doc.rss.channel;
      const entries: Parsed[] = doc.feed ? (feed.entry ?? []) : (feed.item ?? []);
      ids.push(...entries.map((e) => (doc.feed ? e.id : e.guid['#text'])));
      const links: Parsed[] = doc.feed ? feed.link : feed['atom:link'];
      const prev = links.find((l) => l['@rel'] === 'prev-archive');
      next = prev && path(prev['@href']);
    }
  }
  return ids;
}

describe('walking the archive from any entry point', () => {
  // Synthetic archives of every shape that matters: empty-ish, one page exactly, one over, several.
  const cases: [number, number][] = [
    [1, 3],
    [20, 3],
    [21, 3],
    [35, 3],
    [1, 20],
    [20, 20],
    [21, 20],
    [35, 20],
    [1000, 20],
  ];
  it.each(cases)('reaches each of %i articles exactly once with FEED_ITEMS=%i, every format, limit and tag', async (n, perPage) => {
    const articles = Array.from({ length: n }, (_, i) =>
      syntheticArticle(`a-${i}`, 'en', 1 + (i % 28), {
        tags: i % 3 === 0 ? ['events'] : ['open-source'],
        publishedMs: Date.UTC(2025, 0, 1) + i * 60_000,
      }),
    );
    const fetchN = appWith(syntheticContent(articles), { FEED_ITEMS: String(perPage) });
    const limits = n === 1000 ? [undefined, 5, 30, 100] : [undefined, 1, 2, 5, 10, 19, 20, 21, 30, 100];
    const formats = n === 1000 ? ['feed.json'] : ['feed.json', 'atom.xml', 'rss.xml'];
    for (const tag of [undefined, 'events']) {
      const expected = articles.filter((a) => !tag || a.tags.includes(tag)).length;
      for (const format of formats) {
        for (const limit of limits) {
          const start = `/en/${tag ? `tags/${tag}/` : ''}${format}${limit ? `?limit=${limit}` : ''}`;
          const ids = await walk(fetchN, start);
          expect(ids.length, start).toBe(expected);
          expect(new Set(ids).size, start).toBe(expected);
        }
      }
    }
  });

  it('the README walking example reads the whole history', async () => {
    const articles = Array.from({ length: 35 }, (_, i) =>
      syntheticArticle(`a-${i}`, 'en', 1 + (i % 28), { publishedMs: Date.UTC(2025, 0, 1) + i * 60_000 }),
    );
    const fetchN = appWith(syntheticContent(articles), { FEED_ITEMS: '20' });
    // As docs/partners.md › History: start small, follow next_url until there is none.
    const ids = await walk(fetchN, '/en/feed.json?limit=5');
    expect(ids).toEqual([...articles].reverse().map((a) => `tag:cie.hit.edu.cn,2025:articles/${a.slug}/en`));
  });
});

describe('self links of feed variants', () => {
  it('name the document fetched, so validators find them matching', async () => {
    const atom = parseXml(await (await fetchFrom('/en/atom.xml?limit=2')).text()).feed;
    expect(atom.link).toContainEqual({ '@rel': 'self', '@type': 'application/atom+xml', '@href': `${BASE}/atom.xml?limit=2` });
    const json = (await (await fetchFrom('/en/feed.json?limit=2')).json()) as { feed_url: string };
    expect(json.feed_url).toBe(`${BASE}/feed.json?limit=2`);
    const plain = parseXml(await (await fetchFrom('/en/rss.xml')).text()).rss;
    expect(plain.channel['atom:link']).toContainEqual({ '@href': `${BASE}/rss.xml`, '@rel': 'self', '@type': 'application/rss+xml' });
    const partial = parseXml(await (await fetchFrom('/en/atom.xml?page=2&limit=1')).text()).feed;
    expect(partial.link).toContainEqual({ '@rel': 'self', '@type': 'application/atom+xml', '@href': `${BASE}/atom.xml?page=2&limit=1` });
  });
});
