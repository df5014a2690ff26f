/**
 * npm test [-- vitest options]: builds content/ and the test fixture, runs the Workers-runtime and build tests, and,
 * when the whole suite passed on code that did not change while it ran, records it (scripts/tested.ts) so that
 * `npm run deploy` need not run it again for a content change. CONTENT_BUILT=1: content/ is built already.
 */
import { spawnSync } from 'node:child_process';
import { codeFingerprint, recordTested } from './tested';

const args = process.argv.slice(2);
const before = codeFingerprint();

function run(command: string, argv: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, argv, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
const withoutBuilt = { ...process.env, CONTENT_BUILT: '' };

if (process.env.CONTENT_BUILT !== '1') run(process.execPath, ['--import', 'tsx', 'scripts/build-content.ts']);
run('npm', ['run', '--silent', 'build:fixture'], withoutBuilt);
run('vitest', ['run', ...args], withoutBuilt);

// Only the whole suite counts (a filter or option may have left tests out), and only if nothing changed meanwhile.
if (args.length === 0 && before !== undefined && codeFingerprint() === before) recordTested(before);
