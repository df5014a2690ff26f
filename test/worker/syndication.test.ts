import { describe, expect, it } from 'vitest';
import { Library } from '../../src/content/library';
import { buildFeedDocument } from '../../src/feeds/model';
import { parseFeedQuery, selectFeed } from '../../src/feeds/query';
import { renderFeed } from '../../src/feeds/render';
import { FEED_FILE, FEED_FORMATS } from '../../src/urls';
import { appWith, parseXml, request } from '../support/client';
import { syntheticArticle, syntheticContent } from '../support/fixtures';
import type { Parsed } from '../support/xml';

describe('topic feeds', () => {
  it('serve only the articles with that tag, labelled in the feed language', async () => {
    const fetchFrom = appWith(
      syntheticContent([
        syntheticArticle('talk', 'en', 3, { tags: ['events'] }),
        syntheticArticle('code', 'en', 2, { tags: ['open-source'] }),
        syntheticArticle('both', 'en', 1, { tags: ['open-source', 'events'] }),
      ]),
    );
    const json = (await (await fetchFrom('/en/tags/open-source/feed.json')).json()) as Parsed;
    expect(json.items.map((i: { url: string }) => i.url.split('/').pop())).toEqual(['code', 'both']);
    expect(json.title).toBe('Test site (synthetic) · Open source');
    expect(json.feed_url).toBe('http://feeds.test/en/tags/open-source/feed.json');
    expect(json.home_page_url).toBe('http://feeds.test/en/tags/open-source/');
    const atom = parseXml(await (await fetchFrom('/en/tags/events/atom.xml')).text()).feed;
    expect(atom.id).toBe('tag:cie.hit.edu.cn,2025:feeds/en/tags/events');
    expect(atom.entry).toHaveLength(2);
    const rss = parseXml(await (await fetchFrom('/en/tags/events/rss.xml')).text()).rss;
    expect(rss.channel['atom:link']).toContainEqual({
      '@href': 'http://feeds.test/en/tags/events/rss.xml',
      '@rel': 'self',
      '@type': 'application/rss+xml',
    });
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
  const content = syntheticContent([
    syntheticArticle('new', 'en', 20),
    syntheticArticle('revised', 'en', 2, { updated: '2025-01-25T08:00:00+08:00', updatedMs: Date.parse('2025-01-25T08:00:00+08:00') }),
    syntheticArticle('old', 'en', 1),
  ]);
  const fetchFrom = appWith(content);
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

  it('gives equivalent timestamps the same items, each response naming the URL fetched', async () => {
    const a = await fetchFrom('/en/feed.json?since=2025-01-10T00:00:00Z');
    const b = await fetchFrom('/en/feed.json?since=2025-01-12T13:14:15.5%2B08:00');
    expect([a.status, b.status]).toEqual([200, 200]);
    const [ja, jb] = (await Promise.all([a.json(), b.json()])) as { feed_url: string; items: { id: string }[] }[];
    expect(ja?.items.length).toBeGreaterThan(0);
    expect(ja?.items).toEqual(jb?.items);
    // Validators compare the self link with the document's address.
    expect(ja?.feed_url).toBe('http://feeds.test/en/feed.json?since=2025-01-10T00:00:00Z');
    expect(jb?.feed_url).toBe('http://feeds.test/en/feed.json?since=2025-01-12T13:14:15.5%2B08:00');
  });

  it('answers every value with the bytes a fresh render of that value gives, also when its items were rendered for another', async () => {
    // The Worker renders each set of items once and joins the value into its self links; the result must be the
    // document rendered for that very value.
    const library = Library.of(content);
    const values = [
      '2025-01-10T00:00:00Z',
      '2025-01-12T13:14:15.5+08:00',
      '2025-01-11T00:00:00z',
      '2024-12-31T00:00:00Z',
      '2025-01-25T08:00:00+08:00',
    ];
    for (const format of FEED_FORMATS) {
      for (const value of values) {
        for (const limit of ['', '&limit=1']) {
          const path = `/en/${FEED_FILE[format]}?since=${encodeURIComponent(value)}${limit}`;
          const url = new URL(`http://feeds.test${path}`);
          const selection = selectFeed(library, 'en', undefined, parseFeedQuery(url), 20, url);
          const expected = renderFeed(format, buildFeedDocument(library, 'http://feeds.test', selection));
          expect(await (await fetchFrom(path)).text(), path).toBe(expected);
        }
      }
    }
  });

  it('accepts lower-case "t" and "z", as RFC 3339 allows', async () => {
    expect((await fetchFrom('/en/feed.json?since=2025-01-10t00:00:00z')).status).toBe(200);
  });

  it('accepts the ends of the offsets in use and the first instant of 1970', async () => {
    for (const value of ['2025-01-10T00:00:00-12:00', '2025-01-10T00:00:00+14:00', '2025-01-10T00:00:00+05:45', '1970-01-01T00:00:00Z']) {
      expect((await fetchFrom(`/en/feed.json?since=${encodeURIComponent(value)}`)).status, value).toBe(200);
    }
  });

  it('rejects a timestamp that is not RFC 3339 on a real date with a 400 that says so', async () => {
    for (const value of [
      'yesterday',
      '2025-01-10',
      '2025-01-10T00:00:00',
      '2025-13-40T00:00:00Z',
      '2025-02-30T00:00:00Z',
      '2025-01-10T24:00:00Z',
      // Offsets outside -12:00..+14:00, as the message says, and years before 1970.
      '2025-01-10T00:00:00-13:00',
      '2025-01-10T00:00:00-12:01',
      '2025-01-10T00:00:00+14:01',
      '2025-01-10T00:00:00+14:60',
      '0000-01-01T00:00:00Z',
      '1969-12-31T23:59:59Z',
    ]) {
      const res = await fetchFrom(`/en/feed.json?since=${encodeURIComponent(value)}`);
      expect(res.status, value).toBe(400);
      const problem = (await res.json()) as Record<string, string>;
      expect(problem.parameter).toBe('since');
      expect(problem.detail).toContain('must be an RFC 3339 timestamp with an offset');
    }
  });
});

describe('embed', () => {
  it('serves embed.js as JavaScript under 5 KB gzipped', async () => {
    const res = await request('/embed.js');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const gzipped = await new Response(res.body?.pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
    expect(gzipped.byteLength).toBeLessThan(5 * 1024);
  });

  it('serves the iframe form, framable, with the chosen options', async () => {
    const res = await request('/zh/embed?limit=1&theme=dark&summary=false&tag=open-source');
    expect(res.status).toBe(200);
    // One policy, not two joined (a browser enforces every policy it gets: the stricter would win).
    expect(res.headers.get('content-security-policy')?.match(/default-src/g)).toHaveLength(1);
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(res.headers.get('x-frame-options')).toBeNull();
    const html = await res.text();
    expect(html).toContain('<body class="dark">');
    expect(html).toContain('href="http://feeds.test/zh/articles/fixture-cie-visit" target="_blank" rel="noopener"');
    expect(html).not.toContain('<p>');
  });

  it('rejects bad embed options with a 400 that names the option and what is allowed', async () => {
    const cases: [string, string, string][] = [
      ['limit=0', 'limit', '"limit" must be from 1 to 20; got "0".'],
      ['limit=many', 'limit', '"limit" must be a whole number; got "many".'],
      ['theme=neon', 'theme', '"theme" must be light, dark or auto; got "neon".'],
      ['summary=maybe', 'summary', '"summary" must be true or false; got "maybe".'],
      ['tag=robotics', 'tag', '"tag" must be one of study-at-hit, open-source, partnership; got "robotics".'],
    ];
    for (const [query, parameter, detail] of cases) {
      for (const path of [`/en/embed?${query}`, `/en/partners?${query}`]) {
        const res = await request(path);
        expect(res.status, path).toBe(400);
        expect(await res.json()).toMatchObject({ status: 400, title: 'Invalid embed option', parameter, detail });
      }
    }
  });

  it('puts its "more news" link after the items, never over them', async () => {
    const html = await (await request('/en/embed?limit=5')).text();
    expect(html).toMatch(/<a class="more" href="[^"]+\/en\/"/);
    // Not sticky: a bar over the list would cover the items' links while the frame scrolls (axe: target-size).
    expect(await (await request('/embed.css')).text()).not.toContain('sticky');
  });

  it.each([
    ['/en/embed/', 301, 'http://feeds.test/en/embed'],
    ['/EN/embed?limit=3', 301, 'http://feeds.test/en/embed?limit=3'],
    ['/Zh/embed/', 301, 'http://feeds.test/zh/embed'],
  ])('leads %s to the embed page itself', async (path, status, location) => {
    const res = await request(path, { headers: { Accept: 'text/html' }, redirect: 'manual' });
    expect(res.status).toBe(status);
    expect(res.headers.get('location')).toBe(location);
  });

  it.each(['/fr/embed', '/fr/embed/'])('answers %s with a page a frame may show, naming the languages', async (path) => {
    const res = await request(path, { headers: { Accept: 'text/html' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(await res.text()).toContain('the path starts with /zh/ or /en/');
  });

  it('sets Chinese frames in the Chinese font, as the widget and the pages do', async () => {
    const css = await (await request('/embed.css')).text();
    expect(css).toMatch(/:lang\(zh\):not\(code,kbd,samp,pre\)\{font-family:/);
  });

  it('shows a frame its bad option as a page the frame may show, in its language', async () => {
    const res = await request('/zh/embed?limit=50', { headers: { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(res.headers.get('x-frame-options')).toBeNull();
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('无法在此显示新闻列表');
    expect(html).toContain('&quot;limit&quot;: an integer from 1 to 20 (default 5).');
  });

  it('never says on that framable page words a request chose (the value sent is not echoed)', async () => {
    const bait = 'Session expired. Log in again at https://evil.example/login';
    for (const parameter of ['theme', 'limit', 'summary', 'tag']) {
      const res = await request(`/en/embed?${parameter}=${encodeURIComponent(bait)}`, { headers: { Accept: 'text/html' } });
      expect(res.status, parameter).toBe(400);
      const html = await res.text();
      expect(html, parameter).toContain(`&quot;${parameter}&quot;: `);
      expect(html, parameter).not.toMatch(/Session expired|evil\.example/);
    }
  });
});

describe('partners page', () => {
  it('gives feed URLs, the snippet for the chosen options, a fetch() example and the attribution terms', async () => {
    const res = await request('/en/partners?limit=3&tag=open-source');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')?.match(/default-src/g)).toHaveLength(1);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('http://feeds.test/en/rss.xml');
    expect(html).toContain(
      '&lt;script src=&quot;http://feeds.test/embed.js&quot; data-lang=&quot;en&quot; data-limit=&quot;3&quot; data-tag=&quot;open-source&quot; async&gt;&lt;/script&gt;',
    );
    expect(html).toContain('fetch(&#39;http://feeds.test/en/tags/open-source/feed.json?limit=5&#39;)');
    expect(html).toContain('When you republish, credit the College of International Education');
    const zh = await (await request('/zh/partners')).text();
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('合作网站转载指南');
  });

  it('/partners and /privacy lead to the language the reader prefers', async () => {
    for (const page of ['partners', 'privacy']) {
      const res = await request(`/${page}`, { headers: { 'Accept-Language': 'zh-CN' }, redirect: 'manual' });
      expect(res.status, page).toBe(301);
      expect(res.headers.get('location')).toBe(`http://feeds.test/zh/${page}`);
      expect(res.headers.get('vary')).toBe('Accept-Language');
    }
  });

  it('writes the Chinese colon after Chinese tag names, and keeps code monospace in Chinese text', async () => {
    const zh = await (await request('/zh/partners')).text();
    expect(zh).toMatch(/<\/a>：<code[ >]/);
    expect(zh).not.toMatch(/<\/a>: <code[ >]/);
    const css = await (await request('/style.css')).text();
    expect(css).toMatch(/:lang\(zh\):not\(code,kbd,samp,pre\)\{font-family:/);
  });
});

describe('partners page in Chinese', () => {
  it('writes the comment in the iframe snippet in Chinese', async () => {
    const html = await (await request('/zh/partners')).text();
    expect(html).toContain('&lt;!-- 可选：若贵站允许运行自己的脚本，框架会随新闻内容自动调整高度。 --&gt;');
    expect(html).not.toContain('Optional, where your own scripts may run');
  });
});
