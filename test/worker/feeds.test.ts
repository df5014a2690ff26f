import { describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/app';
import { warmUp } from '../../src/app/warm';
import { indexContent } from '../../src/content/columns';
import { Library } from '../../src/content/library';
import { prerenderFeeds } from '../../src/feeds/render';
import { appWith, parseXml, request } from '../support/client';
import { testEnv } from '../support/env';
import { syntheticArticle, syntheticContent } from '../support/fixtures';
import type { Parsed } from '../support/xml';

const SLUG = 'fixture-cie-visit';
const ZH_TITLE = '国际教育学院访问开放原子开源基金会，推动“留学哈工大”品牌走进国际开源社区';
const EN_TITLE = 'College of International Education visits the OpenAtom Foundation to bring Study at HIT to open-source communities';
const GROUP = `tag:cie.hit.edu.cn,2025:articles/${SLUG}`;

describe('the six feeds of the repository content', () => {
  it('serves each with its media type and charset', async () => {
    for (const lang of ['zh', 'en']) {
      for (const [file, type] of [
        ['rss.xml', 'application/rss+xml; charset=utf-8'],
        ['atom.xml', 'application/atom+xml; charset=utf-8'],
        ['feed.json', 'application/feed+json; charset=utf-8'],
      ]) {
        const res = await request(`/${lang}/${file}`);
        expect(res.status, `/${lang}/${file}`).toBe(200);
        expect(res.headers.get('content-type')).toBe(type);
      }
    }
  });

  it('RSS carries the Chinese article as a reader sees it', async () => {
    const rss = parseXml(await (await request('/zh/rss.xml')).text()).rss;
    const channel = rss.channel;
    expect(channel.title).toBe('留学哈工大 · 哈尔滨工业大学国际教育学院新闻');
    expect(channel.language).toBe('zh-CN');
    expect(channel['atom:link']).toContainEqual({
      '@href': 'http://feeds.test/zh/rss.xml',
      '@rel': 'self',
      '@type': 'application/rss+xml',
    });
    // lastBuildDate is the newest article's date, never the clock.
    expect(channel.lastBuildDate).toBe('Thu, 04 Sep 2025 16:00:00 GMT');
    expect(channel.item).toHaveLength(1);
    const item = channel.item[0];
    expect(item.title).toBe(ZH_TITLE);
    expect(item.link).toBe(`http://feeds.test/zh/articles/${SLUG}`);
    expect(item.guid).toEqual({ '#text': `tag:cie.hit.edu.cn,2025:articles/${SLUG}/zh`, '@isPermaLink': 'false' });
    expect(item.pubDate).toBe('Thu, 04 Sep 2025 16:00:00 GMT');
    expect(item['dc:creator']).toBe('邵微');
    expect(item.author).toBeUndefined();
    // Labels in the feed's language; the domain (the tag's page) keeps the slug.
    expect(item.category).toEqual([
      { '#text': '留学哈工大', '@domain': 'http://feeds.test/zh/tags/study-at-hit/' },
      { '#text': '开源', '@domain': 'http://feeds.test/zh/tags/open-source/' },
      { '#text': '合作交流', '@domain': 'http://feeds.test/zh/tags/partnership/' },
    ]);
    expect(item['content:encoded']).toContain('<p>7月18日，国际教育学院院长赵异肖一行访问开放原子开源基金会');
    expect(item.description).toContain('7月18日');
    // The translation is related, never a second alternate: readers would take it as the item's link.
    expect(item['atom:link']).toEqual([
      { '@rel': 'related', '@type': 'text/html', '@hreflang': 'en', '@href': `http://feeds.test/en/articles/${SLUG}`, '@title': EN_TITLE },
      { '@rel': 'via', '@type': 'text/html', '@href': 'https://cie.hit.edu.cn/2025/0905/c18246a377172/page.htm' },
    ]);
    expect(channel.copyright).toBe('© 哈尔滨工业大学国际教育学院 版权所有');
  });

  it('Atom carries the English article with language, dates and translation link', async () => {
    const feed = parseXml(await (await request('/en/atom.xml')).text()).feed;
    expect(feed['@xml:lang']).toBe('en');
    expect(feed.id).toBe('tag:cie.hit.edu.cn,2025:feeds/en');
    expect(feed.link).toContainEqual({ '@rel': 'self', '@type': 'application/atom+xml', '@href': 'http://feeds.test/en/atom.xml' });
    expect(feed.updated).toBe('2025-09-04T16:00:00.000Z');
    const entry = feed.entry[0];
    expect(entry.title['#text']).toBe(EN_TITLE);
    expect(entry.id).toBe(`tag:cie.hit.edu.cn,2025:articles/${SLUG}/en`);
    expect(entry.published).toBe('2025-09-04T16:00:00.000Z');
    expect(entry.updated).toBe('2025-09-04T16:00:00.000Z');
    expect(entry.author.name).toBe('Shao Wei');
    // Readers show `term`: the label; the scheme (the tag's page) keeps the slug machine-readable.
    expect(entry.category.map((c: Record<string, string>) => [c['@term'], c['@scheme']])).toEqual([
      ['Study at HIT', 'http://feeds.test/en/tags/study-at-hit/'],
      ['Open source', 'http://feeds.test/en/tags/open-source/'],
      ['Partnerships', 'http://feeds.test/en/tags/partnership/'],
    ]);
    // Its own page is the entry's only alternate; the translation is related.
    expect(entry.link.filter((l: Record<string, string>) => l['@rel'] === 'alternate')).toEqual([
      { '@rel': 'alternate', '@type': 'text/html', '@hreflang': 'en', '@href': `http://feeds.test/en/articles/${SLUG}` },
    ]);
    expect(entry.link).toContainEqual(
      expect.objectContaining({ '@rel': 'related', '@hreflang': 'zh-CN', '@href': `http://feeds.test/zh/articles/${SLUG}` }),
    );
  });

  it('JSON Feed is version 1.1 with language, authors and the pairing key', async () => {
    const feed = (await (await request('/en/feed.json')).json()) as Parsed;
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.language).toBe('en');
    expect(feed.feed_url).toBe('http://feeds.test/en/feed.json');
    expect(feed.home_page_url).toBe('http://feeds.test/en/');
    expect(feed.authors).toEqual([
      { name: 'College of International Education, Harbin Institute of Technology', url: 'https://cie.hit.edu.cn/' },
    ]);
    expect(feed.author).toBeUndefined();
    const item = feed.items[0];
    expect(item).toMatchObject({
      id: `tag:cie.hit.edu.cn,2025:articles/${SLUG}/en`,
      url: `http://feeds.test/en/articles/${SLUG}`,
      external_url: 'https://cie.hit.edu.cn/2025/0905/c18246a377172/page.htm',
      title: EN_TITLE,
      date_published: '2025-09-05T00:00:00+08:00',
      date_modified: '2025-09-05T00:00:00+08:00',
      authors: [{ name: 'Shao Wei' }],
      tags: ['Study at HIT', 'Open source', 'Partnerships'],
      _hit: {
        translation_group: GROUP,
        translations: [{ language: 'zh-CN', url: `http://feeds.test/zh/articles/${SLUG}`, title: ZH_TITLE }],
      },
    });
    const zh = (await (await request('/zh/feed.json')).json()) as Parsed;
    expect(zh.language).toBe('zh-CN');
    expect(zh.items[0]._hit.translation_group).toBe(item._hit.translation_group);
  });

  it('gives byte-identical feeds and the same ETag on every request', async () => {
    for (const path of ['/zh/rss.xml', '/en/atom.xml', '/zh/feed.json']) {
      const [a, b] = [await request(path), await request(path)];
      expect(a.headers.get('etag')).toMatch(/^"[\w-]{22}"$/);
      expect(a.headers.get('etag')).toBe(b.headers.get('etag'));
      expect(await a.text()).toBe(await b.text());
    }
  });
});

describe('feeds over many articles', () => {
  const articles = [1, 2, 3, 4, 5].flatMap((day) => [
    syntheticArticle(`story-${day}`, 'en', day),
    ...(day % 2 ? [syntheticArticle(`story-${day}`, 'zh', day)] : []),
  ]);
  const fetchFrom = appWith(syntheticContent(articles), { FEED_ITEMS: '3' });

  it('lists items newest first and stops at the configured count', async () => {
    const rss = parseXml(await (await fetchFrom('/en/rss.xml')).text()).rss;
    expect(rss.channel.item.map((i: { title: string }) => i.title)).toEqual([
      'Synthetic article story-5',
      'Synthetic article story-4',
      'Synthetic article story-3',
    ]);
  });

  it('honours ?limit and links translations only where they exist', async () => {
    const json = (await (await fetchFrom('/en/feed.json?limit=5')).json()) as {
      items: { id: string; _hit: { translations: unknown[] } }[];
    };
    expect(json.items).toHaveLength(5);
    expect(json.items.map((i) => i._hit.translations.length)).toEqual([1, 0, 1, 0, 1]);
  });

  it('uses SITE_URL for every absolute link when it is set', async () => {
    const fetchSite = appWith(syntheticContent(articles), { SITE_URL: 'https://news.example.edu/' });
    const text = await (await fetchSite('/en/atom.xml')).text();
    expect(text).toContain('<link rel="self" type="application/atom+xml" href="https://news.example.edu/en/atom.xml"/>');
    expect(text).not.toContain('feeds.test');
  });

  it('answers a clear error when SITE_URL is malformed', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const fetchBad = appWith(syntheticContent(articles), { SITE_URL: 'news.example.edu' });
    const res = await fetchBad('/en/rss.xml');
    expect(res.status).toBe(500);
    expect(((await res.json()) as { detail: string }).detail).toContain('SITE_URL = "news.example.edu": must be empty');
    // The operator's log names the var as well.
    expect(log).toHaveBeenCalledWith(expect.stringContaining('SITE_URL = "news.example.edu"'));
    log.mockRestore();
  });
});

describe('guards against the known traps of the feed package', () => {
  const updatedArticle = syntheticArticle('revised', 'en', 2, {
    updated: '2025-03-01T10:00:00+08:00',
    updatedMs: Date.parse('2025-03-01T10:00:00+08:00'),
    title: 'Fish & chips <b>not bold</b> ]]> and ]]>',
    tags: ['open-source', 'events'],
    original: 'https://example.edu/page?a=1&b=2',
    html: '<p>Literal ]]&gt; twice ]]&gt; and <code>a &lt; b</code></p>',
  });
  const fetchFrom = appWith(syntheticContent([updatedArticle, syntheticArticle('plain', 'en', 1)]));

  it('RSS pubDate is the publication date, the update goes to Atom <updated>', async () => {
    const rss = parseXml(await (await fetchFrom('/en/rss.xml')).text()).rss;
    expect(rss.channel.item[0].pubDate).toBe('Thu, 02 Jan 2025 01:00:00 GMT');
    expect(rss.channel.lastBuildDate).toBe('Sat, 01 Mar 2025 02:00:00 GMT');
    const atom = parseXml(await (await fetchFrom('/en/atom.xml')).text()).feed;
    expect(atom.entry[0].published).toBe('2025-01-02T01:00:00.000Z');
    expect(atom.entry[0].updated).toBe('2025-03-01T02:00:00.000Z');
  });

  it('stays well-formed with &, < and ]]> in titles, attributes and bodies', async () => {
    for (const path of ['/en/rss.xml', '/en/atom.xml']) {
      const text = await (await fetchFrom(path)).text();
      expect(() => parseXml(text), path).not.toThrow();
      expect(text).toContain('https://example.edu/page?a=1&amp;b=2');
      expect(text).toContain('https://example.edu/license?a=1&amp;b=2');
    }
    const rss = parseXml(await (await fetchFrom('/en/rss.xml')).text()).rss;
    // A word joiner (U+2060, invisible) after "<" keeps readers that decode HTML in titles from seeing a tag.
    // The same joiner inside "]]>" lets the title fill the CDATA section `feed` writes it in, however many it holds.
    expect(rss.channel.item[0].title).toBe('Fish & chips <\u2060b>not bold<\u2060/b> ]]\u2060> and ]]\u2060>');
    expect(rss.channel.item[0]['content:encoded']).toContain('Literal ]]&gt; twice ]]&gt;');
    const atom = parseXml(await (await fetchFrom('/en/atom.xml')).text()).feed;
    // Atom titles are type="text": exactly the title, whatever it holds.
    expect(atom.entry[0].title).toEqual({ '@type': 'text', '#text': 'Fish & chips <\u2060b>not bold<\u2060/b> ]]\u2060> and ]]\u2060>' });
    expect(atom.entry[0].category[1]['@label']).toBe('Events & exchange');
  });

  it('has exactly one self link per XML feed, pointing at that format', async () => {
    const rss = await (await fetchFrom('/en/rss.xml')).text();
    const atom = await (await fetchFrom('/en/atom.xml')).text();
    expect(rss.match(/rel="self"/g)).toHaveLength(1);
    expect(atom.match(/rel="self"/g)).toHaveLength(1);
    expect(rss).toContain('href="http://feeds.test/en/rss.xml" rel="self"');
    expect(atom).toContain('<link rel="self" type="application/atom+xml" href="http://feeds.test/en/atom.xml"/>');
  });

  it('never prints "undefined" or "Invalid Date"', async () => {
    for (const path of ['/en/rss.xml', '/en/atom.xml', '/en/feed.json']) {
      const text = await (await fetchFrom(path)).text();
      expect(text).not.toMatch(/undefined|Invalid Date|NaN/);
    }
  });
});

describe('WebSub hub', () => {
  const content = syntheticContent([syntheticArticle('a', 'en', 1)]);

  it('is linked from every format when WEBSUB_HUB is set', async () => {
    const fetchFrom = appWith(content, { SITE_URL: 'https://news.example.edu', WEBSUB_HUB: 'https://hub.example/' });
    const rss = parseXml(await (await fetchFrom('/en/rss.xml')).text()).rss;
    expect(rss.channel['atom:link']).toContainEqual({ '@href': 'https://hub.example/', '@rel': 'hub' });
    const atom = parseXml(await (await fetchFrom('/en/atom.xml')).text()).feed;
    expect(atom.link).toContainEqual({ '@rel': 'hub', '@href': 'https://hub.example/' });
    const json = (await (await fetchFrom('/en/feed.json')).json()) as { hubs: unknown };
    expect(json.hubs).toEqual([{ type: 'WebSub', url: 'https://hub.example/' }]);
  });

  it('is absent when no hub is configured', async () => {
    const text = await (await appWith(content)('/en/atom.xml')).text();
    expect(text).not.toContain('rel="hub"');
  });
});

describe('feeds rendered at build time', () => {
  it('are byte-identical to the same feeds rendered in the Worker', async () => {
    const { content } = await import('../generated/content');
    const renderedHere = appWith(content);
    for (const path of [
      '/zh/rss.xml',
      '/zh/atom.xml',
      '/zh/feed.json',
      '/en/rss.xml',
      '/en/atom.xml',
      '/en/feed.json',
      '/en/tags/open-source/atom.xml',
      '/en/',
      '/zh/articles/warm-5',
      '/en/tags/open-source/',
    ]) {
      const [built, here] = [await request(path), await renderedHere(path)];
      expect(await built.text(), path).toBe(await here.text());
      expect(built.headers.get('etag'), path).toBe(here.headers.get('etag'));
    }
  });
});

describe('feeds rendered at build time, as the Worker serves them', () => {
  const MAIN = ['/zh/rss.xml', '/zh/atom.xml', '/zh/feed.json', '/en/rss.xml', '/en/atom.xml', '/en/feed.json'];

  it('are served for every main feed of every environment, never rendered again at run time', async () => {
    const { content } = await import('../generated/content');
    const { PRERENDERED_FEEDS } = await import('../generated/feeds');
    // Mark the pre-rendered bytes: a main feed rendered at run time would lack the mark.
    const marked = Object.fromEntries(
      Object.entries(PRERENDERED_FEEDS).map(([k, parts]) => [k, [...parts.slice(0, -1), `${parts.at(-1)}MARK`]]),
    );
    const app = createApp(Library.of(content), marked);
    for (const vars of [{}, { SITE_URL: 'https://news.example.edu' }]) {
      for (const path of MAIN) {
        const res = await app.fetch(
          new Request(`http://feeds.test${path}`),
          testEnv({
            SITE_URL: '',
            FEED_ITEMS: '20',
            WEBSUB_HUB: '',
            ...vars,
          }),
        );
        expect((await res.text()).endsWith('MARK'), `${path} ${JSON.stringify(vars)}`).toBe(true);
      }
    }
  });

  it('keep article text that looks like the stand-in origin exactly as written', async () => {
    const tricky = syntheticArticle('tricky', 'en', 3, {
      summary: 'Mentions https://a.origin.invalid and https://b.origin.invalid in its text.',
      html: '<p>See https://a.origin.invalid/en/ and https://b.origin.invalid.</p>',
    });
    const library = Library.of(syntheticContent([tricky]));
    const app = createApp(library, prerenderFeeds(library, 20));
    for (const path of ['/en/rss.xml', '/en/atom.xml', '/en/feed.json']) {
      const text = await (await app.fetch(new Request(`http://feeds.test${path}`), testEnv({ SITE_URL: '', FEED_ITEMS: '20' }))).text();
      expect(text, path).toContain('https://a.origin.invalid/en/ and https://b.origin.invalid.');
      expect(text, path).toContain('http://feeds.test/en/articles/tricky');
    }
  });
});

describe('warming the code while an isolate starts (src/app/warm.tsx)', () => {
  const articles = [1, 2, 3, 4, 5].flatMap((day) =>
    (['zh', 'en'] as const).map((lang) => syntheticArticle(`warm-${day}`, lang, day, day === 3 ? { tags: [] } : {})),
  );

  it('never stops a Worker from starting when a render fails: only the request that renders it fails', async () => {
    class BrokenLibrary extends Library {
      override translationsOf(): never {
        throw new Error('a render that fails');
      }
    }
    const broken = new BrokenLibrary(indexContent(syntheticContent(articles)));
    expect(() => warmUp(broken)).not.toThrow();
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const env = testEnv({ SITE_URL: '', FEED_ITEMS: '2' });
    expect((await createApp(broken).fetch(new Request('http://feeds.test/en/atom.xml?limit=1'), env)).status).toBe(500);
    expect((await createApp(broken).fetch(new Request('http://feeds.test/sitemaps/site-pages.xml'), env)).status).toBe(200);
    log.mockRestore();
  });

  it('leaves every feed and page byte for byte as it was, ETags included', async () => {
    const content = syntheticContent(articles);
    const warmed = Library.of(content);
    warmUp(warmed);
    const env = testEnv({ SITE_URL: '', FEED_ITEMS: '2' });
    const apps = [createApp(Library.of(content)), createApp(warmed)];
    for (const path of [
      '/en/rss.xml',
      '/zh/atom.xml',
      '/en/feed.json?page=1',
      '/zh/rss.xml?since=2025-01-02T00:00:00Z',
      '/en/tags/open-source/atom.xml',
      '/en/',
      '/zh/articles/warm-5',
      '/en/tags/open-source/',
    ]) {
      const [plain, warm] = await Promise.all(apps.map((app) => app.fetch(new Request(`http://feeds.test${path}`), env)));
      expect(warm?.status, path).toBe(200);
      expect(warm?.headers.get('etag'), path).toBe(plain?.headers.get('etag'));
      expect(await warm?.text(), path).toBe(await plain?.text());
    }
  });
});
