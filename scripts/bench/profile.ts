/**
 * npm run bench:profile [-- /en/rss.xml]: where the Worker's CPU goes on one URL under load. Builds the deployable
 * bundle over the repository's content, runs it in workerd with its inspector on 127.0.0.1, drives it with wrk
 * for a few seconds while V8's sampling profiler records, then prints the functions with the most self time
 * (and writes the .cpuprofile, which Chrome DevTools opens).
 * Env: PROFILE_SECONDS=4 PROFILE_IF_NONE_MATCH=1 (send the ETag back: profile the 304 path)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dryRunBundle } from '../dry-run';
import { freePort } from '../free-port';
import { WORKERD } from './workerd';
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
const dir = mkdtempSync(join(tmpdir(), 'hit-profile-'));
// Not minified, so that the profile names functions as the sources do.
dryRunBundle(dir, { minify: false, cards: false });

const [port, inspector] = [await freePort(), await freePort()];
writeFileSync(
  join(dir, 'profile.capnp'),
  `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = (modules = [(name = "index.js", esModule = embed "index.js")], compatibilityDate = "2026-11-01",
    bindings = [(name = "SITE_URL", text = "http://bench.local"), (name = "FEED_ITEMS", text = "20"), (name = "WEBSUB_HUB", text = "")]))],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
`,
);
const server = spawn(WORKERD, ['serve', '--inspector-addr', `127.0.0.1:${inspector}`, join(dir, 'profile.capnp')], { stdio: 'ignore' });
try {
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(origin + path)).ok) break;
    } catch {
      if (i > 200) throw new Error('workerd did not start');
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const etag = (await fetch(origin + path)).headers.get('etag') ?? '';
  const targets = (await (await fetch(`http://127.0.0.1:${inspector}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
  const socket = new WebSocket(targets[0]?.webSocketDebuggerUrl ?? '');
  await new Promise((r) => socket.addEventListener('open', r, { once: true }));
  let id = 0;
  const pending = new Map<number, (result: unknown) => void>();
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
  });
  const send = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<unknown>((resolve) => {
      pending.set(++id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    });
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: 50 });
  await send('Profiler.start');
  const headers = process.env.PROFILE_IF_NONE_MATCH === '1' ? { 'If-None-Match': etag } : undefined;
  const load = await wrk(origin + path, { threads: 1, connections: 16, seconds, ...(headers ? { headers } : {}) });
  const { profile } = (await send('Profiler.stop')) as { profile: Profile };
  socket.close();
  writeFileSync('worker.cpuprofile', JSON.stringify(profile));

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
  const requests = load.requests;
  console.log(`${path}${headers ? ' (304)' : ''}: ${requests} requests in ${seconds} s (${(requests / seconds).toFixed(0)}/s)`);
  console.log(`JavaScript profile: ${(total / 1000).toFixed(0)} ms sampled; self time per request by function:`);
  for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`  ${(us / requests).toFixed(2).padStart(7)} µs  ${((us / total) * 100).toFixed(1).padStart(5)} %  ${name}`);
  }
  console.log('(worker.cpuprofile written: open it in Chrome DevTools › Performance)');
} finally {
  server.kill('SIGTERM');
}
