/** Reach statistics: what a sequence of requests records, exactly, and that nothing identifies a person. */
import { env as runtimeEnv } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { guessingClient } from '../../src/app/reach';
import { Library } from '../../src/content/library';
import { classify } from '../../src/reach/user-agent';
import { testEnv } from '../support/env';
import { syntheticArticle, syntheticContent } from '../support/fixtures';

// User-Agent strings as the clients' documentation and public logs show them.
const CLIENTS: [string, string, boolean, number | undefined][] = [
  ['Feedly/1.0 (+http://www.feedly.com/fetcher.html; 42 subscribers; like FeedFetcher-Google)', 'Feedly', true, 42],
  ['Feedly/1.0 (+http://www.feedly.com/fetcher.html; like FeedFetcher-Google)', 'Feedly', true, undefined],
  ['Mozilla/5.0 (compatible; Inoreader/1.0; https://www.inoreader.com; 1,204 subscribers)', 'Inoreader', true, 1204],
  [
    'NewsBlur Feed Fetcher - 7 subscribers - https://www.newsblur.com/site/6171234/study (Mozilla/5.0 (Macintosh) Safari/534.48.3)',
    'NewsBlur',
    true,
    7,
  ],
  ['Feedbin feed-id:1234567 - 3 subscribers', 'Feedbin', true, 3],
  ['Mozilla/5.0 (compatible; theoldreader.com;  2  subscribers; feed-id=8f2e)', 'The Old Reader', true, 2],
  ['Newsboat/2.30.1 (Linux x86_64)', 'newsboat', false, undefined],
  ['NetNewsWire (RSS Reader; https://netnewswire.com/)', 'NetNewsWire', false, undefined],
  ['Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Thunderbird/115.3.1', 'Thunderbird', false, undefined],
  ['Liferea/1.13.8 (Linux; en_US.UTF-8; https://lzone.de/liferea/)', 'Liferea', false, undefined],
  ['Tiny Tiny RSS/22.12-6a8d6e6 (https://tt-rss.org/)', 'Tiny Tiny RSS', false, undefined],
  ['FreshRSS/1.21.0 (Linux; https://freshrss.org)', 'FreshRSS', false, undefined],
  ['feedparser/6.0.10 +https://github.com/kurtmckee/feedparser/', 'feedparser', false, undefined],
  [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
    'browser',
    false,
    undefined,
  ],
  ['curl/8.5.0', 'other', false, undefined],
];

/**
 * The limiter counts per minute of the clock (Cloudflare's and miniflare's windows both roll over at :00), so a run
 * of guesses that straddles :00 starts counting afresh halfway. Start a run where the minute has 10 seconds left.
 */
async function minuteWithTimeLeft(): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 10_000) await new Promise((resolve) => setTimeout(resolve, left + 100));
}

describe('User-Agent classification', () => {
  it.each(CLIENTS)('%s → %s', (ua, family, aggregator, subscribers) => {
    expect(classify(ua)).toEqual({ family, aggregator, ...(subscribers !== undefined ? { subscribers } : {}) });
  });

  it('treats a missing User-Agent as other', () => {
    expect(classify(null)).toEqual({ family: 'other', aggregator: false });
  });

  it('reads only the start of a User-Agent, so that a huge one costs what a real one does', () => {
    // Read whole, 200,000 digits took the subscriber pattern minutes (it backtracked once per digit).
    expect(classify('9'.repeat(200_000))).toEqual({ family: 'other', aggregator: false });
    expect(classify(`Feedly/1.0 (+http://www.feedly.com/fetcher.html; 12 subscribers) ${'x'.repeat(200_000)}`)).toEqual({
      family: 'Feedly',
      aggregator: true,
      subscribers: 12,
    });
    // Past the first 512 characters, nothing is read.
    expect(classify(`${'x'.repeat(600)} Newsboat/2.30.1`)).toEqual({ family: 'other', aggregator: false });
  });
});

describe('data points in workerd', () => {
  const points: { blobs?: string[]; doubles?: number[]; indexes?: string[] }[] = [];
  const env = testEnv({ REACH: { writeDataPoint: (p: (typeof points)[number]) => points.push(p) } });
  const app = createApp(Library.of(syntheticContent([syntheticArticle('a', 'en', 1), syntheticArticle('a', 'zh', 1)])));
  const get = (path: string, headers: Record<string, string> = {}) =>
    Promise.resolve(
      app.fetch(new Request(`https://feeds.example${path}`, { headers: { 'CF-Connecting-IP': '203.0.113.9', ...headers } }), env),
    );

  it('records exactly one point per feed, article page and embed request, and nothing for other paths', async () => {
    points.length = 0;
    const feedly = 'Feedly/1.0 (+http://www.feedly.com/fetcher.html; 42 subscribers; like FeedFetcher-Google)';
    const first = await get('/en/rss.xml', { 'User-Agent': feedly });
    await get('/en/rss.xml', { 'User-Agent': feedly, 'If-None-Match': first.headers.get('etag') ?? '' });
    // Repeats of a URL reuse the points already made for it: each still says its own client and status.
    await get('/en/rss.xml', { 'User-Agent': 'Newsboat/2.36 (Linux x86_64)' });
    await get('/en/rss.xml', { 'User-Agent': feedly });
    await get('/zh/feed.json?limit=5', { Origin: 'https://www.openatom.org', 'User-Agent': 'Mozilla/5.0 Chrome/126.0 Safari/537.36' });
    await get('/en/articles/a', { 'User-Agent': 'Mozilla/5.0 Firefox/128.0', Referer: 'https://news.example.org/some/page?x=1' });
    await get('/embed.js', { Referer: 'https://partner.example.com/news/?utm=secret' });
    await get('/robots.txt');
    await get('/en/');
    expect(points).toEqual([
      { blobs: ['feed', '/en/rss.xml', 'en', 'Feedly', '', '200', ''], doubles: [1, 42, 0, 0], indexes: ['feed'] },
      { blobs: ['feed', '/en/rss.xml', 'en', 'Feedly', '', '304', ''], doubles: [1, 42, 1, 0], indexes: ['feed'] },
      { blobs: ['feed', '/en/rss.xml', 'en', 'newsboat', '', '200', ''], doubles: [1, 0, 0, 0], indexes: ['feed'] },
      { blobs: ['feed', '/en/rss.xml', 'en', 'Feedly', '', '200', ''], doubles: [1, 42, 0, 0], indexes: ['feed'] },
      { blobs: ['feed', '/zh/feed.json', 'zh', 'browser', 'www.openatom.org', '200', ''], doubles: [1, 0, 0, 0], indexes: ['feed'] },
      { blobs: ['page', '/en/articles/a', 'en', 'browser', '', '200', ''], doubles: [1, 0, 0, 0], indexes: ['page'] },
      { blobs: ['embed', '/embed.js', '', 'other', 'partner.example.com', '200', ''], doubles: [1, 0, 0, 0], indexes: ['embed'] },
    ]);
  });

  it("records with a subscriber claim the network Cloudflare's edge reports, and no claim for an aggregator it does not know", async () => {
    points.length = 0;
    const request = (ua: string, cf: Record<string, unknown>) =>
      Promise.resolve(app.fetch(new Request('https://feeds.example/en/rss.xml', { headers: { 'User-Agent': ua }, cf }), env));
    await request('Feedly/1.0 (+http://www.feedly.com/fetcher.html; 42 subscribers)', { asn: 64500, asOrganization: 'Example Fetchers' });
    await request('Feedly/1.0 (+http://www.feedly.com/fetcher.html; 42 subscribers)', { asn: 64501, asOrganization: 'Elsewhere' });
    await request('NewAggregator/1.0 (+https://new.example; 50,000,000 subscribers)', { asn: 64502 });
    expect(points.map((p) => [p.blobs?.[3], p.doubles?.[1], p.doubles?.[3], p.blobs?.[6]])).toEqual([
      ['Feedly', 42, 64500, 'Example Fetchers'],
      ['Feedly', 42, 64501, 'Elsewhere'],
      ['other', 0, 0, ''],
    ]);
  });

  it('never stores an address, a User-Agent string, a query or a full referrer', () => {
    const stored = JSON.stringify(points);
    for (const secret of ['203.0.113.9', 'fetcher.html', 'Chrome/126', 'limit=5', 'utm=secret', '/some/page', 'Firefox']) {
      expect(stored).not.toContain(secret);
    }
  });

  it('counts only what exists: a made-up feed or page path, a bad query, a refused method are not counted', async () => {
    points.length = 0;
    for (const path of ['/en/made-up.xml', '/en/tags/nope/rss.xml', '/xx/rss.xml', '/en/articles/never-was', '/en/rss.xml?limit=0']) {
      expect((await get(path)).status, path).toBeGreaterThanOrEqual(400);
    }
    expect(points).toEqual([]);
  });

  it('takes no subscriber count a real aggregator could not report (999,999,999 or 400 digits)', () => {
    for (const count of ['999,999,999', '9'.repeat(400), '60000001']) {
      expect(classify(`Feedly/1.0 (+http://www.feedly.com/fetcher.html; ${count} subscribers)`)).toEqual({
        family: 'Feedly',
        aggregator: true,
      });
    }
    expect(classify('Feedly/1.0 (+http://www.feedly.com/fetcher.html; 12,345 subscribers)').subscribers).toBe(12345);
  });

  it('answers and counts a request with a 100 KB User-Agent like any other', async () => {
    points.length = 0;
    const res = await get('/en/rss.xml', { 'User-Agent': '9'.repeat(100_000) });
    expect(res.status).toBe(200);
    expect(points).toEqual([{ blobs: ['feed', '/en/rss.xml', 'en', 'other', '', '200', ''], doubles: [1, 0, 0, 0], indexes: ['feed'] }]);
  });

  it('answers exactly as without the binding', async () => {
    const plain = await Promise.resolve(
      app.fetch(new Request('https://feeds.example/en/atom.xml'), testEnv({ SITE_URL: '', FEED_ITEMS: '20' })),
    );
    const counted = await get('/en/atom.xml');
    expect(await counted.text()).toBe(await plain.text());
    expect([...counted.headers]).toEqual([...plain.headers]);
  });
});

describe('the report at /reach', () => {
  const queries: string[] = [];
  // A stand-in for the Analytics Engine SQL API client: rows as the documented API returns them (strings for numbers).
  const standIn = (account: string, token: string) => ({
    async query<T>(sql: string): Promise<T[]> {
      queries.push(`${account}|${token}|${sql}`);
      if (sql.includes('quantileExactWeighted(0.5, double2'))
        return Array.from({ length: 24 }, (_, h) => ({
          feed: '/en/rss.xml',
          aggregator: 'Feedly',
          network: '64500',
          network_name: 'Example Fetchers',
          hour: `2026-12-06 ${String(h).padStart(2, '0')}:00:00`,
          subscribers: '42',
          polls: '2',
        })) as T[];
      if (sql.includes('AS partner')) return [{ partner: 'www.openatom.org', requests: '17' }] as T[];
      return [];
    },
  });
  const app = createApp(Library.of(syntheticContent([syntheticArticle('a', 'en', 1)])), {}, { reachClient: standIn });
  const secrets = {
    SITE_URL: '',
    FEED_ITEMS: '20',
    REACH_REPORT_PASSWORD: 'correct horse battery staple',
    CLOUDFLARE_ACCOUNT_ID: 'acc',
    CLOUDFLARE_API_TOKEN: 'tok',
    REACH_DATASET: 'hit_reach',
    // The rate limiter as wrangler.toml declares it, simulated by the test runtime.
    REACH_LOGINS: runtimeEnv.REACH_LOGINS,
  };
  // Each request from its own address unless said otherwise, so that only the rate-limit test meets the limiter.
  let address = 0;
  const get = (env: Record<string, unknown>, authorization?: string, search = '', ip = `198.51.100.${++address % 250}.${address}`) =>
    Promise.resolve(
      app.fetch(
        new Request(`https://feeds.example/reach${search}`, {
          headers: { 'CF-Connecting-IP': ip, ...(authorization ? { Authorization: authorization } : {}) },
          // As Cloudflare's edge hands a request to the Worker.
          cf: { colo: 'HKG', asn: 4134 },
        }),
        testEnv(env),
      ),
    );
  const basic = (user: string, password: string) => `Basic ${btoa(`${user}:${password}`)}`;

  it('does not exist until its secrets and its rate limiter are set', async () => {
    const { REACH_REPORT_PASSWORD: _, ...withoutPassword } = secrets;
    const { REACH_LOGINS: __, ...withoutLimiter } = secrets;
    for (const env of [{ SITE_URL: '', FEED_ITEMS: '20' }, withoutPassword, withoutLimiter]) {
      expect((await get(env, basic('reach', secrets.REACH_REPORT_PASSWORD))).status).toBe(404);
    }
    expect(queries).toEqual([]);
  });

  it('answers a missing or wrong password with a bare 401, and reads nothing', async () => {
    for (const authorization of [undefined, basic('reach', 'guess'), basic('admin', secrets.REACH_REPORT_PASSWORD), 'Bearer tok']) {
      const res = await get(secrets, authorization);
      expect(res.status, authorization).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Basic realm="Study at HIT news reach report"');
      const body = await res.text();
      for (const secret of ['hit_reach', 'acc', 'tok', 'Feedly', 'openatom']) expect(body).not.toContain(secret);
    }
    expect(queries).toEqual([]);
  });

  it("shows the report to the right password, never cached, with the Worker's credentials", async () => {
    const res = await get(secrets, basic('reach', secrets.REACH_REPORT_PASSWORD));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const html = await res.text();
    // The stand-in's figures: 42 subscribers of /en/rss.xml, 17 requests from a partner.
    expect(html).toContain('/en/rss.xml');
    expect(html).toContain('www.openatom.org');
    expect(queries.length).toBe(6);
    expect(queries.every((q) => q.startsWith('acc|tok|') && q.includes('FROM hit_reach'))).toBe(true);
    // Bounded whatever clients sent, and subscribers read hour by hour and network by network (src/reach/claims.ts).
    expect(queries.every((q) => / LIMIT \d+$/.test(q))).toBe(true);
    expect(queries.find((q) => q.includes('AS subscribers'))).toContain('GROUP BY feed, aggregator, network, network_name, hour');
    expect(html).toMatch(/<text[^>]*>42<\/text>/);
  });

  it('reports the window asked for, and answers a bad one with a 400 naming it, after the password', async () => {
    const password = basic('reach', secrets.REACH_REPORT_PASSWORD);
    queries.length = 0;
    expect((await get(secrets, password, '?days=7')).status).toBe(200);
    // Five queries cover the window; the subscriber count is always the latest (the last two days).
    expect(queries.filter((q) => q.includes("INTERVAL '7' DAY")).length).toBe(5);
    queries.length = 0;
    expect((await get(secrets, password, '?days=')).status).toBe(200);
    expect(queries.filter((q) => q.includes("INTERVAL '30' DAY")).length).toBe(5);
    queries.length = 0;
    for (const days of ['0', '91', 'week', '7.5', '-3', '1e1']) {
      const res = await get(secrets, password, `?days=${days}`);
      expect(res.status, days).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const problem = (await res.json()) as { parameter: string; detail: string; allowed: string };
      expect(problem.parameter).toBe('days');
      expect(problem.detail).toContain(`"${days}"`);
      expect(problem.allowed).toContain('from 1 to 90');
    }
    expect((await get(secrets, basic('reach', 'guess'), '?days=week')).status).toBe(401);
    expect(queries).toEqual([]);
  });

  it('slows guessing: past 10 attempts a minute from one address, a 429 that compares nothing, even for the right password', async () => {
    const ip = '203.0.113.77';
    const statuses: number[] = [];
    await minuteWithTimeLeft();
    for (let i = 0; i < 30; i++) statuses.push((await get(secrets, basic('reach', `guess-${i}`), '', ip)).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
    const limited = await get(secrets, basic('reach', secrets.REACH_REPORT_PASSWORD), '', ip);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    // Another address is not held back.
    expect((await get(secrets, basic('reach', secrets.REACH_REPORT_PASSWORD), '', '203.0.113.78')).status).toBe(200);
  });

  it('counts an IPv6 client by its /64, so that changing the rest of its address buys no more guesses', async () => {
    const statuses: number[] = [];
    await minuteWithTimeLeft();
    for (let i = 0; i < 15; i++)
      statuses.push((await get(secrets, basic('reach', `guess-${i}`), '', `2001:db8:7:9::${(i + 1).toString(16)}`)).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(5).fill(429));
    expect(guessingClient(new Request('https://x/', { headers: { 'CF-Connecting-IP': '2001:DB8:0007:0009:1:2:3:4' }, cf: {} }))).toBe(
      '2001:db8:7:9::/64',
    );
  });

  it('stays closed to a request that did not come through the edge, whose address header anyone can write', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 200; i++) {
      const request = new Request('https://feeds.example/reach', {
        headers: { 'CF-Connecting-IP': `192.0.2.${i % 250}`, Authorization: basic('reach', `guess-${i}`) },
      });
      statuses.push((await app.fetch(request, testEnv(secrets))).status);
    }
    expect(new Set(statuses)).toEqual(new Set([404]));
    // Nor did those guesses count against anyone on the edge.
    expect((await get(secrets, basic('reach', secrets.REACH_REPORT_PASSWORD), '', '192.0.2.7')).status).toBe(200);
  });
});
