/** The load generator: Debian's wrk (C, epoll), pinned away from workerd's core. */
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

export interface WrkResult {
  requests: number;
  rps: number;
  /** Responses that were neither 2xx nor 3xx, plus socket errors and timeouts. */
  errors: number;
  p50Ms: number;
  p99Ms: number;
}

/** Whether wrk is installed (Debian package `wrk`; `.ci/run` installs it). */
export function hasWrk(): boolean {
  return spawnSync('wrk', ['--version']).error === undefined;
}

const ms = (text: string | undefined) => {
  const m = /([\d.]+)(us|ms|s|m)\b/.exec(text ?? '');
  if (!m) return Number.NaN;
  return Number(m[1]) * { us: 0.001, ms: 1, s: 1000, m: 60_000 }[m[2] as 'us' | 'ms' | 's' | 'm'];
};

/** The pause of each connection before each request at a fixed rate (ms). */
const PACE_MS = 10;

/** wrk's Lua hook that paces every connection. */
function pacingScript(): string {
  const file = join(tmpdir(), `wrk-pace-${PACE_MS}.lua`);
  writeFileSync(file, `function delay()\n  return ${PACE_MS}\nend\n`);
  return file;
}

/** Runs wrk against `url` for `seconds`, on every core but workerd's (the last). */
export function wrk(
  url: string,
  options: {
    threads: number;
    connections: number;
    seconds: number;
    headers?: Record<string, string>;
    /**
     * Offered requests per second, below what the server can do: each connection waits PACE_MS before each request
     * (wrk's Lua `delay()`), with as many connections as that rate needs. Then the server's CPU per request does not
     * depend on how fast the client is.
     */
    rate?: number;
  },
): Promise<WrkResult> {
  const last = cpus().length - 1;
  const cores = last > 0 ? `0-${last - 1}` : '0';
  const args = [
    '-c',
    String(cores),
    'wrk',
    '--latency',
    '-t',
    String(options.threads),
    '-c',
    String(options.rate ? Math.max(options.threads, Math.round((options.rate * PACE_MS) / 1000)) : options.connections),
    '-d',
    `${options.seconds}s`,
  ];
  if (options.rate) args.push('-s', pacingScript());
  for (const [k, v] of Object.entries(options.headers ?? {})) args.push('-H', `${k}: ${v}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn('taskset', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', () => {
      const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? Number.NaN);
      const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
      const errors =
        Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0) + (socket ? socket.slice(1).reduce((n, x) => n + Number(x), 0) : 0);
      if (Number.isNaN(requests)) return reject(new Error(`wrk failed:\n${out}`));
      resolve({
        requests,
        rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0),
        errors,
        p50Ms: ms(/50%\s+(\S+)/.exec(out)?.[1]),
        p99Ms: ms(/99%\s+(\S+)/.exec(out)?.[1]),
      });
    });
  });
}
