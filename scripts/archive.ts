/**
 * The build's side of the archive (docs/archive.md): whether wrangler.toml binds one, how large the bundled content
 * is against the Worker's limit, the rows as SQL, and the local D1 that `npm start` reads kept up to date.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type ArchivedBody, archiveChanges, archiveSql, deleteRowsSql } from '../src/content/archive';

/** The binding name the Worker reads. */
export const ARCHIVE_BINDING = 'ARCHIVE';
/**
 * Gzipped bytes of content the bundle may hold before `npm run check` says to switch: the code (~70 KiB) and the
 * main feeds rendered at build time (~100–400 KiB, more with long articles) need the rest of 3 MiB.
 */
export const CONTENT_GZIP_LIMIT = 2.4 * 1024 * 1024;

/**
 * Whether wrangler.toml binds the archive: a `[[d1_databases]]` (for an environment, `[[env.<name>.d1_databases]]`:
 * wrangler does not inherit bindings) with binding = "ARCHIVE". Reads the file only (fast).
 */
export function archiveBound(configPath = 'wrangler.toml', env = ''): boolean {
  if (!existsSync(configPath)) return false;
  const header = env ? `[[env.${env}.d1_databases]]` : '[[d1_databases]]';
  const tables = readFileSync(configPath, 'utf8').split(/^(?=\[)/m);
  return tables.some((t) => t.startsWith(header) && new RegExp(`^binding\\s*=\\s*"${ARCHIVE_BINDING}"`, 'm').test(t));
}

/** Gzipped size of a generated module: what it adds to the Worker's upload. */
export const gzippedBytes = (text: string) => gzipSync(text).length;

/** The rows beside the SQL file, as JSON: what a deploy compares with the keys D1 has. */
const rowsFile = (sqlFile: string) => sqlFile.replace(/\.sql$/, '.json');

/** Writes the archive's rows as one SQL file (and as JSON); returns its hash (the local D1 is reloaded only when it changes). */
export function writeArchiveSql(rows: readonly ArchivedBody[], file: string): string {
  const sql = archiveSql(rows);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, sql);
  writeFileSync(rowsFile(file), JSON.stringify(rows));
  return createHash('sha256').update(sql).digest('hex');
}

/** Holds the hash of the rows last loaded into the local D1. */
export const LOCAL_ARCHIVE_STAMP = '.wrangler/archive-loaded';

/**
 * Brings the local D1 that `wrangler dev` and `npm start` use (.wrangler/state) to the build's rows, through wrangler
 * itself: migrations first, then the rows it lacks or holds otherwise, and away with the bodies the build no longer has.
 * Skipped when the same rows were loaded before.
 */
export function loadLocalArchive(file: string, hash: string, stamp = LOCAL_ARCHIVE_STAMP): string {
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return 'local archive up to date';
  const started = performance.now();
  const migrate = spawnSync('npx', ['wrangler', 'd1', 'migrations', 'apply', ARCHIVE_BINDING, '--local'], {
    encoding: 'utf8',
    env: { ...process.env, CI: '1' },
  });
  if (migrate.status !== 0)
    throw new Error(`wrangler d1 migrations apply ${ARCHIVE_BINDING} --local failed:\n${migrate.stderr || migrate.stdout}`);
  // Only what changed, as a deploy does remotely: adding one article to 10,000 writes one row, not all of them.
  const changes = archiveChangesSql(undefined, file);
  if (changes.written + changes.deleted.length > 0) executeArchiveSql(undefined, changes.file);
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, hash);
  return `local archive: ${changes.written} bodies written, ${changes.deleted.length} deleted in ${Math.round(performance.now() - started)} ms`;
}

/** Where the build writes the archive's rows. */
export const ARCHIVE_SQL = 'dist/archive/bodies.sql';

/**
 * The SQL that makes the D1 of `env` (remote, or the local one with env undefined) hold exactly the last build's
 * rows: the rows it lacks or holds otherwise, and DELETEs for the bodies the build no longer has (a withdrawn or
 * deleted article's text must not stay behind). Asks D1 for the keys and hashes it has, through wrangler.
 */
/** wrangler's options for the D1 of `env`: the remote one, or the local one with env undefined. */
const d1Target = (env: string | undefined) => (env === undefined ? ['--local'] : ['--remote', '--env', env]);

export function archiveChangesSql(env: string | undefined, file = ARCHIVE_SQL): { written: number; deleted: string[]; file: string } {
  const run = spawnSync(
    'npx',
    ['wrangler', 'd1', 'execute', ARCHIVE_BINDING, ...d1Target(env), '--json', '--command', 'SELECT key, hash FROM bodies'],
    {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, CI: '1' },
    },
  );
  if (run.status !== 0) throw new Error(`could not read the archive's keys from D1:\n${run.stderr || run.stdout}`);
  const [answer] = JSON.parse(run.stdout) as { results: { key: string; hash: string }[] }[];
  const rows = existsSync(rowsFile(file)) ? (JSON.parse(readFileSync(rowsFile(file), 'utf8')) as ArchivedBody[]) : [];
  const { write, remove } = archiveChanges(answer?.results ?? [], rows);
  const out = file.replace(/\.sql$/, `.${env ?? 'local'}.changes.sql`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, deleteRowsSql(remove) + archiveSql(write));
  return { written: write.length, deleted: remove, file: out };
}

/** Runs a SQL file against the D1 of `env` (remote, or the local one with env undefined). */
export function executeArchiveSql(env: string | undefined, file: string): void {
  const where = env === undefined ? d1Target(env) : [...d1Target(env), '--yes'];
  // What wrangler prints per statement is not read (thousands of statements outgrow any buffer); its errors are.
  const run = spawnSync('npx', ['wrangler', 'd1', 'execute', ARCHIVE_BINDING, ...where, '--file', file], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, CI: '1' },
  });
  if (run.status !== 0) throw new Error(`wrangler d1 execute ${ARCHIVE_BINDING} failed:\n${run.stderr || run.error?.message || ''}`);
}
