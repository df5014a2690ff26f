import { describe, expect, it } from 'vitest';
import { appWith, parseXml, request } from '../support/client';
import { syntheticArticle, syntheticContent } from '../support/fixtures';

describe('topic feeds', () => {
  it('serve only the articles with that tag, labelled in the feed language', async () => {
    const fetchFrom = appWith(
      syntheticContent([
        syntheticArticle('talk', 'en', 3, { tags: ['events'] }),
        syntheticArticle('code', 'en', 2, { tags: ['open-source'] }),
        syntheticArticle('both', 'en', 1, { tags: ['open-source', 'events'] }),
      ]),
    );
    const json = (await (await fetchFrom('/en/tags/open-source/feed.json')).json()) as Record<string, any>;
    expect(json.items.map((i: { url: string }) => i.url.split('/').pop())).toEqual(['code', 'both']);
    expect(json.title).toBe('Test site (synthetic) · Open source');
    expect(json.feed_url).toBe('http://feeds.test/en/tags/open-source/feed.json');
    expect(json.home_page_url).toBe('http://feeds.test/en/tags/open-source/');
    const atom = parseXml(await (await fetchFrom('/en/tags/events/atom.xml')).text()).feed;
    expect(atom.id).toBe('tag:cie.hit.edu.cn,2025:feeds/en/tags/events');
    expect(atom.entry).toHaveLength(2);
    const rss = parseXml(await (await fetchFrom('/en/tags/events/rss.xml')).text()).rss;
    expect(rss.channel['atom:link']).toContainEqual({ '@href': 'http://feeds.test/en/tags/events/rss.xml', '@rel': 'self', '@type': 'application/rss+xml' });
  });

  it('exist for every tag of the repository content', async () => {
    for (const tag of ['study-at-hit', 'open-source', 'partnership']) {
      for (const lang of ['zh', 'en']) {
        const res = await request(`/${lang}/tags/${tag}/rss.xml`);
        expect(res.status, `${lang} ${tag}`).toBe(200);
        expect(parseXml(await res.text()).rss.channel.item).toHaveLength(1);
      }
    }
  });

  it('answer 404 naming the tags for an unknown tag', async () => {
    const res = await request('/en/tags/robotics/feed.json');
    expect(res.status).toBe(404);
    const problem = (await res.json()) as { detail: string; tags: string[] };
    expect(problem.detail).toBe('There is no tag "robotics"; the tags are study-at-hit, open-source, partnership.');
    expect(problem.tags).toEqual(['study-at-hit', 'open-source', 'partnership']);
  });
});

describe('incremental sync with ?since', () => {
  const fetchFrom = appWith(
    syntheticContent([
      syntheticArticle('new', 'en', 20),
      syntheticArticle('revised', 'en', 2, { updated: '2025-01-25T08:00:00+08:00', updatedMs: Date.parse('2025-01-25T08:00:00+08:00') }),
      syntheticArticle('old', 'en', 1),
    ]),
  );
  const ids = async (path: string) =>
    ((await (await fetchFrom(path)).json()) as { items: { url: string }[] }).items.map((i) => i.url.split('/').pop());

  it('returns items published or updated after the timestamp, newest first', async () => {
    expect(await ids('/en/feed.json?since=2025-01-10T00:00:00Z')).toEqual(['new', 'revised']);
    expect(await ids('/en/feed.json?since=2025-01-20T09:00:00%2B08:00')).toEqual(['revised']);
    expect(await ids('/en/feed.json?since=2025-01-25T08:00:00%2B08:00')).toEqual([]);
    expect(await ids('/en/feed.json?since=2024-12-31T00:00:00Z')).toEqual(['new', 'revised', 'old']);
  });

  it('works in every format and combines with limit', async () => {
    const atom = parseXml(await (await fetchFrom('/en/atom.xml?since=2025-01-10T00:00:00Z&limit=1')).text()).feed;
    expect(atom.entry).toHaveLength(1);
    const rss = parseXml(await (await fetchFrom('/en/rss.xml?since=2025-01-10T00:00:00Z')).text()).rss;
    expect(rss.channel.item).toHaveLength(2);
  });

  it('gives equivalent timestamps the same bytes and ETag', async () => {
    const a = await fetchFrom('/en/feed.json?since=2025-01-10T00:00:00Z');
    const b = await fetchFrom('/en/feed.json?since=2025-01-12T13:14:15.5%2B08:00');
    expect(a.headers.get('etag')).toBe(b.headers.get('etag'));
  });

  it('rejects a timestamp that is not RFC 3339 with a 400 that says so', async () => {
    for (const value of ['yesterday', '2025-01-10', '2025-01-10T00:00:00', '2025-13-40T00:00:00Z']) {
      const res = await fetchFrom(`/en/feed.json?since=${encodeURIComponent(value)}`);
      expect(res.status, value).toBe(400);
      const problem = (await res.json()) as Record<string, string>;
      expect(problem.parameter).toBe('since');
      expect(problem.detail).toContain('must be an RFC 3339 timestamp with an offset');
    }
  });
});
