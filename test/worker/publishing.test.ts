import { describe, expect, it } from 'vitest';
import { appWith, parseXml } from '../support/client';
import { syntheticArticle, syntheticContent } from '../support/fixtures';

describe('a renamed article', () => {
  const renamed = syntheticArticle('new-name', 'en', 2, { formerSlugs: ['old-name'] });
  const fetchFrom = appWith(syntheticContent([renamed]), { SITE_URL: 'https://news.example.edu' });

  it('answers its old URL with 301 to the new one', async () => {
    const res = await fetchFrom('/en/articles/old-name', { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('https://news.example.edu/en/articles/new-name');
  });

  it('keeps its feed id, so readers do not see it as a new story', async () => {
    const json = (await (await fetchFrom('/en/feed.json')).json()) as { items: { id: string; url: string }[] };
    expect(json.items[0]).toMatchObject({
      id: 'tag:cie.hit.edu.cn,2025:articles/old-name/en',
      url: 'https://news.example.edu/en/articles/new-name',
    });
  });

  it('leaves other unknown slugs a 404', async () => {
    expect((await fetchFrom('/en/articles/never-was', { redirect: 'manual' })).status).toBe(404);
  });
});

describe('drafts in a local preview', () => {
  const fetchFrom = appWith(
    syntheticContent([
      syntheticArticle('wip', 'en', 2, { draft: true }),
      syntheticArticle('wip', 'zh', 2, { draft: true }),
      syntheticArticle('done', 'en', 1),
    ]),
  );

  it('are marked in the titles of every feed format, in the feed language', async () => {
    const rss = parseXml(await (await fetchFrom('/en/rss.xml')).text()).rss;
    expect(rss.channel.item.map((i: { title: string }) => i.title)).toEqual(['[DRAFT] Synthetic article wip', 'Synthetic article done']);
    const atom = parseXml(await (await fetchFrom('/zh/atom.xml')).text()).feed;
    expect(atom.entry[0].title['#text']).toBe('［草稿］合成文章 wip');
    const json = (await (await fetchFrom('/en/feed.json')).json()) as { items: { title: string }[] };
    expect(json.items[0]?.title).toBe('[DRAFT] Synthetic article wip');
  });
});

describe('a withdrawn article', () => {
  const content = {
    ...syntheticContent([syntheticArticle('kept', 'en', 1), syntheticArticle('kept', 'zh', 1)]),
    withdrawn: { en: ['pulled'], zh: ['pulled'] },
  };
  const fetchFrom = appWith(content);

  it("answers 410 Gone with a page in the reader's language", async () => {
    const zh = await fetchFrom('/zh/articles/pulled', { headers: { Accept: 'text/html' } });
    expect(zh.status).toBe(410);
    expect(await zh.text()).toContain('文章已撤下');
    const en = await fetchFrom('/en/articles/pulled', { headers: { Accept: 'text/html' } });
    expect(en.status).toBe(410);
    expect(await en.text()).toContain('Article withdrawn');
  });

  it('answers 410 with a problem+json body to feed readers and scripts', async () => {
    const res = await fetchFrom('/en/articles/pulled');
    expect(res.status).toBe(410);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json()) as { detail: string }).detail).toContain('withdrawn');
  });

  it('leaves every other unknown slug a 404', async () => {
    expect((await fetchFrom('/en/articles/never-was')).status).toBe(404);
  });
});

describe('a corrected article', () => {
  const corrected = syntheticArticle('fixed', 'en', 2, {
    updated: '2025-01-20T10:00:00+08:00',
    updatedMs: Date.parse('2025-01-20T10:00:00+08:00'),
  });
  const fetchFrom = appWith(syntheticContent([corrected, syntheticArticle('older', 'en', 1)]));

  it('carries its update time in RSS items (atom:updated), as Atom and JSON Feed do', async () => {
    const rss = parseXml(await (await fetchFrom('/en/rss.xml')).text()).rss;
    expect(rss.channel.item[0]['atom:updated']).toBe('2025-01-20T02:00:00.000Z');
    expect(rss.channel.item[1]['atom:updated']).toBe('2025-01-01T01:00:00.000Z');
  });

  it('reaches a since poller whose last poll was after publication but before the correction', async () => {
    const json = (await (await fetchFrom('/en/feed.json?since=2025-01-10T00:00:00Z')).json()) as {
      items: { url: string; date_modified: string }[];
    };
    expect(json.items.map((i) => i.date_modified)).toEqual(['2025-01-20T10:00:00+08:00']);
  });
});
