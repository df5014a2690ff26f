/**
 * npm run bench:profile [-- /en/rss.xml]: where the Worker's CPU goes on one URL under load. Builds the deployable
 * bundle (unminified, so that functions keep their names) over the repository's content or over
 * PROFILE_ARTICLES synthetic articles, runs it in workerd (V8 sized as in the bench) with its inspector on
 * 127.0.0.1, drives it with wrk for a few seconds while V8's sampling profiler records, then prints the functions
 * with the most self time, and the process's CPU and page faults per request (which the JavaScript profile does
 * not see: copies, sockets, the allocator). With PROFILE_BASELINE=1 the bench's limit (the same bytes and headers
 * from a Map keyed by pathname, baseline.ts) is profiled the same way right after, to compare. Writes
 * `worker.cpuprofile` (and `baseline.cpuprofile`), which Chrome DevTools opens.
 * With PROFILE_FIRST=N it profiles first renders instead: N requests, each for a view not rendered before (the path's
 * `limit` counted down from 100: /en/rss.xml?limit=100, ?limit=99, ...), one at a time.
 * Env: PROFILE_SECONDS=4 PROFILE_IF_NONE_MATCH=1 (send the ETag back: profile the 304 path) PROFILE_ARTICLES=1000
 * PROFILE_BASELINE=1 PROFILE_REACH=1 (ours with the REACH stand-in, as the bench runs it) BENCH_V8_FLAGS
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dryRunBundle } from '../dry-run';
import { freePort } from '../free-port';
import { writeLimit } from './baseline';
import { inspect } from './inspector';
import { syntheticWorkspace } from './synthetic';
import { BENCH_VARS, type Module, ours, settle, startWorkerd } from './workerd';
import { wrk } from './wrk';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const path = process.argv[2] ?? '/en/rss.xml';
const seconds = Number(process.env.PROFILE_SECONDS ?? 4);
const articles = process.env.PROFILE_ARTICLES ? Number(process.env.PROFILE_ARTICLES) : undefined;
const VARS = BENCH_VARS;
const root = mkdtempSync(join(tmpdir(), 'hit-profile-'));
const dir = join(root, 'dist');
dryRunBundle(dir, { minify: false, cards: false, ...(articles ? { cwd: syntheticWorkspace(root, articles) } : {}) });

/** PROFILE_FIRST: `n` views of the path never rendered before, one at a time (its limit counted down from 100). */
async function firstRenders(origin: string, n: number): Promise<{ requests: number }> {
  const url = new URL(path, origin);
  for (let i = 0; i < n; i++) {
    url.searchParams.set('limit', String(100 - (i % 100)));
    await (await fetch(url)).arrayBuffer();
  }
  return { requests: n };
}

/** Runs `modules` under wrk with the profiler on; prints self time per request by function. */
async function profileOf(label: string, modules: Module[], file: string, etag?: string, reach = false): Promise<string> {
  const inspectorPort = await freePort();
  const server = await startWorkerd(dir, await freePort(), modules, VARS, {
    inspectorPort,
    ...(reach ? { reach: 'stand-in' as const } : {}),
  });
  try {
    await (await fetch(server.origin + path)).arrayBuffer();
    const currentEtag = etag ?? (await fetch(server.origin + path)).headers.get('etag') ?? '';
    await settle(server);
    const session = await inspect(inspectorPort);
    const send = session.send;
    await send('Profiler.enable');
    await send('Profiler.setSamplingInterval', { interval: 50 });
    await send('Profiler.start');
    const headers = process.env.PROFILE_IF_NONE_MATCH === '1' ? { 'If-None-Match': currentEtag } : undefined;
    const [cpu0, faults0] = [server.cpuMs(), server.minorFaults()];
    const first = Number(process.env.PROFILE_FIRST ?? 0);
    const load =
      first > 0
        ? await firstRenders(server.origin, first)
        : await wrk(server.origin + path, { threads: 1, connections: 16, seconds, ...(headers ? { headers } : {}) });
    const [cpu, faults] = [server.cpuMs() - cpu0, server.minorFaults() - faults0];
    const { profile } = (await send('Profiler.stop')) as { profile: Profile };
    session.close();
    writeFileSync(file, JSON.stringify(profile));

    // Self time per function: each sample's time goes to the function on top of the stack.
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    profile.samples.forEach((nodeId, i) => {
      const frame = byId.get(nodeId)?.callFrame;
      const name = frame
        ? `${frame.functionName || '(anonymous)'} ${frame.url ? `${frame.url.split('/').pop()}:${frame.lineNumber + 1}` : ''}`
        : '?';
      self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0));
    });
    const total = [...self.values()].reduce((a, b) => a + b, 0);
    const requests = Math.max(load.requests, 1);
    console.log(
      `\n${label}, ${path}${headers ? ' (304)' : ''}: ${load.requests} requests in ${seconds} s (${(load.requests / seconds).toFixed(0)}/s); ` +
        `workerd ${((cpu * 1000) / requests).toFixed(0)} µs CPU and ${(faults / requests).toFixed(2)} page faults per request, ${server.residentMiB().toFixed(0)} MiB resident`,
    );
    console.log(`JavaScript profile: ${(total / 1000).toFixed(0)} ms sampled; self time per request by function:`);
    for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
      console.log(`  ${(us / requests).toFixed(2).padStart(7)} µs  ${((us / total) * 100).toFixed(1).padStart(5)} %  ${name}`);
    }
    console.log(`(${file} written: open it in Chrome DevTools › Performance)`);
    return currentEtag;
  } finally {
    await server.stop();
  }
}

try {
  const reach = process.env.PROFILE_REACH === '1';
  const label = `ours${articles ? ` (${articles} SYNTHETIC articles)` : ''}${reach ? ' with the REACH stand-in' : ''}`;
  const etag = await profileOf(label, ours(dir), 'worker.cpuprofile', undefined, reach);
  if (process.env.PROFILE_BASELINE === '1') {
    const probe = await startWorkerd(dir, await freePort(), ours(dir), VARS);
    const { modules } = await writeLimit(probe.origin, [path], dir, 'limit').finally(() => probe.stop());
    await profileOf('the limit (same bytes and headers, a Map keyed by pathname)', modules, 'baseline.cpuprofile', etag);
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
