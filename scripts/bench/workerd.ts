/** Runs a Worker bundle straight in workerd (no wrangler proxy) and reads its CPU and memory. */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../free-port';

export const WORKERD = resolve('node_modules/workerd/bin/workerd');
const LAST_CPU = cpus().length - 1;

/**
 * V8 sized like an isolate on Cloudflare, which holds each to 128 MB of memory ("a per-isolate limit":
 * developers.cloudflare.com/workers/platform/limits/#memory). workerd alone sets no isolate limit
 * (cloudflare/workerd#6824): V8 then grows its young generation as if it had gigabytes, each response's body
 * copies (held by its Response until V8 collects it) pile up between collections, the process grows by hundreds
 * of MB under load, and every request writes into fresh pages. Page faults then decide the bench (measured on
 * this VM: 1–11 faults per request, 160–520 µs of CPU for the same Worker, varying run to run; with this flag
 * 0.3–3.4 faults and a process of 300–400 MB). `--max-heap-size` sizes both generations the way V8 sizes a
 * heap of that total. BENCH_V8_FLAGS replaces it (empty: workerd's defaults).
 */
export const ISOLATE_V8_FLAGS = (process.env.BENCH_V8_FLAGS ?? '--max-heap-size=128').split(' ').filter(Boolean);

export interface Module {
  name: string;
  kind: 'esModule' | 'text' | 'json';
  file: string;
}

/** Our Worker, as `wrangler deploy` bundles it into `dir`: index.js and its text modules (the content, *.txt). */
export function ours(dir: string): Module[] {
  const texts = readdirSync(dir).filter((f) => f.endsWith('.txt'));
  return [{ name: 'index.js', kind: 'esModule', file: 'index.js' }, ...texts.map((f) => ({ name: f, kind: 'text' as const, file: f }))];
}

/**
 * Ports for the bench's servers, one after another from a random start below Linux's ephemeral range (32768–60999),
 * where closed connections linger in TIME_WAIT and a port just closed could be handed out again; 10080, which
 * fetch() refuses (an unsafe port in the Fetch standard), is skipped.
 */
export function portSequence(): () => number {
  let port = 10000 + Math.floor(Math.random() * 20000);
  return () => {
    if (port === 10080) port++;
    return port++;
  };
}

/** The vars the bench and the profiler run the Worker with. */
export const BENCH_VARS = { SITE_URL: 'http://bench.local', FEED_ITEMS: '20', WEBSUB_HUB: '' };

/** V8's collections so far (from `--trace-gc`): full ones (mark-compact) and young ones (scavenges), with their pauses. */
export interface GcTotals {
  full: number;
  fullMs: number;
  young: number;
  youngMs: number;
}

export interface RunningWorkerd {
  origin: string;
  pid: number;
  /** Present when started with `traceGc`. */
  gc?: () => GcTotals;
  /** CPU time of all workerd threads so far, in milliseconds (ns resolution, from schedstat). */
  cpuMs(): number;
  /**
   * CPU time of workerd's main thread alone, which runs the isolate (JavaScript, and the pauses of V8's collector),
   * without V8's helper threads (parallel marking, concurrent sweeping) and workerd's others.
   */
  mainThreadCpuMs(): number;
  /** Resident memory now, in MiB (VmRSS). */
  residentMiB(): number;
  /** Minor page faults of the process so far (pages it touched for the first time). */
  minorFaults(): number;
  stop(): Promise<void>;
}

/** Waits until workerd has finished starting (its CPU time stops growing); returns that CPU time in ms. */
export async function settle(server: RunningWorkerd): Promise<number> {
  let quiet = 0;
  let last = server.cpuMs();
  while (quiet < 3) {
    await new Promise((r) => setTimeout(r, 50));
    const now = server.cpuMs();
    quiet = now - last < 0.3 ? quiet + 1 : 0;
    last = now;
  }
  return last;
}

/**
 * Writes a workerd config for `modules` in `dir` and serves it on 127.0.0.1:port. With `reach: 'workerd'`, the
 * Worker gets a REACH binding that is workerd's own Analytics Engine binding (experimental in workerd): each data
 * point goes as an HTTP request to a local sink service that counts them (read on `reachCountPort`). Locally that
 * forwarding halved the bench's throughput (measured), while Cloudflare hands points to its pipeline outside the
 * isolate, so the bench uses `reach: 'stand-in'`: a JS object with `writeDataPoint` (a wrapped binding), which measures what the
 * Worker's own code does per request.
 */
export async function startWorkerd(
  dir: string,
  port: number,
  modules: Module[],
  vars: Record<string, string>,
  options: {
    reach?: 'workerd' | 'stand-in';
    reachCountPort?: number | undefined;
    v8Flags?: string[];
    /** Opens workerd's inspector (Chrome DevTools protocol) on 127.0.0.1 at this port. */
    inspectorPort?: number;
    /**
     * An ARCHIVE binding (D1's `prepare().bind().all()`) backed by a second Worker, "archive", serving the rows in
     * `dir` (archive-binding.js, archive-store.js, archive-rows.json: scripts/bench/scale.ts writes them) from a
     * workerd process of its own listening on 127.0.0.1 at this port (to be warmed up before a measurement).
     */
    archiveStandIn?: number;
    /**
     * Serves a binary that `workerd compile` made from the config, as a deployed Worker starts: from modules already
     * encoded, not from a text config whose embedded files workerd reads and parses first (for a 12.9 MB text module,
     * 60 ms of CPU that no deployed isolate spends: docs/performance.md). For measuring start-up.
     */
    compiled?: boolean;
    /** Runs V8 with `--trace-gc` and counts its collections from workerd's stdout (`gc()` on the result). */
    traceGc?: boolean;
  } = {},
): Promise<RunningWorkerd> {
  const v8Flags = [...(options.v8Flags ?? ISOLATE_V8_FLAGS), ...(options.traceGc ? ['--trace-gc'] : [])];
  const bindings = Object.entries(vars).map(([k, v]) => `(name = "${k}", text = "${v}")`);
  if (options.reach === 'stand-in') {
    bindings.push('(name = "REACH", wrapped = (moduleName = "reach:stand-in"))');
    writeFileSync(
      join(dir, 'reach-stand-in.js'),
      'export default function () { let points = 0; return { writeDataPoint() { points++; } }; }\n',
    );
  }
  if (options.reach === 'workerd') {
    bindings.push('(name = "REACH", analyticsEngine = "reach-sink")');
    // Counts what it receives; a GET (on reachCountPort) answers the count.
    writeFileSync(
      join(dir, 'reach-sink.js'),
      "let n = 0;\nexport default { fetch(r) { if (r.method === 'GET') return new Response(String(n)); n++; return new Response(null, { status: 204 }); } };\n",
    );
  }
  const internal: string[] = [];
  if (options.reach === 'stand-in') internal.push('(name = "reach:stand-in", esModule = embed "reach-stand-in.js", internal = true)');
  if (options.archiveStandIn) {
    bindings.push(
      '(name = "ARCHIVE", wrapped = (moduleName = "archive:binding", innerBindings = [(name = "store", service = "archive")]))',
    );
    internal.push('(name = "archive:binding", esModule = embed "archive-binding.js", internal = true)');
  }
  const extensions = internal.length > 0 ? `\n  extensions = [(modules = [${internal.join(', ')}])],` : '';
  let sink =
    options.reach === 'workerd'
      ? `, (name = "reach-sink", worker = (modules = [(name = "reach-sink.js", esModule = embed "reach-sink.js")], compatibilityDate = "2026-11-01"))`
      : '';
  // The D1 stand-in runs in a workerd of its own, reached over loopback: the CPU it spends answering is not counted
  // with ours (D1's is not billed to the Worker on Cloudflare), nor is the memory of its rows.
  const store = options.archiveStandIn
    ? await startWorkerd(
        dir,
        options.archiveStandIn,
        [
          { name: 'archive-store.js', kind: 'esModule', file: 'archive-store.js' },
          { name: 'archive-rows.json', kind: 'json', file: 'archive-rows.json' },
        ],
        {},
        { v8Flags: [] },
      )
    : undefined;
  if (store) sink += `, (name = "archive", external = (address = "${new URL(store.origin).host}", http = ()))`;
  const config = `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .worker)${sink}],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")${
    options.reachCountPort
      ? `, (name = "reach-count", address = "127.0.0.1:${options.reachCountPort}", http = (), service = "reach-sink")`
      : ''
  }],${extensions}${v8Flags.length > 0 ? `\n  v8Flags = ${JSON.stringify(v8Flags)},` : ''}
);
const worker :Workerd.Worker = (
  modules = [${modules.map((m) => `(name = "${m.name}", ${m.kind} = embed "${m.file}")`).join(', ')}],
  compatibilityDate = "2026-11-01",
  bindings = [${bindings.join(', ')}],
);
`;
  const file = join(dir, `bench-${port}.capnp`);
  writeFileSync(file, config);
  const binary = options.compiled ? `${file}.bin` : undefined;
  // A compiled binary holds all of workerd (~150 MB): removed when the process stops or fails to start.
  const removeBinary = () => binary && rmSync(binary, { force: true });
  if (binary) {
    const out = openSync(binary, 'w');
    const compile = spawnSync(WORKERD, ['compile', file], { stdio: ['ignore', out, 'pipe'], encoding: 'utf8' });
    closeSync(out);
    if (compile.status !== 0) throw new Error(`workerd compile failed: ${compile.stderr}`);
    chmodSync(binary, 0o755);
  }
  // Pinned to the last core, away from the load generator (wrk runs on the others): less noise on 2 cores.
  const args = [
    '-c',
    String(LAST_CPU),
    ...(binary ? [binary] : [WORKERD, 'serve', ...(options.reach === 'workerd' ? ['--experimental'] : []), file]),
  ];
  if (options.inspectorPort) args.push('--inspector-addr', `127.0.0.1:${options.inspectorPort}`);
  // WORKERD_STDOUT=file keeps what workerd prints (V8's --trace-gc, say) for a diagnosis, line by line: stopped with
  // SIGTERM, workerd would lose what it had not flushed.
  // A GC trace is read through a pipe, line-buffered (stdbuf) so that each collection is counted when it happens.
  const stdout = options.traceGc ? 'pipe' : process.env.WORKERD_STDOUT ? openSync(process.env.WORKERD_STDOUT, 'a') : 'ignore';
  const child: ChildProcess =
    stdout === 'ignore'
      ? spawn('taskset', args, { stdio: ['ignore', stdout, 'pipe'] })
      : spawn('stdbuf', ['-oL', 'taskset', ...args], { stdio: ['ignore', stdout, 'pipe'] });
  if (typeof stdout === 'number') closeSync(stdout);
  const gc = options.traceGc ? countCollections(child) : undefined;
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    // A TCP connect, not a request: the first request is measured by the caller.
    const listening = await new Promise<boolean>((r) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        r(true);
      });
      socket.on('error', () => r(false));
    });
    if (listening) break;
    // Another socket took the port since it was chosen: start again on one the system says is free.
    if (child.exitCode !== null && stderr.includes('Address already in use')) {
      removeBinary();
      return startWorkerd(dir, await freePort(), modules, vars, options);
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      removeBinary();
      throw new Error(`workerd did not start: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const pid = child.pid ?? 0;
  return {
    origin,
    pid,
    ...(gc ? { gc: () => ({ ...gc }) } : {}),
    cpuMs: () =>
      readdirSync(`/proc/${pid}/task`).reduce((sum, task) => {
        try {
          return sum + Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
        } catch {
          return sum;
        }
      }, 0),
    mainThreadCpuMs: () => Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6,
    minorFaults: () => Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[7] ?? 0),
    residentMiB: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024,
    stop: async () => {
      await new Promise<void>((r) => {
        if (child.exitCode !== null || child.signalCode !== null) return r();
        child.once('exit', () => r());
        child.kill('SIGTERM');
      });
      await store?.stop();
      removeBinary();
    },
  };
}

// One line of V8's --trace-gc: "[pid:isolate]  4183 ms: Scavenge 14.8 (19.2) -> 14.0 (20.7) MB, pooled: 0.0 MB, 17.50 / 0.00 ms (...".
const GC_LINE = /ms: (Scavenge|Minor Mark-Sweep|Mark-Compact|Mark-Sweep)\b.*? MB, (?:pooled: [\d.]+ MB, )?([\d.]+) \/ [\d.]+ ms/;

/** Totals of the collections a traced workerd reports on its stdout, kept up to date as its lines arrive. */
function countCollections(child: ChildProcess): GcTotals {
  const totals: GcTotals = { full: 0, fullMs: 0, young: 0, youngMs: 0 };
  let pending = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const m = GC_LINE.exec(line);
      if (!m) continue;
      const young = m[1] === 'Scavenge' || m[1] === 'Minor Mark-Sweep';
      totals[young ? 'young' : 'full']++;
      totals[young ? 'youngMs' : 'fullMs'] += Number(m[2]);
    }
  });
  return totals;
}
