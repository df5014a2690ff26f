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

const ROWS: [RegExp, Record<string, unknown>[]][] = [
  [
    /AS aggregator/,
    [
      { feed: '/en/rss.xml', aggregator: 'Feedly', subscribers: 42 },
      { feed: '/en/rss.xml', aggregator: 'Inoreader', subscribers: 7 },
      { feed: '/zh/rss.xml', aggregator: 'Feedly', subscribers: 12 },
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
