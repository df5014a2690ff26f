import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/app';
import { indexContent } from '../../src/content/columns';
import { Library } from '../../src/content/library';
import { makeRepresentation, ResponseCache } from '../../src/http/representation';
import { BoundedMemo } from '../../src/memo';
import { request } from '../support/client';
import { testEnv } from '../support/env';
import { syntheticArticle, syntheticContent } from '../support/fixtures';
import fixtureWorker from '../support/worker';

const FEED = '/zh/rss.xml';
const LAST_MODIFIED = 'Thu, 04 Sep 2025 16:00:00 GMT';

async function validators(path = FEED) {
  const res = await request(path);
  return { etag: res.headers.get('etag') ?? '', lastModified: res.headers.get('last-modified') ?? '' };
}

describe('conditional requests', () => {
  it('answers 304 with no body and the validators when If-None-Match matches', async () => {
    const { etag } = await validators();
    const res = await request(FEED, { headers: { 'If-None-Match': etag } });
    expect(res.status).toBe(304);
    expect(await res.text()).toBe('');
    expect(res.headers.get('etag')).toBe(etag);
    expect(res.headers.get('last-modified')).toBe(LAST_MODIFIED);
    expect(res.headers.get('cache-control')).toContain('max-age=');
  });

  it('matches within a list, weakly, and for *', async () => {
    const { etag } = await validators();
    for (const header of [`"nope", W/${etag}`, `W/"a",${etag}`, '*']) {
      expect((await request(FEED, { headers: { 'If-None-Match': header } })).status, header).toBe(304);
    }
    expect((await request(FEED, { headers: { 'If-None-Match': '"other"' } })).status).toBe(200);
  });

  it('answers 304 to If-Modified-Since at or after the newest article, 200 before it', async () => {
    expect((await request(FEED, { headers: { 'If-Modified-Since': LAST_MODIFIED } })).status).toBe(304);
    expect((await request(FEED, { headers: { 'If-Modified-Since': 'Fri, 05 Sep 2025 00:00:00 GMT' } })).status).toBe(304);
    expect((await request(FEED, { headers: { 'If-Modified-Since': 'Wed, 03 Sep 2025 00:00:00 GMT' } })).status).toBe(200);
  });

  it('lets If-None-Match take precedence over If-Modified-Since', async () => {
    const res = await request(FEED, { headers: { 'If-None-Match': '"stale"', 'If-Modified-Since': 'Fri, 05 Sep 2030 00:00:00 GMT' } });
    expect(res.status).toBe(200);
  });

  it('ignores a malformed If-Modified-Since', async () => {
    const res = await request(FEED, { headers: { 'If-Modified-Since': 'yesterday-ish' } });
    expect(res.status).toBe(200);
    expect((await res.text()).length).toBeGreaterThan(100);
  });

  it('gives pages validators too', async () => {
    const { etag } = await validators('/en/');
    expect(etag).toMatch(/^"/);
    expect((await request('/en/', { headers: { 'If-None-Match': etag } })).status).toBe(304);
  });
});

describe('HEAD', () => {
  it('answers with the same headers as GET, Content-Length included, and no body', async () => {
    for (const path of [FEED, '/en/feed.json', '/', '/en/articles/fixture-cie-visit']) {
      const get = await request(path);
      const body = new Uint8Array(await get.arrayBuffer());
      const head = await request(path, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(await head.text()).toBe('');
      expect(head.headers.get('content-length')).toBe(String(body.byteLength));
      for (const name of ['content-type', 'etag', 'last-modified', 'cache-control', 'access-control-allow-origin']) {
        expect(head.headers.get(name), `${path} ${name}`).toBe(get.headers.get(name));
      }
    }
  });
});

describe('caching headers', () => {
  it('lets shared caches keep feeds and keeps errors briefly', async () => {
    expect((await request(FEED)).headers.get('cache-control')).toBe('public, max-age=600, stale-while-revalidate=86400');
    expect((await request('/nope')).headers.get('cache-control')).toBe('public, max-age=60');
  });

  it('varies where the answer depends on a request header', async () => {
    expect((await request('/nope')).headers.get('vary')).toBe('Accept');
    expect((await request('/feed', { redirect: 'manual' })).headers.get('vary')).toBe('Accept-Language');
    const redirect = await request('/zh/feed/', { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('vary')).toBeNull();
  });
});

describe('CORS', () => {
  it('lets any origin read feeds and their validators, without credentials', async () => {
    const res = await request('/en/feed.json', { headers: { Origin: 'https://partner.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toContain('ETag');
    expect(res.headers.get('access-control-expose-headers')).toContain('Last-Modified');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('answers a preflight', async () => {
    const res = await request('/en/feed.json', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://partner.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'if-none-match',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('if-none-match');
  });
});

describe('query parameters', () => {
  it('rejects a bad limit with a problem+json that names it and what is allowed', async () => {
    for (const value of ['0', '101', 'ten', '-1', '5.5']) {
      const res = await request(`/en/feed.json?limit=${value}`);
      expect(res.status, value).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
      const problem = (await res.json()) as Record<string, string>;
      expect(problem).toMatchObject({ status: 400, title: 'Invalid query parameter', parameter: 'limit' });
      expect(problem.detail).toContain(`got "${value}"`);
      expect(problem.allowed).toContain('1 to 100');
    }
  });

  it('ignores unknown parameters', async () => {
    const plain = await request('/en/atom.xml');
    const tracked = await request('/en/atom.xml?utm_source=newsletter&x=%ZZ');
    expect(tracked.status).toBe(200);
    expect(tracked.headers.get('etag')).toBe(plain.headers.get('etag'));
  });
});

describe('errors', () => {
  it('answers an unknown path with an HTML page that links the feeds, for browsers', async () => {
    const res = await request('/zh/nothing-here', { headers: { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('页面不存在');
    expect(html).toContain('href="http://feeds.test/zh/rss.xml"');
  });

  it('answers an unknown path with problem+json for other clients', async () => {
    const res = await request('/nothing-here', { headers: { Accept: 'application/json' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(((await res.json()) as { detail: string }).detail).toContain('/nothing-here');
  });

  it('answers 404 for paths that only look like ours', async () => {
    for (const path of [
      '/fr/',
      '/de/articles/fixture-cie-visit',
      '/zh/articles/fixture-cie-visit/more',
      '/en/feed.json.bak',
      '/en/tags/open-source/feed.json/x',
      '/xen/',
      '/enx/rss.xml',
    ]) {
      expect((await request(path, { redirect: 'manual' })).status, path).toBe(404);
    }
  });

  it('names the languages there are for an unknown language', async () => {
    const res = await request('/fr/rss.xml');
    expect(res.status).toBe(404);
    const problem = (await res.json()) as { detail: string; languages: string[] };
    expect(problem.detail).toBe('There is no "fr" edition; the languages are zh, en.');
    expect(problem.languages).toEqual(['zh', 'en']);
  });

  it('answers other methods with 405 and Allow', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const res = await request(FEED, { method });
      expect(res.status, method).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
      expect(((await res.json()) as { detail: string }).detail).toContain(`${method} is not supported`);
    }
  });

  it('passes a URL answered before through the same middleware: 405, preflight, identical repeat', async () => {
    const first = await request(FEED);
    expect(first.status).toBe(200);
    expect((await request(FEED, { method: 'POST' })).status).toBe(405);
    expect((await request(FEED, { method: 'OPTIONS' })).status).toBe(204);
    const again = await request(FEED);
    expect([...again.headers]).toEqual([...first.headers]);
    expect(await again.text()).toBe(await first.text());
  });

  it('answers an unexpected failure with a generic 500 that leaks nothing', async () => {
    class BrokenLibrary extends Library {
      override find(): never {
        throw new Error('secret internal detail');
      }
    }
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const app = createApp(new BrokenLibrary(indexContent(syntheticContent([syntheticArticle('a', 'en', 1)]))));
    const res = await app.fetch(new Request('http://feeds.test/en/articles/a'), testEnv({ SITE_URL: '', FEED_ITEMS: '20' }));
    expect(res.status).toBe(500);
    // The operator's log has the detail the client never sees.
    expect(log).toHaveBeenCalledWith(
      'unexpected failure',
      'GET',
      '/en/articles/a',
      expect.objectContaining({ message: 'secret internal detail' }),
    );
    log.mockRestore();
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.text();
    expect(body).toContain('The server failed to answer');
    expect(body).not.toMatch(/secret|at \w+ \(|\.ts:/);
  });
});

describe('paths readers guess', () => {
  const cases: [string, string, Record<string, string>?][] = [
    ['/feed', '/en/rss.xml'],
    ['/rss', '/en/rss.xml'],
    ['/rss.xml', '/en/rss.xml'],
    ['/index.xml', '/en/rss.xml'],
    ['/atom.xml', '/en/atom.xml'],
    ['/feed.json', '/en/feed.json'],
    ['/feed/', '/en/rss.xml'],
    ['/feed', '/zh/rss.xml', { 'Accept-Language': 'zh-CN,zh;q=0.9,en;q=0.8' }],
    ['/atom.xml', '/zh/atom.xml', { 'Accept-Language': 'zh-TW' }],
    ['/feed', '/en/rss.xml', { 'Accept-Language': 'fr, en;q=0.5, zh;q=0.4' }],
    ['/zh/feed/', '/zh/rss.xml'],
    ['/zh/feed', '/zh/rss.xml'],
    ['/en/atom', '/en/atom.xml'],
    ['/en/rss.xml/', '/en/rss.xml'],
    ['/zh/index.xml', '/zh/rss.xml'],
    ['/zh', '/zh/'],
    ['/en/articles/fixture-cie-visit/', '/en/articles/fixture-cie-visit'],
  ];
  it.each(cases)('redirects %s permanently to %s', async (path, target, headers = {}) => {
    const res = await request(path, { headers, redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe(`http://feeds.test${target}`);
  });

  it('keeps the query string', async () => {
    const res = await request('/zh/feed/?limit=5', { redirect: 'manual' });
    expect(res.headers.get('location')).toBe('http://feeds.test/zh/rss.xml?limit=5');
  });
});

describe('security headers', () => {
  it('sends nosniff everywhere and a strict policy on HTML', async () => {
    for (const path of [FEED, '/en/feed.json', '/nope', '/feed']) {
      expect((await request(path)).headers.get('x-content-type-options'), path).toBe('nosniff');
    }
    const page = await request('/en/');
    expect(page.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'self'; img-src 'self' https:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(page.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
  });

  // Feeds, pages, documents, scripts, a 404, a 400, guessed and percent-encoded paths (301), a 405 and a preflight.
  const EVERY_KIND: [string, RequestInit?][] = [
    [FEED],
    ['/en/feed.json'],
    ['/zh/'],
    ['/en/articles/fixture-cie-visit'],
    ['/sitemap.xml'],
    ['/embed.js'],
    ['/nope'],
    ['/en/rss.xml?limit=0'],
    ['/feed'],
    ['/%65n/rss.xml'],
    [FEED, { method: 'DELETE' }],
    [FEED, { method: 'OPTIONS', headers: { Origin: 'https://partner.example', 'Access-Control-Request-Method': 'GET' } }],
  ];

  it('sends Strict-Transport-Security on every https answer, the same on a repeat (cached) one', async () => {
    const https = testEnv({ SITE_URL: 'https://news.example.edu', FEED_ITEMS: '20', WEBSUB_HUB: '' });
    for (const [path, init] of EVERY_KIND) {
      for (let i = 0; i < 2; i++) {
        const res = await fixtureWorker.fetch(new Request(`https://news.example.edu${path}`, init), https);
        expect(res.headers.get('strict-transport-security'), `${init?.method ?? 'GET'} ${path}`).toBe('max-age=31536000');
      }
    }
  });

  it('sends none over http (npm start on http://localhost)', async () => {
    for (const [path, init] of EVERY_KIND) {
      expect((await request(path, init)).headers.get('strict-transport-security'), `${init?.method ?? 'GET'} ${path}`).toBeNull();
    }
  });
});

describe('Last-Modified of lists', () => {
  it('is the newest update, even when an older article was updated last', async () => {
    const revisedMs = Date.parse('2025-03-01T10:00:00+08:00');
    const content = syntheticContent([
      syntheticArticle('new', 'en', 20),
      syntheticArticle('old-revised', 'en', 1, { updated: '2025-03-01T10:00:00+08:00', updatedMs: revisedMs }),
    ]);
    const app = createApp(Library.of(content));
    const env = testEnv({ SITE_URL: '', FEED_ITEMS: '20', WEBSUB_HUB: '' });
    for (const path of ['/en/', '/', '/en/tags/open-source/', '/feeds.opml', '/en/rss.xml']) {
      const res = await app.fetch(new Request(`http://feeds.test${path}`), env);
      expect(res.headers.get('last-modified'), path).toBe(new Date(revisedMs).toUTCString());
    }
  });
});

describe('memory under varying requests', () => {
  // Every reader polling with its own `since` makes a new variant; the isolate must not keep them all.
  const rendered: string[] = [];
  const variant = (key: string, bytes: number) => () => {
    rendered.push(key);
    return makeRepresentation(key.padEnd(bytes, '.'), 'text/plain', 'no-store');
  };

  it('keeps variants up to a byte budget, dropping the oldest first, and makes a dropped one again the same', async () => {
    const cache = new ResponseCache(512, 1000);
    const first = await cache.get('a', variant('a', 400));
    await cache.get('b', variant('b', 400));
    await cache.get('c', variant('c', 400));
    // Bodies and keys (two bytes a character).
    expect(cache.usage).toEqual({ entries: 2, bytes: 804 });
    rendered.length = 0;
    await cache.get('c', variant('c', 400));
    expect(rendered).toEqual([]);
    const again = await cache.get('a', variant('a', 400));
    expect(rendered).toEqual(['a']);
    expect(again.etag).toBe(first.etag);
    expect(again.body).toEqual(first.body);
  });

  it('keeps the variant just asked for even when it alone is over the budget', async () => {
    const cache = new ResponseCache(512, 1000);
    await cache.get('small', variant('small', 100));
    const big = await cache.get('big', variant('big', 5000));
    expect(big.body.byteLength).toBe(5000);
    expect(cache.usage).toEqual({ entries: 1, bytes: 5006 });
  });

  it('keeps at most the given number of variants', async () => {
    const cache = new ResponseCache(3, 1_000_000);
    for (const key of ['a', 'b', 'c', 'd', 'e']) await cache.get(key, variant(key, 10));
    expect(cache.usage).toEqual({ entries: 3, bytes: 36 });
  });

  it('keeps every memo within its bytes as well as its entries: long keys or values start it again empty', () => {
    const memo = new BoundedMemo<string>(512, 10_000);
    for (let i = 0; i < 100; i++) memo.get(`${'k'.repeat(1000)}${i}`, (k) => k);
    expect(memo.bytes).toBeLessThanOrEqual(10_000);
    // A value larger than the whole budget is made for its request, never kept.
    expect(memo.get('big', () => 'v'.repeat(10_000))).toHaveLength(10_000);
    expect(memo.peek('big')).toBeUndefined();
    expect(memo.bytes).toBe(0);
  });

  it('counts the keys in its bound: long keys with tiny bodies (a Host a client chose) cannot pile up', async () => {
    const cache = new ResponseCache(1024, 100_000);
    for (let i = 0; i < 50; i++) await cache.get(`${'h'.repeat(10_000)}${i}`, variant(`k${i}`, 10));
    expect(cache.usage.bytes).toBeLessThanOrEqual(100_000);
    expect(cache.usage.entries).toBeLessThanOrEqual(5);
  });

  it('stays within its bound in a Worker without SITE_URL, whatever Host, query, since or limit arrive', async () => {
    const long = Array.from({ length: 40 }, (_, i) =>
      syntheticArticle(`long-${i}`, 'en', (i % 28) + 1, { html: `<p>${'Synthetic long body. '.repeat(2000)}</p>` }),
    );
    const app = createApp(Library.of(syntheticContent(long)));
    const env = testEnv({ SITE_URL: '', FEED_ITEMS: '20', WEBSUB_HUB: '' });
    const host = 'h'.repeat(60_000);
    for (let i = 0; i < 300; i++) {
      for (const path of [
        '/style.css',
        `/en/rss.xml?limit=${(i % 100) + 1}&x=${'q'.repeat(2000)}`,
        `/en/feed.json?since=2025-01-${String((i % 28) + 1).padStart(2, '0')}T00:${String(i % 60).padStart(2, '0')}:00Z&limit=100`,
      ]) {
        const res = await app.fetch(new Request(`http://${host}${i}.example${path}`), env);
        expect(res.status, path).toBe(200);
        await res.arrayBuffer();
      }
      // What the kept keys alone weigh (each holds the Host): within the cache's 24 MiB, beside their bodies.
      const { entries, bytes } = app.cacheUsage();
      expect(bytes).toBeLessThanOrEqual(24 * 1024 * 1024 + 4 * 1024 * 1024);
      expect(entries * host.length * 2).toBeLessThanOrEqual(bytes);
    }
  });
});

describe('one isolate, two sets of vars', () => {
  it('keeps their answers apart, repeat requests included', async () => {
    const app = createApp(Library.of(syntheticContent([1, 2, 3].map((d) => syntheticArticle(`day-${d}`, 'en', d)))));
    const one = testEnv({ SITE_URL: 'https://a.example', FEED_ITEMS: '1' });
    const two = testEnv({ SITE_URL: 'https://b.example', FEED_ITEMS: '2' });
    const items = async (env: Env) => {
      const text = await (await app.fetch(new Request('http://feeds.test/en/rss.xml'), env)).text();
      return [text.split('<item>').length - 1, /<link>([^<]*)<\/link>/.exec(text)?.[1]];
    };
    for (let round = 0; round < 3; round++) {
      expect(await items(one)).toEqual([1, 'https://a.example/en/']);
      expect(await items(two)).toEqual([2, 'https://b.example/en/']);
    }
  });
});

describe('a Host header with a quote in it (no SITE_URL)', () => {
  // Straight to the Worker's handler (with the build's pre-rendered feeds): the runtime's own fetch refuses such a URL.
  const env = testEnv({ SITE_URL: '', FEED_ITEMS: '20', WEBSUB_HUB: '' });
  const host = (path: string) => Promise.resolve(fixtureWorker.fetch(new Request(`http://a"b.example${path}`), env));

  it('still gives well-formed RSS and Atom, valid JSON and a partners page whose snippet is escaped', async () => {
    for (const path of ['/en/rss.xml', '/zh/atom.xml', '/en/tags/open-source/rss.xml']) {
      const text = await (await host(path)).text();
      expect(XMLValidator.validate(text), path).toBe(true);
      expect(text, path).toContain('http://a&quot;b.example/');
    }
    const json = JSON.parse(await (await host('/en/feed.json')).text()) as { home_page_url: string };
    expect(json.home_page_url).toBe('http://a"b.example/en/');
    const partners = await (await host('/en/partners')).text();
    expect(partners).not.toContain('a"b.example');
  });
});

describe('percent-encoded aliases of a path', () => {
  const articles = Array.from({ length: 30 }, (_, i) => syntheticArticle(`a${i}`, 'en', (i % 28) + 1));
  const content = syntheticContent(articles);
  const env = testEnv({ SITE_URL: 'https://news.example.edu', FEED_ITEMS: '20', WEBSUB_HUB: '' });

  /** Every way of writing `path` with some of its letters percent-encoded, up to `max`. */
  function aliases(path: string, max: number): string[] {
    const letters = [...path].map((ch, i) => ({ ch, i })).filter(({ ch }) => /[a-z]/.test(ch));
    const out: string[] = [];
    for (let mask = 1; mask < 2 ** Math.min(letters.length, 16) && out.length < max; mask++) {
      const chars = [...path];
      letters.forEach(({ ch, i }, bit) => {
        if (mask & (1 << bit)) chars[i] = `%${ch.charCodeAt(0).toString(16)}`;
      });
      out.push(chars.join(''));
    }
    return out;
  }

  it('are redirected to the path itself, which answers the same bytes and ETag', async () => {
    const app = createApp(Library.of(content));
    const res = await app.fetch(new Request('https://news.example.edu/%65%6E/t%61g%73/open-source/rss.xml'), env);
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('https://news.example.edu/en/tags/open-source/rss.xml');
  });

  it('cannot grow the cache: a flood of 3,096 aliases leaves it as the plain URLs did', async () => {
    const app = createApp(Library.of(content));
    const paths = ['/en/tags/open-source/rss.xml', '/en/articles/a1', '/en/feed.json', '/sitemap.xml', '/en/'];
    for (const path of paths) await (await app.fetch(new Request(`https://news.example.edu${path}`), env)).arrayBuffer();
    const before = app.cacheUsage();
    let redirected = 0;
    let sent = 0;
    for (const path of paths) {
      for (const alias of aliases(path, 1000)) {
        sent++;
        const res = await app.fetch(new Request(`https://news.example.edu${alias}`), env);
        if (res.status === 301 && res.headers.get('location') === `https://news.example.edu${path}`) redirected++;
      }
    }
    expect(sent).toBeGreaterThanOrEqual(3096);
    expect(redirected).toBe(sent);
    expect(app.cacheUsage()).toEqual(before);
  });

  it('share one entry when written with a different but equal query (?limit=05 and ?limit=5, unknown parameters)', async () => {
    const app = createApp(Library.of(content));
    const get = (q: string) => app.fetch(new Request(`https://news.example.edu/en/rss.xml${q}`), env);
    const first = await get('?limit=5');
    const etag = first.headers.get('etag');
    const entries = app.cacheUsage().entries;
    for (const q of ['?limit=05', '?utm_source=x&limit=5', '?limit=5&x=1']) expect((await get(q)).headers.get('etag'), q).toBe(etag);
    expect(app.cacheUsage().entries).toBe(entries);
  });
});
