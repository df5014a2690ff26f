/**
 * npm run check [-- --fix]: content (and the test fixture), wrangler vars and types, lint and format, type-checks;
 * stops at the first failure. --fix first makes the half-width punctuation of Chinese articles full-width.
 */
import { spawnSync } from 'node:child_process';

const fix = process.argv.includes('--fix');
const unknown = process.argv.slice(2).filter((a) => a !== '--fix');
if (unknown.length > 0) {
  console.error(`✗ unknown option ${unknown.join(' ')}; usage: npm run check [-- --fix]`);
  process.exit(2);
}

const steps: [string, string[]][] = [
  ['tsx', ['scripts/build-content.ts', '--report', ...(fix ? ['--fix'] : [])]],
  ['npm', ['run', '--silent', 'build:fixture']],
  ['tsx', ['scripts/check-config.ts', '--types']],
  ['biome', ['check', '.']],
  ['tsc', ['-p', 'tsconfig.worker.json']],
  ['tsc', ['-p', '.']],
  ['tsc', ['-p', 'test/e2e']],
  ['tsc', ['-p', 'src/embed']],
];
for (const [command, args] of steps) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
