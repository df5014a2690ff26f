/**
 * npm run load: the built Worker in workerd on 127.0.0.1, driven by autocannon for a bounded time
 * over a mix of feeds, pages, 304s and 404s. Exits 1 on any error or 5xx.
 * The Worker has its REACH binding (workerd's Analytics Engine binding, writing to a local sink that counts the
 * data points), as in production with statistics on; LOAD_REACH=0 runs it without.
 * Env: LOAD_SECONDS=10 LOAD_CONNECTIONS=32 LOAD_REACH=1
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { ours, settle, startWorkerd } from './bench/workerd';
import { dryRunBundle } from './dry-run';
import { freePort } from './free-port';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 32);
const REACH = process.env.LOAD_REACH !== '0';

const outdir = mkdtempSync(join(tmpdir(), 'hit-load-'));
dryRunBundle(outdir);
const countPort = await freePort();
const server = await startWorkerd(
  outdir,
  await freePort(),
  ours(outdir),
  { SITE_URL: '', FEED_ITEMS: '20', WEBSUB_HUB: '' },
  REACH ? { reach: 'workerd', reachCountPort: countPort } : {},
);
await settle(server);
const etag = (await fetch(`${server.origin}/zh/rss.xml`)).headers.get('etag') ?? '';
// Whatever content/ holds: the newest Chinese article, or the index when there is none.
const newest = ((await (await fetch(`${server.origin}/zh/feed.json?limit=1`)).json()) as { items: { url: string }[] }).items[0];
const articlePath = newest ? new URL(newest.url).pathname : '/zh/';

const mix = [
  { path: '/zh/rss.xml' },
  { path: '/en/atom.xml' },
  { path: '/en/feed.json' },
  { path: '/zh/feed.json?limit=5' },
  { path: '/en/tags/open-source/rss.xml' },
  { path: '/en/feed.json?since=2025-01-01T00:00:00Z' },
  { path: '/' },
  { path: '/en/' },
  { path: articlePath },
  { path: '/zh/rss.xml', headers: { 'if-none-match': etag } },
  { path: '/zh/rss.xml', headers: { 'if-none-match': etag } },
  { path: '/no/such/page' },
  { path: '/en/feed.json?limit=0' },
].map((r) => ({ method: 'GET' as const, ...r }));

const result = await autocannon({ url: server.origin, connections: CONNECTIONS, duration: SECONDS, requests: mix });
const cpu = server.cpuMs();
// Data points are written after each answer; give the last ones a moment to arrive.
await new Promise((r) => setTimeout(r, 500));
const points = REACH ? Number(await (await fetch(`http://127.0.0.1:${countPort}/`)).text()) : 0;
await server.stop();
rmSync(outdir, { recursive: true, force: true });

const statuses = result.statusCodeStats as unknown as Record<string, { count: number }>;
const serverErrors = Object.entries(statuses)
  .filter(([code]) => Number(code) >= 500)
  .reduce((n, [, s]) => n + s.count, 0);
const failed = result.errors + result.timeouts + serverErrors;
console.log(
  `Load: ${SECONDS} s, ${CONNECTIONS} connections, ${mix.length} request kinds (feeds, pages, 304, 404, 400) against workerd on 127.0.0.1`,
);
console.log(`  requests  ${result.requests.total} (${(result.requests.total / SECONDS).toFixed(0)}/s)`);
console.log(`  latency   p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
console.log(
  `  statuses  ${Object.entries(statuses)
    .map(([code, s]) => `${code}: ${s.count}`)
    .join(', ')}`,
);
console.log(`  errors    ${result.errors} connection errors, ${result.timeouts} timeouts, ${serverErrors} 5xx`);
console.log(
  REACH
    ? `  reach     ${points} data points written through the REACH binding (feeds, article pages and embeds count; 404s and indexes do not)`
    : '  reach     binding off (LOAD_REACH=0)',
);
console.log(
  `  workerd   ${cpu.toFixed(0)} ms CPU in all (${((cpu * 1000) / Math.max(result.requests.total, 1)).toFixed(0)} µs a request, start-up included)`,
);
if (failed > 0) {
  console.error(`✗ ${failed} failed requests`);
  process.exit(1);
}
console.log('✓ no errors, no 5xx');
