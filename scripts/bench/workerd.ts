/** Runs a Worker bundle straight in workerd (no wrangler proxy) and reads its CPU and memory. */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';

export const WORKERD = resolve('node_modules/workerd/bin/workerd');
const LAST_CPU = cpus().length - 1;

/** Pins this process (the load generator) to the other cores than workerd's. */
export function pinLoadGenerator(): void {
  if (LAST_CPU > 0) spawnSync('taskset', ['-p', '-c', `0-${LAST_CPU - 1}`, String(process.pid)], { stdio: 'ignore' });
}

export interface Module {
  name: string;
  kind: 'esModule' | 'text';
  file: string;
}

export interface RunningWorkerd {
  origin: string;
  pid: number;
  /** CPU time of all workerd threads so far, in milliseconds (ns resolution, from schedstat). */
  cpuMs(): number;
  /** Peak resident memory, in MiB (VmHWM). */
  peakMiB(): number;
  /** Resident memory now, in MiB (VmRSS). */
  residentMiB(): number;
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

/** Writes a workerd config for `modules` in `dir` and serves it on 127.0.0.1:port. */
export async function startWorkerd(dir: string, port: number, modules: Module[], vars: Record<string, string>): Promise<RunningWorkerd> {
  const config = `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .worker)],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [${modules.map((m) => `(name = "${m.name}", ${m.kind} = embed "${m.file}")`).join(', ')}],
  compatibilityDate = "2026-11-01",
  bindings = [${Object.entries(vars)
    .map(([k, v]) => `(name = "${k}", text = "${v}")`)
    .join(', ')}],
);
`;
  const file = join(dir, `bench-${port}.capnp`);
  writeFileSync(file, config);
  // Pinned to the last core, away from the load generator (see pinLoadGenerator): less noise on 2 cores.
  const child: ChildProcess = spawn('taskset', ['-c', String(LAST_CPU), WORKERD, 'serve', file], { stdio: ['ignore', 'ignore', 'pipe'] });
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
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`workerd did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const pid = child.pid ?? 0;
  return {
    origin,
    pid,
    cpuMs: () =>
      readdirSync(`/proc/${pid}/task`).reduce((sum, task) => {
        try {
          return sum + Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
        } catch {
          return sum;
        }
      }, 0),
    peakMiB: () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024,
    residentMiB: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024,
    stop: () =>
      new Promise((r) => {
        child.once('exit', () => r());
        child.kill('SIGTERM');
      }),
  };
}
