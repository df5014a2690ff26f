import { describe, expect, it } from 'vitest';
import { appWith, parseXml } from '../support/client';
import { syntheticArticle, syntheticContent } from '../support/fixtures';

// Seven synthetic English articles, three per page: archive pages 1 (days 1-3) and 2 (days 4-6).
const fetchFrom = appWith(syntheticContent([1, 2, 3, 4, 5, 6, 7].map((d) => syntheticArticle(`day-${d}`, 'en', d))), { FEED_ITEMS: '3' });
const slugs = (json: { items: { url: string }[] }) => json.items.map((i) => i.url.split('/').pop());
const BASE = 'http://feeds.test/en';

describe('paged archives (RFC 5005)', () => {
  it('the current feed links the newest archive page in every format', async () => {
    const json = (await (await fetchFrom('/en/feed.json')).json()) as { items: { url: string }[]; next_url: string };
    expect(slugs(json)).toEqual(['day-7', 'day-6', 'day-5']);
    expect(json.next_url).toBe(`${BASE}/feed.json?page=2`);
    const atom = parseXml(await (await fetchFrom('/en/atom.xml')).text()).feed;
    expect(atom.link).toContainEqual({ '@rel': 'prev-archive', '@href': `${BASE}/atom.xml?page=2` });
    const rss = parseXml(await (await fetchFrom('/en/rss.xml')).text()).rss;
    expect(rss.channel['atom:link']).toContainEqual({ '@rel': 'prev-archive', '@href': `${BASE}/rss.xml?page=2` });
  });

  it('archive pages hold fixed sets of older items and link each other', async () => {
    const atom2 = parseXml(await (await fetchFrom('/en/atom.xml?page=2')).text()).feed;
    expect(atom2.entry.map((e: { id: string }) => e.id.split('/').at(-2))).toEqual(['day-6', 'day-5', 'day-4']);
    expect(atom2['fh:archive']).toBe('');
    expect(atom2.link).toContainEqual({ '@rel': 'self', '@href': `${BASE}/atom.xml?page=2` });
    expect(atom2.link).toContainEqual({ '@rel': 'current', '@href': `${BASE}/atom.xml` });
    expect(atom2.link).toContainEqual({ '@rel': 'prev-archive', '@href': `${BASE}/atom.xml?page=1` });
    const page1 = (await (await fetchFrom('/en/feed.json?page=1')).json()) as { items: { url: string }[]; next_url?: string };
    expect(slugs(page1)).toEqual(['day-3', 'day-2', 'day-1']);
    expect(page1.next_url).toBeUndefined();
    const rss1 = parseXml(await (await fetchFrom('/en/rss.xml?page=1')).text()).rss;
    expect(rss1.channel['atom:link']).toContainEqual({ '@rel': 'next-archive', '@href': `${BASE}/rss.xml?page=2` });
  });

  it('walking next_url from the current feed reaches every item', async () => {
    const seen: string[] = [];
    let url: string | undefined = '/en/feed.json';
    while (url) {
      const json = (await (await fetchFrom(url)).json()) as { items: { url: string }[]; next_url?: string };
      seen.push(...(slugs(json) as string[]));
      url = json.next_url ? new URL(json.next_url).pathname + new URL(json.next_url).search : undefined;
    }
    expect(new Set(seen)).toEqual(new Set([1, 2, 3, 4, 5, 6, 7].map((d) => `day-${d}`)));
  });

  it('answers 404 past the last page and 400 for a bad or combined page', async () => {
    const past = await fetchFrom('/en/rss.xml?page=3');
    expect(past.status).toBe(404);
    expect(((await past.json()) as { detail: string }).detail).toBe('There is no archive page 3; this feed has pages 1 to 2.');
    expect((await fetchFrom('/en/rss.xml?page=0')).status).toBe(400);
    const combined = await fetchFrom('/en/rss.xml?page=1&limit=5');
    expect(combined.status).toBe(400);
    expect(((await combined.json()) as { detail: string }).detail).toContain('"page" cannot be combined');
  });
});

describe('self links of feed variants', () => {
  it('name the document fetched, so validators find them matching', async () => {
    const atom = parseXml(await (await fetchFrom('/en/atom.xml?limit=2')).text()).feed;
    expect(atom.link).toContainEqual({ '@rel': 'self', '@href': `${BASE}/atom.xml?limit=2` });
    const json = (await (await fetchFrom('/en/feed.json?limit=2')).json()) as { feed_url: string };
    expect(json.feed_url).toBe(`${BASE}/feed.json?limit=2`);
    const plain = parseXml(await (await fetchFrom('/en/rss.xml')).text()).rss;
    expect(plain.channel['atom:link']).toContainEqual({ '@href': `${BASE}/rss.xml`, '@rel': 'self', '@type': 'application/rss+xml' });
  });
});
