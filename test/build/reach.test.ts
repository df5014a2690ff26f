/**
 * npm run reach against a LOCAL STAND-IN for the Analytics Engine SQL API, answering in the API's
 * documented format ({ meta, data, rows }); never the internet. The rows are SYNTHETIC.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClaimHour, VERIFIED_HOURS, verifyClaims } from '../../src/reach/claims';
import { subscribersPerFeed } from '../../src/reach/report';

/** `count` hours of an aggregator's polls of a feed from one network, each claiming `subscribers` (as the API returns them). */
function hours(feed: string, aggregator: string, network: number, subscribers: number, count: number) {
  return Array.from({ length: count }, (_, h) => ({
    feed,
    aggregator,
    network: String(network),
    network_name: 'Example Fetchers',
    hour: new Date(Date.UTC(2026, 11, 5, h)).toISOString().replace('T', ' ').slice(0, 19),
    subscribers: String(subscribers),
    polls: '2',
  }));
}

const ROWS: [RegExp, Record<string, unknown>[]][] = [
  [
    /AS aggregator/,
    [
      ...hours('/en/rss.xml', 'Feedly', 64500, 42, 30),
      ...hours('/en/rss.xml', 'Inoreader', 64501, 7, 20),
      ...hours('/zh/rss.xml', 'Feedly', 64500, 12, 30),
      // A forged User-Agent: one request claiming 50,000,000 from another network.
      {
        feed: '/en/rss.xml',
        aggregator: 'BazQux',
        network: '64999',
        network_name: 'Somewhere',
        hour: '2026-12-06 10:00:00',
        subscribers: '50000000',
        polls: '1',
      },
    ],
  ],
  [
    /AS family/,
    [
      { family: 'Feedly', requests: '1440' },
      { family: 'newsboat', requests: '96' },
      { family: 'browser', requests: '30' },
    ],
  ],
  [/AS partner/, [{ partner: 'www.openatom.org', requests: '812' }]],
  [/AS not_modified/, [{ feed: '/en/rss.xml', requests: '1500', not_modified: '1200' }]],
  [/AS views/, [{ page: '/zh/articles/fixture-cie-visit', views: '321' }]],
  [
    /AS day/,
    [
      { day: '2026-11-24 00:00:00', lang: 'en', requests: '700' },
      { day: '2026-11-25 00:00:00', lang: 'en', requests: '760' },
      { day: '2026-11-24 00:00:00', lang: 'zh', requests: '300' },
      { day: '2026-11-25 00:00:00', lang: 'zh', requests: '350' },
    ],
  ],
];
const received: { auth?: string; path?: string; sql: string }[] = [];
let server: Server;
let api = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    let sql = '';
    req.on('data', (d) => (sql += d));
    req.on('end', () => {
      received.push({ auth: req.headers.authorization, path: req.url, sql });
      const data = ROWS.find(([pattern]) => pattern.test(sql))?.[1] ?? [];
      res
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ meta: [], data, rows: data.length, rows_before_limit_at_least: data.length }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  api = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/client/v4`;
});
afterAll(() => server?.close());

/** Runs the CLI without blocking this process, which serves the stand-in. */
async function reach(args: string[], env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'hit-reach-'));
  const toml = `${readFileSync('test/fixtures/wrangler.toml', 'utf8')}
[env.production]
name = "hit-cie-feeds"
analytics_engine_datasets = [{ binding = "REACH", dataset = "hit_reach" }]
[env.production.vars]
SITE_URL = "https://news.example.edu"
`;
  writeFileSync(join(dir, 'wrangler.toml'), toml);
  const out = join(dir, 'report.html');
  const result = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/reach/index.ts', '--config', join(dir, 'wrangler.toml'), '--out', out, ...args],
      { encoding: 'utf8', env: { ...process.env, CLOUDFLARE_ACCOUNT_ID: '', CLOUDFLARE_API_TOKEN: '', ...env } },
      (error, stdout, stderr) => resolve({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
  return { ...result, out };
}

describe('npm run reach (against a local stand-in of the SQL API, in its documented format)', () => {
  it('prints subscribers, clients, partners, 304 share and top articles, and writes an HTML report', async () => {
    const result = await reach(['--env', 'production', '--days', '7', '--api', api], {
      CLOUDFLARE_ACCOUNT_ID: 'acc123',
      CLOUDFLARE_API_TOKEN: 'tok456',
    });
    expect(result.status, result.stderr).toBe(0);
    expect(received.every((r) => r.auth === 'Bearer tok456' && r.path === '/client/v4/accounts/acc123/analytics_engine/sql')).toBe(true);
    expect(received.every((r) => r.sql.includes('FROM hit_reach'))).toBe(true);
    expect(received.some((r) => r.sql.includes("INTERVAL '7' DAY"))).toBe(true);
    expect(result.stdout).toContain('     49  /en/rss.xml  (Feedly 42, Inoreader 7)');
    expect(result.stdout).toContain('50,000,000  /en/rss.xml  BazQux, from AS64999 Somewhere, 1 h');
    expect(result.stdout).toContain('  1,440  Feedly');
    expect(result.stdout).toContain('    812  www.openatom.org');
    expect(result.stdout).toContain('  1,500   80% 304  /en/rss.xml');
    expect(result.stdout).toContain('    321  /zh/articles/fixture-cie-visit');
    const html = readFileSync(result.out, 'utf8');
    expect(html).toContain('<svg');
    expect(html).toContain('合作网站');
    // Self-contained: nothing to load from anywhere.
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it('says in one line what is missing without credentials, reading nothing', async () => {
    const before = received.length;
    const result = await reach(['--env', 'production', '--api', api], {});
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      '✗ set CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_API_TOKEN (a token with "Account Analytics: Read"), as for wrangler; nothing was read\n',
    );
    expect(received.length).toBe(before);
  });
});

describe('subscriber figures (src/reach/claims.ts)', () => {
  // SYNTHETIC hours of a real fetcher: Feedly from one network, every hour of a day and a half, 42 subscribers.
  const fetcher = (count = 36) =>
    Array.from({ length: count }, (_, h) => ({
      feed: '/en/rss.xml',
      aggregator: 'Feedly',
      network: 64500,
      network_name: 'Example Fetchers',
      hour: `h${h}`,
      subscribers: 42,
      polls: 2,
    }));
  const figure = (rows: ClaimHour[]) => subscribersPerFeed({ claims: rows, families: [], partners: [], feeds: [], articles: [], days: [] });
  const forged = (over: Partial<ClaimHour>): ClaimHour => ({
    feed: '/en/rss.xml',
    aggregator: 'Feedly',
    network: 64999,
    network_name: 'Forger',
    hour: 'h3',
    subscribers: 50_000_000,
    polls: 1,
    ...over,
  });

  it('count a fetcher polling from one network over many hours', () => {
    expect(figure(fetcher())).toEqual([{ feed: '/en/rss.xml', total: 42, by: 'Feedly 42' }]);
  });

  it.each([
    ['one forged request from another network', [forged({})]],
    ['100 forged requests from one client in one hour', [forged({ polls: 100 })]],
    [
      '100 forged requests from the fetcher’s own network, in one hour',
      [forged({ network: 64500, polls: 100 })].map((f) => ({ ...f, hour: 'h3' })),
    ],
    ['a forged aggregator with no real polls (BazQux)', [forged({ aggregator: 'BazQux' })]],
    ['forged requests from another network every hour for eleven hours', Array.from({ length: 11 }, (_, h) => forged({ hour: `h${h}` }))],
    [
      'forged requests that did not come through Cloudflare (no network)',
      Array.from({ length: 40 }, (_, h) => forged({ network: 0, hour: `x${h}` })),
    ],
  ])('leave the figure unchanged: %s', (_name, attack) => {
    // In the fetcher's own network and hour, the forged claims join that hour's median: the data hold one row per
    // hour and network, so the forger's row stands in for that hour's.
    const rows = [...fetcher().filter((r) => !attack.some((a) => a.network === r.network && a.hour === r.hour)), ...attack];
    expect(figure(rows)).toEqual([{ feed: '/en/rss.xml', total: 42, by: 'Feedly 42' }]);
    expect(verifyClaims(rows).unverified.map((c) => c.subscribers)).not.toContain(42);
  });

  it('show every claim it does not count apart, with its network and hours', () => {
    const { verified, unverified } = verifyClaims([...fetcher(), forged({ aggregator: 'BazQux' })]);
    expect(verified.map((c) => [c.aggregator, c.network, c.hours, c.subscribers])).toEqual([['Feedly', 64500, 36, 42]]);
    expect(unverified.map((c) => [c.aggregator, c.network, c.hours, c.subscribers])).toEqual([['BazQux', 64999, 1, 50_000_000]]);
  });

  it(`need ${VERIFIED_HOURS} distinct hours: a fetcher seen for fewer is not counted yet`, () => {
    expect(figure(fetcher(VERIFIED_HOURS - 1))).toEqual([]);
    expect(figure(fetcher(VERIFIED_HOURS))).toEqual([{ feed: '/en/rss.xml', total: 42, by: 'Feedly 42' }]);
  });
});
