/** The real build, run as a command in a temporary project, for tests that need what it writes. */
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Runs scripts/build-content.ts in `root` (a project of its own: content/ and wrangler.toml), writing generated/
 * (content.ts, content.txt, feeds.ts) there and its pictures and cards under public/.
 */
export function buildIn(root: string, args: string[] = [], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(
    process.execPath,
    ['--import', import.meta.resolve('tsx'), join(process.cwd(), 'scripts/build-content.ts'), '--out', 'generated/content.ts', ...args],
    { cwd: root, encoding: 'utf8', env: { ...process.env, CONTENT_BUILT: '', ...env } },
  );
}
