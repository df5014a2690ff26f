/** The deployable Worker, built as `wrangler deploy` would build it, into a folder: for bundle, load, bench and profile. */
import { spawnSync } from 'node:child_process';

export interface DryRunOptions {
  /** The project folder (default: this one). */
  cwd?: string;
  /** A wrangler.toml environment. */
  env?: string;
  /** Where esbuild's metafile goes (what the bundle is made of). */
  metafile?: string;
  /** False: readable function names (profiles). */
  minify?: boolean;
  /** False: no social cards (static files the Worker never serves). */
  cards?: boolean;
}

/** Runs `wrangler deploy --dry-run` into `outdir`; throws with wrangler's output when it fails. */
export function dryRunBundle(outdir: string, options: DryRunOptions = {}): void {
  const args = ['wrangler', 'deploy', '--dry-run', '--outdir', outdir];
  if (options.env) args.push('--env', options.env);
  if (options.metafile) args.push('--metafile', options.metafile);
  if (options.minify === false) args.push('--minify=false');
  const build = spawnSync('npx', args, {
    cwd: options.cwd ?? process.cwd(),
    encoding: 'utf8',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', ...(options.cards === false ? { CARDS: '0' } : {}) },
  });
  if (build.status !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${build.stdout}${build.stderr}`);
}
