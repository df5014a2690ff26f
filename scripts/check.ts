/**
 * npm run check [-- --fix]: what the web team runs after an edit, in seconds: the wrangler vars of every environment,
 * then the content (built, as a deploy builds it), every problem on one line with file, line and fix.
 * --fix first makes the half-width punctuation of Chinese articles full-width.
 *
 * npm run check:code (developers and CI; `npm run deploy` runs it when the code changed): the test fixture, the Env
 * type against wrangler.toml, lint and format (Biome), and the type-checks.
 */
import { spawnSync } from 'node:child_process';
import { checkWranglerConfig } from './check-config';
import { staticFiles, staticFilesVerdict } from './static-files';

const code = process.argv.includes('--code');
const fix = process.argv.includes('--fix');
const unknown = process.argv.slice(2).filter((a) => a !== '--fix' && a !== '--code');
if (unknown.length > 0) {
  console.error(`✗ unknown option ${unknown.join(' ')}; usage: npm run check [-- --fix], or npm run check:code`);
  process.exit(2);
}
const started = performance.now();

/** Runs one step with its output shown; stops the check at the first that fails. */
function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
const tsx = (script: string, ...args: string[]) => run(process.execPath, ['--import', 'tsx', script, ...args]);

if (code) {
  run('npm', ['run', '--silent', 'build:fixture', '--', '--quiet']);
  tsx('scripts/check-config.ts', '--types');
  run('biome', ['check', '.']);
  for (const project of ['tsconfig.worker.json', '.', 'test/e2e', 'src/embed']) run('tsc', ['-p', project]);
  console.log(`✓ code checked in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} else {
  const config = checkWranglerConfig();
  for (const line of config.lines) (line.startsWith('✗') ? console.error : console.log)(line);
  if (!config.ok) process.exit(1);
  tsx('scripts/build-content.ts', '--report', ...(fix ? ['--fix'] : []));
  // What Cloudflare would take of the static files the build made (pictures, cards).
  const verdict = staticFilesVerdict(staticFiles());
  console.log(`  ${verdict.line}`);
  if (verdict.refuse) {
    console.error(`✗ ${verdict.refuse}`);
    process.exit(1);
  }
  if (verdict.warn) console.warn(`! ${verdict.warn}`);
  console.log(`✓ checked in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
