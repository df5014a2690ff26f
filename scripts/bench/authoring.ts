/**
 * npm run bench:authoring: the web team's tempo, in wall time, on copies of the project: for the repository's own
 * content and for SYNTHETIC archives (1,000 and 10,000 bilingual articles; the archive in D1 at 10,000, as a real
 * repository that size needs), after a first build:
 *   - the check after editing one article (npm run check),
 *   - a rebuild after adding one article (npm run build),
 *   - a deploy of a content change up to the upload (npm run deploy -- --env staging --dry-run: check, build, the
 *     content rendered through the Worker, wrangler's bundle; the upload itself and the remote D1 are not measured),
 *   - a withdrawal up to the purge (npm run withdraw -- <slug> --env staging --dry-run: files, record, the same deploy).
 * Beside each, the figure issue #35 measured before (2026-12-07); with BENCH_BASELINE=<git revision> also the
 * revision's own check and rebuild at the repository's size, measured in this run. Social cards are drawn for the
 * repository's content only (CARDS=0 for the synthetic ones: the first build would draw thousands; a new article draws
 * its own in about 0.3 s, counted in the repository's figures).
 * The copies' code is this repository's, on which the suite passed: the bench records that (as `npm test` does) so
 * that the deploy measured is a content-only one; it refuses to run when the suite has not passed on this code.
 * Env: AUTHORING_SIZES=repo,1000,10000  BENCH_BASELINE=<rev>
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { codeFingerprint, recordTested, testedAt } from '../tested';
import { writeSyntheticContent } from './synthetic';

const SIZES = (process.env.AUTHORING_SIZES ?? 'repo,1000,10000').split(',');
const BASELINE = process.env.BENCH_BASELINE;
/** What issue #35 measured on this 2-core machine before this work, in seconds (the repository, 2 translations). */
const BEFORE = { check: 84, rebuild10k: 175, deploy: 630 };

const began = performance.now();
const log = (line: string) => console.error(`  [${((performance.now() - began) / 1000).toFixed(0).padStart(5)} s] ${line}`);
const root = mkdtempSync(join(tmpdir(), 'hit-authoring-'));
const project = resolve('.');

if (!testedAt()) {
  console.error('✗ the suite has not passed on this code here: run npm test first (the bench measures content-only deploys of this code)');
  process.exit(1);
}

/** A copy of the project (code, tests, config; node_modules shared) in git, its code recorded as tested. */
function workspace(name: string, fill: (content: string) => void, archive: boolean): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  const listed = spawnSync('git', ['ls-files', '-co', '--exclude-standard'], { encoding: 'utf8' }).stdout.split('\n');
  for (const file of listed.filter((f) => f && !f.startsWith('content/') && existsSync(f))) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    cpSync(file, join(dir, file));
  }
  symlinkSync(join(project, 'node_modules'), join(dir, 'node_modules'));
  fill(join(dir, 'content'));
  if (archive) {
    const block = (section: string) =>
      `[[${section}d1_databases]]\nbinding = "ARCHIVE"\ndatabase_name = "hit-cie-archive"\ndatabase_id = "00000000-0000-0000-0000-000000000000"\nmigrations_dir = "migrations"\n`;
    const toml = readFileSync(join(dir, 'wrangler.toml'), 'utf8')
      .replace(/^\[vars\]$/m, `${block('')}\n[vars]`)
      .replace(/^\[env\.staging\.vars\]$/m, `${block('env.staging.')}[env.staging.vars]`);
    writeFileSync(join(dir, 'wrangler.toml'), toml);
  }
  const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@localhost', ...args], { cwd: dir });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'bench workspace');
  recordTested(codeFingerprint(dir) as string, dir);
  return dir;
}

/** Runs a command in `dir`; returns its wall time (s) and peak memory (GiB, from /usr/bin/time when there is one). */
function timed(dir: string, command: string[], env: Record<string, string> = {}): { s: number; gib?: number; out: string } {
  const time = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', 'peak-rss-kb %M'] : [];
  const started = performance.now();
  const run = spawnSync(time[0] ?? command[0] ?? '', [...time.slice(1), ...(time.length ? command : command.slice(1))], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: '1', ...env },
  });
  const s = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`${command.join(' ')} failed in ${dir}:\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`);
  const kb = /peak-rss-kb (\d+)/.exec(run.stderr)?.[1];
  // What the command said it did (its ✓ lines about the content and the archive), for the log.
  for (const line of `${run.stdout}\n${run.stderr}`.split('\n').filter((l) => /^✓ (content compiled|archive|dry run|withdrew)/.test(l))) {
    log(`    ${line.slice(0, 160)}`);
  }
  return { s, ...(kb ? { gib: Number(kb) / 1024 / 1024 } : {}), out: run.stdout + run.stderr };
}

const tsx = (script: string, ...args: string[]) => [process.execPath, '--import', 'tsx', script, ...args];

/** The newest article's folder, and a copy of it as a new article one minute later. */
function newestArticle(content: string): string {
  const years = readdirSync(join(content, 'articles')).sort();
  const year = join(content, 'articles', years.at(-1) as string);
  const newest = readdirSync(year)
    .map((slug) => join(year, slug))
    .sort((a, b) => published(b) - published(a))[0];
  return newest as string;
}
function published(folder: string): number {
  const file = readdirSync(folder).find((f) => f.endsWith('.md')) as string;
  return Date.parse(/^published: (\S+)/m.exec(readFileSync(join(folder, file), 'utf8'))?.[1] ?? '');
}
function addArticle(content: string, slug: string): void {
  const from = newestArticle(content);
  const to = join(from, '..', slug);
  mkdirSync(to, { recursive: true });
  const when = new Date(published(from) + 60_000 + 8 * 3600_000).toISOString().slice(0, 16);
  for (const file of readdirSync(from).filter((f) => f.endsWith('.md'))) {
    const text = readFileSync(join(from, file), 'utf8')
      .replace(/^published: \S+/m, `published: ${when}:00+08:00`)
      .replace(/^updated: .*\n/m, '')
      .replace(/^redirect_from: .*\n/m, '')
      .replace(/^(title: .*?)("?)$/m, `$1${file === 'zh.md' ? '（合成副本）' : ' (synthetic copy)'}$2`);
    writeFileSync(join(to, file), text);
  }
}
let lastCorrection = Number.POSITIVE_INFINITY;
/** A correction, as the newsroom makes one: a sentence more, and `updated:` a minute of its own (now, or before the last). */
function editArticle(content: string, sentence: string): void {
  const folder = newestArticle(content);
  const minute = Math.min(Math.floor(Date.now() / 60_000) * 60_000, lastCorrection - 60_000);
  lastCorrection = minute;
  const now = `${new Date(minute + 8 * 3600_000).toISOString().slice(0, 16)}:00+08:00`;
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.md'))) {
    const path = join(folder, file);
    const text = readFileSync(path, 'utf8')
      .replace(/^updated: .*\n/m, '')
      .replace(/^(published: .*\n)/m, `$1updated: ${now}\n`);
    writeFileSync(path, `${text.trimEnd()}\n\n${file === 'zh.md' ? '合成的补充句子。' : sentence}\n`);
  }
}

interface Row {
  size: string;
  check: number;
  rebuild: number;
  rebuildGib?: number;
  deploy: number;
  withdraw: number;
}
const rows: Row[] = [];

for (const size of SIZES) {
  const synthetic = size !== 'repo';
  const count = Number(size);
  const archive = synthetic && count >= 5000;
  log(
    `${size === 'repo' ? "the repository's content" : `${size} synthetic articles`}: copying the project${archive ? ' (archive in D1)' : ''}`,
  );
  const dir = workspace(
    `ws-${size}`,
    (content) => (synthetic ? writeSyntheticContent(content, count) : cpSync(join(project, 'content'), content, { recursive: true })),
    archive,
  );
  const env: Record<string, string> = synthetic ? { CARDS: '0' } : {};
  const content = join(dir, 'content');
  log(`${size}: first build (not measured)`);
  timed(dir, tsx('scripts/build-content.ts'), env);
  timed(dir, ['npm', 'run', '--silent', 'build:fixture', '--', '--quiet']);
  editArticle(content, 'A synthetic sentence added by the benchmark.');
  log(`${size}: check after editing one article`);
  const check = timed(dir, tsx('scripts/check.ts'), env).s;
  addArticle(content, 'bench-added-article');
  log(`${size}: rebuild after adding one article`);
  const rebuild = timed(dir, tsx('scripts/build-content.ts'), env);
  editArticle(content, 'A second synthetic sentence.');
  log(`${size}: deploy of a content change, up to the upload`);
  const deploy = timed(dir, tsx('scripts/deploy.ts', '--env', 'staging', '--dry-run'), env).s;
  log(`${size}: withdrawal, up to the purge`);
  const withdraw = timed(dir, tsx('scripts/withdraw.ts', 'bench-added-article', '--env', 'staging', '--dry-run'), env).s;
  rows.push({ size, check, rebuild: rebuild.s, ...(rebuild.gib ? { rebuildGib: rebuild.gib } : {}), deploy, withdraw });
}

let baseline: { check: number; rebuild: number; deploy: number } | undefined;
if (BASELINE) {
  log(`baseline: ${BASELINE} with the repository's content`);
  const dir = join(root, 'baseline');
  spawnSync('git', ['worktree', 'add', '--detach', dir, BASELINE], { encoding: 'utf8' });
  symlinkSync(join(project, 'node_modules'), join(dir, 'node_modules'));
  timed(dir, ['npm', 'run', '--silent', 'build']);
  editArticle(join(dir, 'content'), 'A synthetic sentence added by the benchmark.');
  const check = timed(dir, ['npm', 'run', '--silent', 'check']).s;
  addArticle(join(dir, 'content'), 'bench-added-article');
  const rebuild = timed(dir, ['npm', 'run', '--silent', 'build']).s;
  // What its `npm run deploy` ran before the upload: the check, the whole suite, wrangler's build.
  editArticle(join(dir, 'content'), 'A second synthetic sentence.');
  log(`baseline: ${BASELINE}: its deploy's steps up to the upload (check, npm test, wrangler deploy --dry-run)`);
  const deploy =
    timed(dir, ['npm', 'run', '--silent', 'check']).s +
    timed(dir, ['npm', 'test']).s +
    timed(dir, ['npx', 'wrangler', 'deploy', '--env', 'staging', '--dry-run', '--outdir', 'dist/bench']).s;
  baseline = { check, rebuild, deploy };
  spawnSync('git', ['worktree', 'remove', '--force', dir]);
}

const f = (s: number) => `${s.toFixed(1)} s`;
const out = [
  '',
  `Authoring tempo, wall time on this machine (${new Date().toISOString().slice(0, 10)}); "before": issue #35's figures (repository: 2 translations)`,
  '',
  '| content | check after an edit | rebuild after adding one | deploy up to the upload | withdrawal up to the purge |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map(
    (r) =>
      `| ${r.size === 'repo' ? 'the repository' : `${Number(r.size).toLocaleString('en')} synthetic`} | ${f(r.check)} | ${f(r.rebuild)}${r.rebuildGib ? ` (${r.rebuildGib.toFixed(2)} GiB)` : ''} | ${f(r.deploy)} | ${f(r.withdraw)} |`,
  ),
  `| before (issue #35) | ${BEFORE.check} s (repository) | ${BEFORE.rebuild10k} s (10,000) | ${BEFORE.deploy} s (repository) | ≥ ${BEFORE.deploy} s (a deploy) |`,
  ...(baseline
    ? [
        `| ${BASELINE} measured now (repository) | ${f(baseline.check)} | ${f(baseline.rebuild)} | ${f(baseline.deploy)} | ≥ ${f(baseline.deploy)} (a deploy) |`,
      ]
    : []),
  '',
  'Goals: check ≤ 5 s (≤ 15 s at 1,000), deploy up to the upload ≤ 60 s, rebuild after adding one at 10,000 ≤ 20 s.',
];
console.log(out.join('\n'));
rmSync(root, { recursive: true, force: true });
log(`done in ${((performance.now() - began) / 1000).toFixed(0)} s`);
