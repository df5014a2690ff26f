import { type HTMLElement, parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { appWith, parseXml, request } from '../support/client';
import { syntheticArticle, syntheticContent } from '../support/fixtures';

const SLUG = 'fixture-cie-visit';
const BASE = 'http://feeds.test';

async function page(path: string): Promise<HTMLElement> {
  const res = await request(path);
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
  const html = await res.text();
  expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
  return parse(html);
}

const attrs = (root: HTMLElement, selector: string, name: string) => root.querySelectorAll(selector).map((e) => e.getAttribute(name));
const feedLinks = (root: HTMLElement) =>
  root.querySelectorAll('head link[rel="alternate"][type]').map((l) => ({
    type: l.getAttribute('type'),
    hreflang: l.getAttribute('hreflang'),
    href: l.getAttribute('href'),
    title: l.getAttribute('title') ?? '',
  }));

describe('landing page /', () => {
  it('explains the product in both languages and lists all six feeds to copy', async () => {
    const root = await page('/');
    expect(root.querySelector('html')?.getAttribute('lang')).toBe('en');
    expect(root.querySelector('h1')?.text).toContain('留学哈工大新闻订阅');
    expect(root.querySelector('section[lang="zh-CN"] h2')?.text).toBe('关于');
    const urls = root.querySelectorAll('table.feeds code').map((c) => c.text);
    expect(urls).toEqual(
      ['zh/rss.xml', 'zh/atom.xml', 'zh/feed.json', 'en/rss.xml', 'en/atom.xml', 'en/feed.json'].map((p) => `${BASE}/${p}`),
    );
    expect(attrs(root, 'a', 'href')).toContain('/feeds.opml');
  });

  it('carries autodiscovery links for all six feeds', async () => {
    const links = feedLinks(await page('/'));
    expect(links).toHaveLength(6);
    expect(links.map((l) => [l.type, l.hreflang, l.href])).toEqual([
      ['application/rss+xml', 'zh-CN', `${BASE}/zh/rss.xml`],
      ['application/atom+xml', 'zh-CN', `${BASE}/zh/atom.xml`],
      ['application/feed+json', 'zh-CN', `${BASE}/zh/feed.json`],
      ['application/rss+xml', 'en', `${BASE}/en/rss.xml`],
      ['application/atom+xml', 'en', `${BASE}/en/atom.xml`],
      ['application/feed+json', 'en', `${BASE}/en/feed.json`],
    ]);
    expect(links.every((l) => l.title.length > 0)).toBe(true);
  });

  it('shows the newest articles of each language', async () => {
    const root = await page('/');
    expect(attrs(root, 'section[lang="zh-CN"] .list a', 'href')).toEqual([`/zh/articles/${SLUG}`]);
    expect(attrs(root, 'section[lang="en"] .list a', 'href')).toEqual([`/en/articles/${SLUG}`]);
  });
});

describe('language indexes', () => {
  it('/zh/ lists articles with Chinese interface text and a switch to English', async () => {
    const root = await page('/zh/');
    expect(root.querySelector('html')?.getAttribute('lang')).toBe('zh-CN');
    expect(root.querySelector('.list h2 a')?.text).toBe('国际教育学院访问开放原子开源基金会，推动“留学哈工大”品牌走进国际开源社区');
    expect(root.querySelector('.list time')?.text).toBe('2025年9月5日');
    const toggle = root.querySelector('nav a[hreflang="en"]');
    expect(toggle?.getAttribute('href')).toBe('/en/');
    expect(toggle?.text).toBe('English');
    expect(feedLinks(root).map((l) => l.hreflang)).toEqual(['zh-CN', 'zh-CN', 'zh-CN']);
  });

  it('/en/ lists articles in English with hreflang alternates', async () => {
    const root = await page('/en/');
    expect(root.querySelector('.list time')?.text).toBe('5 September 2025');
    expect(attrs(root, 'link[rel="alternate"][hreflang]:not([type])', 'hreflang')).toEqual(['en', 'zh-CN', 'x-default']);
    expect(root.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${BASE}/en/`);
  });
});

describe('article page', () => {
  it('shows title, byline, date, body, tags, original and translation', async () => {
    const root = await page(`/en/articles/${SLUG}`);
    const article = root.querySelector('main article');
    expect(article?.querySelector('h1')?.text).toContain('OpenAtom Foundation');
    expect(article?.querySelector('.meta')?.text).toContain('By Shao Wei');
    expect(article?.querySelector('time')?.getAttribute('datetime')).toBe('2025-09-05T00:00:00+08:00');
    expect(article?.querySelectorAll('.body p')).toHaveLength(4);
    expect(attrs(root, '.tags a', 'href')).toEqual(['/en/tags/study-at-hit/', '/en/tags/open-source/', '/en/tags/partnership/']);
    expect(attrs(root, 'a[rel="external"]', 'href')).toEqual(['https://cie.hit.edu.cn/2025/0905/c18246a377172/page.htm']);
    expect(attrs(root, 'article a[rel="alternate"]', 'href')).toEqual([`/zh/articles/${SLUG}`]);
    expect(root.querySelector('article a[rel="alternate"]')?.text).toBe('Read in Chinese');
  });

  it("names the other version in the reader's language", async () => {
    const root = await page(`/zh/articles/${SLUG}`);
    expect(root.querySelector('article a[rel="alternate"]')?.text).toBe('阅读英文版');
  });

  it('declares canonical, hreflang pair and sharing metadata', async () => {
    const root = await page(`/zh/articles/${SLUG}`);
    expect(root.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${BASE}/zh/articles/${SLUG}`);
    const pairs = root
      .querySelectorAll('link[rel="alternate"][hreflang]:not([type])')
      .map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')]);
    expect(pairs).toEqual([
      ['zh-CN', `${BASE}/zh/articles/${SLUG}`],
      ['en', `${BASE}/en/articles/${SLUG}`],
    ]);
    const meta = (p: string) => root.querySelector(`meta[property="${p}"], meta[name="${p}"]`)?.getAttribute('content');
    expect(meta('og:type')).toBe('article');
    expect(meta('og:url')).toBe(`${BASE}/zh/articles/${SLUG}`);
    expect(meta('og:locale')).toBe('zh_CN');
    // The headline alone: previews add the site name themselves.
    expect(meta('og:title')).toBe('国际教育学院访问开放原子开源基金会，推动“留学哈工大”品牌走进国际开源社区');
    // No lead image: the preview shows the social card the build drew for this translation.
    expect(meta('twitter:card')).toBe('summary_large_image');
    expect(meta('og:image')).toMatch(new RegExp(`^${BASE}/cards/zh/${SLUG}-[0-9a-f]{10}\\.png$`));
    expect(meta('twitter:image')).toBe(meta('og:image'));
    expect([meta('og:image:width'), meta('og:image:height')]).toEqual(['1200', '630']);
    expect(meta('og:image:alt')).toBe(meta('og:title'));
    expect(meta('article:published_time')).toBe('2025-09-05T00:00:00+08:00');
    expect(meta('article:author')).toBe('邵微');
    expect(root.querySelectorAll('meta[property="article:tag"]').map((m) => m.getAttribute('content'))).toEqual([
      '留学哈工大',
      '开源',
      '合作交流',
    ]);
    expect([...(root.querySelector('title')?.text ?? '')].length).toBeLessThanOrEqual(70);
  });

  it('describes itself to search engines as a NewsArticle with a breadcrumb', async () => {
    const root = await page(`/en/articles/${SLUG}`);
    const data = root.querySelectorAll('script[type="application/ld+json"]').map((s) => JSON.parse(s.text));
    expect(data.map((d) => d['@type'])).toEqual(['NewsArticle', 'BreadcrumbList']);
    expect(data[0]).toMatchObject({
      headline: 'College of International Education visits the OpenAtom Foundation to bring Study at HIT to open-source communities',
      datePublished: '2025-09-05T00:00:00+08:00',
      inLanguage: 'en',
      author: { '@type': 'Person', name: 'Shao Wei' },
      publisher: { '@type': 'Organization', name: 'College of International Education, Harbin Institute of Technology' },
      mainEntityOfPage: { '@id': `${BASE}/en/articles/${SLUG}` },
    });
  });

  it('shows its lead image in link previews when it has one, and no card', async () => {
    const image = { src: 'https://cie.hit.edu.cn/images/campus.jpg', alt: 'Campus in winter' };
    const fetchFrom = appWith(syntheticContent([syntheticArticle('pictured', 'en', 1, { image, card: '/cards/en/unused.png' })]));
    const root = parse(await (await fetchFrom('/en/articles/pictured')).text());
    const meta = (p: string) => root.querySelector(`meta[property="${p}"], meta[name="${p}"]`)?.getAttribute('content');
    expect([meta('og:image'), meta('og:image:alt'), meta('twitter:image'), meta('twitter:card')]).toEqual([
      image.src,
      image.alt,
      image.src,
      'summary_large_image',
    ]);
    // Its size is unknown (it is hosted elsewhere), so none is claimed.
    expect(meta('og:image:width')).toBeUndefined();
  });

  it('is the target of each feed item link', async () => {
    const rss = parseXml(await (await request('/zh/rss.xml')).text()).rss;
    const link: string = rss.channel.item[0].link;
    const root = await page(new URL(link).pathname);
    expect(root.querySelector('h1')?.text).toBe(rss.channel.item[0].title);
  });
});

describe('missing pages', () => {
  it('answer the 404 page in the language of the path', async () => {
    const cases: [string, string, string][] = [
      ['/zh/articles/no-such-story', 'zh-CN', '页面不存在'],
      ['/en/articles/no-such-story', 'en', 'Page not found'],
      ['/en/tags/no-such-tag/', 'en', 'Page not found'],
    ];
    for (const [path, lang, text] of cases) {
      const res = await request(path, { headers: { Accept: 'text/html' } });
      expect(res.status, path).toBe(404);
      const root = parse(await res.text());
      expect(root.querySelector('html')?.getAttribute('lang')).toBe(lang);
      expect(root.querySelector('h1')?.text).toContain(text);
      expect(root.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    }
  });
});

describe('OPML, sitemap, robots.txt', () => {
  const outlines = async (path: string) => {
    const res = await request(path);
    expect(res.headers.get('content-type'), path).toBe('text/x-opml; charset=utf-8');
    const opml = parseXml(await res.text()).opml;
    expect(opml['@version']).toBe('2.0');
    return [opml.body.outline].flat() as Record<string, string>[];
  };

  it('/feeds.opml subscribes to each language once, in RSS 2.0, which every reader parses', async () => {
    const list = await outlines('/feeds.opml');
    expect(list.map((o) => [o['@type'], o['@xmlUrl'], o['@language']])).toEqual([
      ['rss', `${BASE}/zh/rss.xml`, 'zh-CN'],
      ['rss', `${BASE}/en/rss.xml`, 'en'],
    ]);
  });

  it('one list per format, JSON Feed with its own type so readers without it skip it', async () => {
    expect((await outlines('/feeds-atom.opml')).map((o) => [o['@type'], o['@xmlUrl']])).toEqual([
      ['rss', `${BASE}/zh/atom.xml`],
      ['rss', `${BASE}/en/atom.xml`],
    ]);
    expect((await outlines('/feeds-json.opml')).map((o) => [o['@type'], o['@xmlUrl']])).toEqual([
      ['json', `${BASE}/zh/feed.json`],
      ['json', `${BASE}/en/feed.json`],
    ]);
  });

  it('/sitemap.xml is an index of the pages sitemap and one sitemap of articles per year', async () => {
    const index = parseXml(await (await request('/sitemap.xml')).text()).sitemapindex;
    const locs = [index.sitemap].flat().map((m: { loc: string }) => m.loc);
    expect(locs).toEqual([`${BASE}/sitemaps/site-pages.xml`, `${BASE}/sitemaps/articles-2025.xml`]);
    expect((await request('/sitemaps/articles-2024.xml')).status).toBe(404);
  });

  it('pairs translations with hreflang, articles in the sitemap of their year', async () => {
    const urlsOf = async (path: string) =>
      [parseXml(await (await request(path)).text()).urlset.url].flat() as { loc: string; 'xhtml:link'?: Record<string, string>[] }[];
    const articles = await urlsOf('/sitemaps/articles-2025.xml');
    const article = articles.find((u) => u.loc === `${BASE}/zh/articles/${SLUG}`);
    // No x-default: / does not link the article back.
    expect([article?.['xhtml:link']].flat().map((l) => l?.['@hreflang'])).toEqual(['zh-CN', 'en']);
    // The partners pages and tag pages are in the pages' sitemap, paired with their translations.
    const pages = await urlsOf('/sitemaps/site-pages.xml');
    expect(pages.map((u) => u.loc)).toContain(`${BASE}/zh/partners`);
    const tag = pages.find((u) => u.loc === `${BASE}/en/tags/open-source/`);
    expect([tag?.['xhtml:link']].flat().map((l) => l?.['@href'])).toEqual([`${BASE}/zh/tags/open-source/`, `${BASE}/en/tags/open-source/`]);
    expect(pages.map((u) => u.loc)).toContain(`${BASE}/en/`);
  });

  it('/robots.txt names the sitemap', async () => {
    expect(await (await request('/robots.txt')).text()).toContain(`Sitemap: ${BASE}/sitemap.xml`);
  });
});

describe('drafts in a local preview build', () => {
  it('are marked as drafts on their pages', async () => {
    const fetchFrom = appWith(syntheticContent([syntheticArticle('wip', 'en', 1, { draft: true })]));
    const root = parse(await (await fetchFrom('/en/articles/wip')).text());
    expect(root.querySelector('.draft')?.text).toBe('Draft (local preview only)');
    const index = parse(await (await fetchFrom('/en/')).text());
    expect(index.querySelector('.list .draft')?.text).toBe('Draft (local preview only)');
  });
});

describe('language index of a large archive', () => {
  const fetchFrom = appWith(
    syntheticContent(
      Array.from({ length: 65 }, (_, i) =>
        syntheticArticle(`n-${i + 1}`, 'en', (i % 28) + 1, { publishedMs: Date.UTC(2025, 0, 1) + i * 3600_000 }),
      ),
    ),
  );

  it('shows 30 articles a page with links to older and newer pages', async () => {
    const first = parse(await (await fetchFrom('/en/')).text());
    expect(first.querySelectorAll('.list li')).toHaveLength(30);
    expect(first.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/en/?page=2');
    const last = parse(await (await fetchFrom('/en/?page=3')).text());
    expect(last.querySelectorAll('.list li')).toHaveLength(5);
    expect(last.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe('/en/?page=2');
    expect(last.querySelector('a[rel="next"]')).toBeNull();
  });

  it('answers 404 for a page past the end and 400 for a malformed page, as feed archives do', async () => {
    expect((await fetchFrom('/en/?page=4', { headers: { Accept: 'application/json' } })).status).toBe(404);
    expect((await fetchFrom('/en/rss.xml?page=99')).status).toBe(404);
    expect((await fetchFrom('/en/?page=x')).status).toBe(400);
    expect((await fetchFrom('/en/rss.xml?page=x')).status).toBe(400);
  });
});

describe('a tag page of a large archive', () => {
  const fetchFrom = appWith(
    syntheticContent(
      Array.from({ length: 65 }, (_, i) =>
        syntheticArticle(`t-${i + 1}`, 'en', (i % 28) + 1, { publishedMs: Date.UTC(2025, 0, 1) + i * 3600_000 }),
      ),
    ),
  );

  it('shows 30 articles a page, newest first, with links to older and newer pages and its canonical URL', async () => {
    const first = parse(await (await fetchFrom('/en/tags/open-source/')).text());
    expect(first.querySelectorAll('.list li')).toHaveLength(30);
    expect(first.querySelector('.list li a')?.getAttribute('href')).toBe('/en/articles/t-65');
    expect(first.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/en/tags/open-source/?page=2');
    const second = parse(await (await fetchFrom('/en/tags/open-source/?page=2')).text());
    expect(second.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('http://feeds.test/en/tags/open-source/?page=2');
    expect(second.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe('/en/tags/open-source/');
    const last = parse(await (await fetchFrom('/en/tags/open-source/?page=3')).text());
    expect(last.querySelectorAll('.list li')).toHaveLength(5);
    expect(last.querySelector('a[rel="next"]')).toBeNull();
    // The tag's feeds stay on every page.
    expect(last.querySelector('link[type="application/rss+xml"]')?.getAttribute('href')).toBe(
      'http://feeds.test/en/tags/open-source/rss.xml',
    );
  });

  it('answers 404 for a page past the end and 400 for a malformed page', async () => {
    expect((await fetchFrom('/en/tags/open-source/?page=4', { headers: { Accept: 'application/json' } })).status).toBe(404);
    expect((await fetchFrom('/en/tags/open-source/?page=x')).status).toBe(400);
  });
});

describe('Chinese pages', () => {
  it('contain no English interface text (every string comes from the zh strings)', async () => {
    const { LANGUAGE } = await import('../../src/languages');
    const { ui, partners, privacy, embed } = LANGUAGE.en;
    const english = [ui, partners, privacy, embed]
      .flatMap((strings) =>
        Object.values(strings).flatMap((v: unknown) => (typeof v === 'string' ? [v] : (Object.values(v as object) as string[]))),
      )
      .filter((s) => s.length >= 4);
    for (const path of [
      '/zh/',
      `/zh/articles/${SLUG}`,
      '/zh/tags/open-source/',
      '/zh/partners',
      '/zh/embed',
      '/zh/privacy',
      '/zh/articles/missing',
    ]) {
      const root = parse(await (await request(path, { headers: { Accept: 'text/html' } })).text());
      // Code samples (URLs, HTTP headers) are the same in every language.
      for (const code of root.querySelectorAll('code, pre, script, style')) code.remove();
      const text = root.querySelector('body')?.text ?? '';
      for (const s of english) {
        const escaped = s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        expect(new RegExp(`(^|\\W)${escaped}(\\W|$)`).test(text), `${path} shows "${s}"`).toBe(false);
      }
    }
  });
});

describe('/privacy', () => {
  it('says in both languages what is counted and what never is, linked from every page', async () => {
    for (const [lang, never] of [
      ['en', 'Never recorded: IP addresses'],
      ['zh', '从不记录：IP 地址'],
    ] as const) {
      const root = await page(`/${lang}/privacy`);
      expect(root.querySelector('main')?.text).toContain(never);
      expect(attrs(await page(`/${lang}/`), 'footer a', 'href')).toContain(`/${lang}/privacy`);
    }
  });
});

describe('search engines', () => {
  const zhAndEn = Array.from({ length: 40 }, (_, i) => i).flatMap((i) =>
    (['zh', 'en'] as const).map((lang) =>
      syntheticArticle(`s-${i}`, lang, (i % 28) + 1, { publishedMs: Date.UTC(2025, 0, 1) + i * 3600_000 }),
    ),
  );
  const fetchFrom = appWith(syntheticContent(zhAndEn), { SITE_URL: 'https://news.example.edu' });
  const links = async (path: string) =>
    parse(await (await fetchFrom(path)).text())
      .querySelectorAll('link[rel="alternate"][hreflang]:not([type])')
      .map((l) => `${l.getAttribute('hreflang')} ${l.getAttribute('href')}`);

  it('/, the x-default of the language indexes, names them back; no other cluster names it', async () => {
    expect(await links('/')).toEqual([
      'zh-CN https://news.example.edu/zh/',
      'en https://news.example.edu/en/',
      'x-default https://news.example.edu/',
    ]);
    expect(await links('/en/')).toContain('x-default https://news.example.edu/');
    for (const path of ['/en/?page=2', '/en/articles/s-1', '/en/tags/open-source/', '/en/partners', '/en/privacy']) {
      expect(
        (await links(path)).filter((l) => l.startsWith('x-default')),
        path,
      ).toEqual([]);
    }
  });

  it('gives every page of a list its own title, and the partners page the site name', async () => {
    const title = async (path: string) => parse(await (await fetchFrom(path)).text()).querySelector('title')?.textContent;
    expect(await title('/en/?page=2')).not.toBe(await title('/en/'));
    expect(await title('/en/?page=2')).toMatch(/page 2/);
    // The fixture's own site title, long enough that the tab title must drop part of it: the site's name stays.
    const partners = parse(await (await request('/en/partners')).text()).querySelector('title')?.textContent;
    expect(partners).toMatch(/^For partner sites · Study at HIT$|^.+ · Study at HIT$/);
  });

  it('page 2 of an index has its own title and the other language’s page 2 as its alternate', async () => {
    const page = parse(await (await fetchFrom('/zh/?page=2')).text());
    expect(page.querySelector('title')?.textContent).toContain('第 2 页');
    expect(await links('/zh/?page=2')).toContain('en https://news.example.edu/en/?page=2');
    expect(await links('/en/?page=2')).toContain('zh-CN https://news.example.edu/zh/?page=2');
  });

  it('names the site in the privacy page’s tab title and describes it in a whole sentence', async () => {
    const page = parse(await (await fetchFrom('/en/privacy')).text());
    expect(page.querySelector('title')?.textContent).toBe('Privacy · Study at HIT news');
    expect(page.querySelector('meta[name="description"]')?.getAttribute('content')).toMatch(/\.$/);
  });
});

describe('link previews of every page', () => {
  it('give every indexable page a picture (its drawn card) and name the other languages', async () => {
    for (const path of ['/', '/zh/', '/en/', '/zh/tags/open-source/', '/en/partners', '/zh/privacy', `/en/articles/${SLUG}`]) {
      const root = parse(await (await request(path)).text());
      const image = root.querySelector('meta[property="og:image"]')?.getAttribute('content') ?? '';
      expect(image, path).toMatch(/^http:\/\/feeds\.test\/cards\/(zh|en)\/[\w-]+-[0-9a-f]{10}\.png$/);
      expect(root.querySelector('meta[property="og:image:width"]')?.getAttribute('content'), path).toBe('1200');
      expect(root.querySelector('meta[name="twitter:card"]')?.getAttribute('content'), path).toBe('summary_large_image');
    }
    const tag = parse(await (await request('/zh/tags/open-source/')).text());
    expect(tag.querySelector('meta[property="og:image"]')?.getAttribute('content')).toContain('/cards/zh/_tag-open-source-');
    const zh = parse(await (await request('/zh/')).text());
    expect(zh.querySelector('meta[property="og:locale:alternate"]')?.getAttribute('content')).toBe('en_US');
  });
});

describe('a bad query value on a reading page', () => {
  const BROWSER = { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

  it.each([
    ['/zh/?page=abc', 'zh-CN', '无法打开这个地址'],
    ['/zh/tags/open-source/?page=0', 'zh-CN', '无法打开这个地址'],
    ['/en/?page=twelve', 'en', 'This address cannot be answered'],
  ])('%s answers a browser with a 400 page in its language, naming the parameter and not the value', async (path, tag, title) => {
    const res = await request(path, { headers: BROWSER });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const root = parse(await res.text());
    expect(root.querySelector('html')?.getAttribute('lang')).toBe(tag);
    expect(root.querySelector('h1')?.text).toBe(title);
    expect(root.querySelector('main p')?.text).toContain('“page”');
    const value = new URL(path, BASE).searchParams.get('page') ?? '';
    if (value.length > 2) expect(root.toString()).not.toContain(value);
    // The list's first page is the first way on.
    expect(root.querySelector('main li a')?.getAttribute('href')).toBe(new URL(path, BASE).pathname);
  });

  it('answers a client that asks for JSON with problem+json, as before', async () => {
    const res = await request('/zh/?page=abc', { headers: { Accept: 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
