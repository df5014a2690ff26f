/** Embargoes: a scheduled article goes out at its instant, with no deploy, everywhere at once (moved clock). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/app';
import { Library } from '../../src/content/library';
import { appWith } from '../support/client';
import { testEnv } from '../support/env';
import { syntheticArticle, syntheticContent } from '../support/fixtures';

const AT = Date.parse('2025-02-01T09:00:00+08:00');
const scheduled = (lang: 'en' | 'zh') =>
  syntheticArticle('embargoed', lang, 1, {
    published: '2025-02-01T09:00:00+08:00',
    updated: '2025-02-01T09:00:00+08:00',
    publishedMs: AT,
    updatedMs: AT,
    tags: ['events'],
  });
const content = syntheticContent([syntheticArticle('out', 'en', 3), syntheticArticle('out', 'zh', 3), scheduled('en'), scheduled('zh')]);
const VARS = { SITE_URL: 'https://news.example.edu', WEBSUB_HUB: 'https://hub.example.net/' };

/** The Worker under a clock the test moves. */
function worker(start: number) {
  const clock = { now: start };
  const pings: string[] = [];
  const hubFetch = (async (_hub: string, init?: RequestInit) => {
    pings.push(new URLSearchParams(String(init?.body)).get('hub.url') ?? '');
    return new Response(null, { status: 204 });
  }) as typeof fetch;
  const app = createApp(Library.of(content), {}, { clock: () => clock.now, hubFetch });
  const env = testEnv({ FEED_ITEMS: '20', ...VARS });
  const get = (path: string, init?: RequestInit) => Promise.resolve(app.fetch(new Request(`https://news.example.edu${path}`, init), env));
  return { clock, pings, get, cron: (ms: number) => app.scheduled({ scheduledTime: ms }, env) };
}

const PLACES = [
  '/en/feed.json',
  '/zh/rss.xml',
  '/en/atom.xml',
  '/en/',
  '/zh/',
  '/',
  '/en/tags/events/',
  '/en/tags/events/feed.json',
  '/sitemaps/articles-2025.xml',
];

describe('a scheduled article', () => {
  it('is in no feed, page, tag page, sitemap or since view before its instant, and its page is a 404', async () => {
    const w = worker(AT - 1);
    for (const path of [...PLACES, '/en/feed.json?since=2025-01-01T00:00:00Z', '/en/feed.json?limit=1&page=1']) {
      const res = await w.get(path);
      expect(await res.text(), path).not.toContain('embargoed');
    }
    expect((await w.get('/en/articles/embargoed')).status).toBe(404);
    expect((await w.get('/zh/articles/embargoed')).status).toBe(404);
  });

  it('stays out when the isolate started with its clock at 0, as Workers start, and is served later', async () => {
    // Workers stop the clock outside a request: an isolate starting reads 0, its first request the real time.
    const w = worker(0);
    w.clock.now = AT - 1;
    for (const path of PLACES) expect(await (await w.get(path)).text(), path).not.toContain('embargoed');
    expect((await w.get('/en/articles/embargoed')).status).toBe(404);
    w.clock.now = AT;
    expect(await (await w.get('/en/feed.json')).text()).toContain('embargoed');
  });

  it('is everywhere from its instant on, with no deploy, in the same isolate that served the list before', async () => {
    const w = worker(AT - 60_000);
    const before = await w.get('/en/feed.json');
    const etag = before.headers.get('etag');
    await before.text();
    w.clock.now = AT;
    for (const path of PLACES) expect(await (await w.get(path)).text(), path).toContain('embargoed');
    expect((await w.get('/en/articles/embargoed')).status).toBe(200);
    const after = await w.get('/en/feed.json', { headers: { 'If-None-Match': etag ?? '' } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
  });

  it('gives the same bytes and ETag for the same content at the same instant, whatever the isolate saw before', async () => {
    const moved = worker(AT - 3_600_000);
    await (await moved.get('/en/rss.xml')).text();
    moved.clock.now = AT + 5_000;
    const fresh = worker(AT + 5_000);
    for (const path of PLACES) {
      const [a, b] = await Promise.all([moved.get(path), fresh.get(path)]);
      expect(a.headers.get('etag'), path).toBe(b.headers.get('etag'));
      expect(await a.text(), path).toBe(await b.text());
    }
  });

  it('is announced to the WebSub hub by the cron run of its minute, once', async () => {
    const w = worker(AT);
    await w.cron(AT - 60_000);
    expect(w.pings).toEqual([]);
    await w.cron(AT);
    expect(w.pings.sort()).toEqual(
      [
        ...['en', 'zh'].flatMap((l) => ['rss.xml', 'atom.xml', 'feed.json'].map((f) => `https://news.example.edu/${l}/${f}`)),
        ...['en', 'zh'].flatMap((l) => ['rss.xml', 'atom.xml', 'feed.json'].map((f) => `https://news.example.edu/${l}/tags/events/${f}`)),
      ].sort(),
    );
    await w.cron(AT + 60_000);
    expect(w.pings).toHaveLength(12);
  });

  it('announces an article timed inside a minute at the next minute boundary', async () => {
    const w = worker(AT);
    await w.cron(AT - 30_000);
    expect(w.pings).toEqual([]);
    await w.cron(AT + 30_000);
    expect(w.pings).toHaveLength(12);
  });

  it('pings nothing without a hub', async () => {
    const pings: string[] = [];
    const app = createApp(
      Library.of(content),
      {},
      {
        hubFetch: (async () => {
          pings.push('x');
          return new Response();
        }) as typeof fetch,
      },
    );
    await app.scheduled({ scheduledTime: AT }, testEnv({ SITE_URL: 'https://news.example.edu', WEBSUB_HUB: '' }));
    expect(pings).toEqual([]);
  });
});

describe('the Worker clock', () => {
  afterEach(() => vi.useRealTimers());

  it('is the runtime clock by default, so a moved system time releases the article', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(AT - 1);
    const fetchFrom = appWith(content);
    expect(await (await fetchFrom('/en/feed.json')).text()).not.toContain('embargoed');
    vi.setSystemTime(AT);
    expect(await (await fetchFrom('/en/feed.json')).text()).toContain('embargoed');
  });
});
