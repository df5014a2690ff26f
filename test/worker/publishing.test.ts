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
