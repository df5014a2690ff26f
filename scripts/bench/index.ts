/**
 * npm run bench: the Worker against the fastest possible Worker, at 20, 200 and 1,000 SYNTHETIC
 * bilingual articles. Each measured run gets a fresh workerd on 127.0.0.1; rounds alternate the
 * order of targets; medians are printed with their spread. Numbers vary by machine; ratios travel.
 * Env: BENCH_SIZES=20,200,1000 BENCH_ROUNDS=3 BENCH_SECONDS=3 BENCH_CONNECTIONS=16
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { syntheticWorkspace } from './synthetic';
import { type Module, pinLoadGenerator, type RunningWorkerd, settle, startWorkerd } from './workerd';

const SIZES = (process.env.BENCH_SIZES ?? '20,200,1000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const VARS = { SITE_URL: 'http://bench.local', FEED_ITEMS: '20', WEBSUB_HUB: '' };
let nextPort = 20000 + Math.floor(Math.random() * 20000);

interface Target {
  name: string;
  path: string;
  headers?: Record<string, string>;
  expect: number;
  worker: 'ours' | 'baseline';
}

interface Sample {
  rps: number;
  p50: number;
  p99: number;
  cpuUsPerRequest: number;
  errors: number;
  peakMiB: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};
const spread = (xs: number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;

async function load(server: RunningWorkerd, target: Target, seconds: number): Promise<Sample> {
  const cpuBefore = server.cpuMs();
  const result = await autocannon({
    url: server.origin + target.path,
    headers: target.headers ?? {},
    connections: CONNECTIONS,
    duration: seconds,
  });
  const cpu = server.cpuMs() - cpuBefore;
  const total = result.requests.total;
  const statuses = result.statusCodeStats as unknown as Record<string, { count: number }>;
  const wrong = Object.entries(statuses)
    .filter(([code]) => Number(code) !== target.expect)
    .reduce((n, [, s]) => n + s.count, 0);
  return {
    rps: total / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuUsPerRequest: (cpu * 1000) / Math.max(total, 1),
    errors: result.errors + result.timeouts + wrong,
    peakMiB: server.peakMiB(),
  };
}

function modulesOf(worker: Target['worker']): Module[] {
  return worker === 'ours'
    ? [{ name: 'index.js', kind: 'esModule', file: 'index.js' }]
    : [
        { name: 'baseline.js', kind: 'esModule', file: 'baseline.js' },
        { name: 'feed.xml', kind: 'text', file: 'feed.xml' },
      ];
}

/**
 * The limit: the same RSS bytes and the same response headers (the HTTP contract every answer
 * keeps: validators, caching, CORS, security), precomputed; no routing, no parsing, no validation.
 */
function writeBaseline(dir: string, feed: string, headers: [string, string][], notModified: [string, string][]) {
  writeFileSync(join(dir, 'feed.xml'), feed);
  const etag = headers.find(([k]) => k === 'etag')?.[1] ?? '';
  writeFileSync(
    join(dir, 'baseline.js'),
    `import text from 'feed.xml';
const body = new TextEncoder().encode(text);
const headers = ${JSON.stringify(headers)};
const notModified = ${JSON.stringify(notModified)};
export default {
  fetch(request) {
    if (request.headers.get('if-none-match') === ${JSON.stringify(etag)}) return new Response(null, { status: 304, headers: notModified });
    return new Response(body, { headers });
  },
};
`,
  );
}

pinLoadGenerator();
const root = mkdtempSync(join(tmpdir(), 'hit-bench-'));
const report: string[] = [
  `Benchmark ${new Date().toISOString().slice(0, 10)}: ${ROUNDS} rounds × ${SECONDS} s, ${CONNECTIONS} connections, fresh workerd per run (SYNTHETIC content)`,
];
const targetsMet: string[] = [];
const perSize = new Map<number, Map<string, Sample[]>>();
let failures = 0;

interface Build {
  size: number;
  dist: string;
  targets: Target[];
  buildMs: number;
  bundleMs: number;
  raw: number;
  gz: number;
  samples: Map<string, Sample[]>;
  firstRequest: { cpu: number; wall: number; startup: number; rss: number }[];
  baselineFirst: { cpu: number; wall: number; startup: number; rss: number }[];
}

// 1. Build every archive size.
const builds: Build[] = [];
for (const size of SIZES) {
  const ws = syntheticWorkspace(root, size);
  const t0 = performance.now();
  const content = spawnSync('npx', ['tsx', 'scripts/build-content.ts'], { cwd: ws, encoding: 'utf8' });
  const buildMs = performance.now() - t0;
  if (content.status !== 0) throw new Error(content.stderr);
  const t1 = performance.now();
  const bundle = spawnSync('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', 'dist'], {
    cwd: ws,
    encoding: 'utf8',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  });
  const bundleMs = performance.now() - t1;
  if (bundle.status !== 0) throw new Error(bundle.stdout + bundle.stderr);
  const dist = join(ws, 'dist');
  const js = Buffer.concat(
    readdirSync(dist)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(dist, f))),
  );

  // The baseline serves exactly what our Worker serves at /en/rss.xml.
  const probe = await startWorkerd(dist, nextPort++, modulesOf('ours'), VARS);
  const feedRes = await fetch(`${probe.origin}/en/rss.xml`);
  const feed = await feedRes.text();
  const etag = feedRes.headers.get('etag') ?? '';
  const notModifiedRes = await fetch(`${probe.origin}/en/rss.xml`, { headers: { 'if-none-match': etag } });
  await probe.stop();
  const skip = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);
  const headerList = (h: Headers) => [...h].filter(([k]) => !skip.has(k)) as [string, string][];
  writeBaseline(dist, feed, headerList(feedRes.headers), headerList(notModifiedRes.headers));

  const targets: Target[] = [
    { name: 'baseline 200', path: '/', expect: 200, worker: 'baseline' },
    { name: 'RSS', path: '/en/rss.xml', expect: 200, worker: 'ours' },
    { name: 'Atom', path: '/en/atom.xml', expect: 200, worker: 'ours' },
    { name: 'JSON Feed', path: '/en/feed.json', expect: 200, worker: 'ours' },
    { name: 'page /en/', path: '/en/', expect: 200, worker: 'ours' },
    { name: 'baseline 304', path: '/', headers: { 'if-none-match': etag }, expect: 304, worker: 'baseline' },
    { name: '304 (RSS)', path: '/en/rss.xml', headers: { 'if-none-match': etag }, expect: 304, worker: 'ours' },
  ];
  builds.push({
    size,
    dist,
    targets,
    buildMs,
    bundleMs,
    raw: js.byteLength,
    gz: gzipSync(js, { level: 9 }).byteLength,
    samples: new Map(targets.map((t) => [t.name, []])),
    firstRequest: [],
    baselineFirst: [],
  });
}

// 2. Measure: every round visits every size and target, in alternating orders, so that drift of the
// machine during the run spreads over all of them instead of favouring the ones measured first.
for (let round = 0; round < ROUNDS; round++) {
  for (const build of round % 2 === 0 ? builds : [...builds].reverse()) {
    for (const target of round % 2 === 0 ? build.targets : [...build.targets].reverse()) {
      const server = await startWorkerd(build.dist, nextPort++, modulesOf(target.worker), VARS);
      if (target.name === 'RSS' || target.name === 'baseline 200') {
        // Start-up (module evaluation) is its own budget on Cloudflare; measure the request after it.
        const startup = await settle(server);
        const rss = server.residentMiB();
        const cpu0 = server.cpuMs();
        const w0 = performance.now();
        await (await fetch(server.origin + target.path)).arrayBuffer();
        (target.worker === 'ours' ? build.firstRequest : build.baselineFirst).push({
          cpu: server.cpuMs() - cpu0,
          wall: performance.now() - w0,
          startup,
          rss,
        });
      }
      await load(server, target, 1); // warm-up
      const sample = await load(server, target, SECONDS);
      failures += sample.errors;
      build.samples.get(target.name)?.push(sample);
      await server.stop();
    }
  }
}

// 3. Report.
for (const { size, targets, samples, buildMs, bundleMs, raw, gz, firstRequest, baselineFirst } of builds) {
  perSize.set(size, samples);
  const base = (name: string) => median((samples.get(name) ?? []).map((s) => s.rps));
  report.push(
    '',
    `== ${size} bilingual articles: content build ${(buildMs / 1000).toFixed(2)} s, deploy dry-run ${(bundleMs / 1000).toFixed(1)} s, bundle ${(raw / 1024).toFixed(0)} KiB raw / ${(gz / 1024).toFixed(0)} KiB gzipped`,
  );
  report.push('target          req/s (spread)        ×baseline  p50 ms  p99 ms  CPU µs/req  errors');
  for (const target of targets) {
    const list = samples.get(target.name) ?? [];
    const rps = list.map((s) => s.rps);
    const ratio = median(rps) / base(target.headers ? 'baseline 304' : 'baseline 200');
    report.push(
      `${target.name.padEnd(15)} ${median(rps).toFixed(0).padStart(6)} (${spread(rps)})`.padEnd(38) +
        `${ratio.toFixed(2).padStart(6)}  ${median(list.map((s) => s.p50))
          .toFixed(0)
          .padStart(6)}  ${median(list.map((s) => s.p99))
          .toFixed(0)
          .padStart(6)}  ${median(list.map((s) => s.cpuUsPerRequest))
          .toFixed(0)
          .padStart(10)}  ${list.reduce((n, s) => n + s.errors, 0)}`,
    );
    if (target.worker === 'ours' && target.name !== 'page /en/') {
      targetsMet.push(`${ratio >= 0.9 ? '✓' : '✗'} ${size} articles, ${target.name}: ${ratio.toFixed(2)}× baseline (target ≥ 0.9)`);
    }
  }
  const peak = Math.max(
    ...targets
      .filter((t) => t.worker === 'ours')
      .flatMap((t) => samples.get(t.name) ?? [])
      .map((s) => s.peakMiB),
  );
  report.push(
    `start-up CPU of workerd until idle: ours ${median(firstRequest.map((f) => f.startup)).toFixed(0)} ms, baseline ${median(baselineFirst.map((f) => f.startup)).toFixed(0)} ms`,
    `first request of a fresh isolate (workerd process CPU, all threads): ours ${median(firstRequest.map((f) => f.cpu)).toFixed(1)} ms (${firstRequest.map((f) => f.cpu.toFixed(1)).join(', ')}), baseline ${median(baselineFirst.map((f) => f.cpu)).toFixed(1)} ms; wall ${median(firstRequest.map((f) => f.wall)).toFixed(1)} ms vs ${median(baselineFirst.map((f) => f.wall)).toFixed(1)} ms`,
    `workerd resident memory after start-up: ours ${median(firstRequest.map((f) => f.rss)).toFixed(0)} MiB, baseline ${median(baselineFirst.map((f) => f.rss)).toFixed(0)} MiB (the difference is our isolate's script and heap); peak under load: ours ${peak.toFixed(0)} MiB, baseline ${Math.max(...(samples.get('baseline 200') ?? []).map((s) => s.peakMiB)).toFixed(0)} MiB`,
  );
  if (size === Math.max(...SIZES)) {
    const first = median(firstRequest.map((f) => f.cpu));
    targetsMet.push(
      `${first < 10 ? '✓' : '✗'} ${size} articles, first request of a fresh isolate ${first.toFixed(1)} ms CPU, workerd included (target < 10 ms)`,
    );
    targetsMet.push(`${buildMs < 5000 ? '✓' : '✗'} ${size} articles, content build ${(buildMs / 1000).toFixed(2)} s (target < 5 s)`);
    targetsMet.push(
      `${gz < 3 * 1024 * 1024 ? '✓' : '✗'} ${size} articles, bundle ${(gz / 1024 / 1024).toFixed(2)} MiB gzipped (target < 3 MiB)`,
    );
  }
}

const smallest = perSize.get(Math.min(...SIZES));
const largest = perSize.get(Math.max(...SIZES));
if (smallest && largest && smallest !== largest) {
  for (const name of ['RSS', 'Atom', 'JSON Feed']) {
    const ratio = median((largest.get(name) ?? []).map((s) => s.rps)) / median((smallest.get(name) ?? []).map((s) => s.rps));
    targetsMet.push(
      `${ratio >= 0.9 ? '✓' : '✗'} ${name} at ${Math.max(...SIZES)} articles: ${ratio.toFixed(2)}× its rate at ${Math.min(...SIZES)} (target within 10%)`,
    );
  }
}
report.push('', 'Targets:', ...targetsMet);
console.log(report.join('\n'));
rmSync(root, { recursive: true, force: true });
if (failures > 0) {
  console.error(`✗ ${failures} requests failed or answered an unexpected status`);
  process.exit(1);
}
