/** Starts the Worker locally (wrangler dev, workerd inside) on a free 127.0.0.1 port for e2e tests. */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { freePort } from '../../scripts/free-port';
import { projectWorkspace } from '../../scripts/workspace';

export interface RunningWorker {
  origin: string;
  stop: () => Promise<void>;
}

export { freePort };

/**
 * `wrangler dev` in `cwd` (the repository, or a workspace copy with other content), ready when it answers. The port
 * is free when chosen, but wrangler binds it only after the build (seconds later), when another process may have
 * taken it: then it starts again on another port (up to three times).
 */
export async function startWorker(vars: Record<string, string> = {}, cwd = process.cwd(), attempt = 1): Promise<RunningWorker> {
  const port = await freePort();
  const args = ['wrangler', 'dev', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(await freePort())];
  for (const [k, v] of Object.entries(vars)) args.push('--var', `${k}:${v}`);
  const child: ChildProcess = spawn('npx', args, {
    cwd,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', BROWSER: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${origin}/robots.txt`)).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null && log.includes('Address already in use') && attempt < 3) return startWorker(vars, cwd, attempt + 1);
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`wrangler dev did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    origin,
    stop: async () => {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
      await new Promise((r) => setTimeout(r, 200));
    },
  };
}

/**
 * `wrangler dev` over a copy of the project holding `contentDir` (the fixture content by default), never content/;
 * `wranglerToml` edits the copy's wrangler.toml (a binding switched on).
 */
export function startFixtureWorker(
  vars: Record<string, string> = {},
  contentDir = 'test/fixtures/content',
  wranglerToml?: (toml: string) => string,
): Promise<RunningWorker & { dir: string }> {
  const dir = projectWorkspace(mkdtempSync(join(tmpdir(), 'hit-e2e-ws-')), (content) => cpSync(contentDir, content, { recursive: true }));
  if (wranglerToml) writeFileSync(join(dir, 'wrangler.toml'), wranglerToml(readFileSync(join(dir, 'wrangler.toml'), 'utf8')));
  return startWorker(vars, dir).then((worker) => ({ ...worker, dir }));
}

/** Debian's Chromium, headless, with no background traffic (the machine has no internet). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
