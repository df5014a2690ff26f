/**
 * The build's side of the archive (docs/archive.md): whether wrangler.toml binds one, how large the bundled content
 * is against the Worker's limit, the rows as SQL, and the local D1 that `npm start` reads kept up to date.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type ArchivedBody, archiveSql } from '../src/content/archive';

/** The binding name the Worker reads. */
export const ARCHIVE_BINDING = 'ARCHIVE';
/** Gzipped bytes of content the bundle may hold before `npm run check` says to switch: the code and feeds need the rest of 3 MiB. */
export const CONTENT_GZIP_LIMIT = 2 * 1024 * 1024;

/** Whether the top level of wrangler.toml binds the archive: a `[[d1_databases]]` with binding = "ARCHIVE". */
export function archiveBound(configPath = 'wrangler.toml'): boolean {
  if (!existsSync(configPath)) return false;
  const tables = readFileSync(configPath, 'utf8').split(/^(?=\[)/m);
  return tables.some((t) => /^\[\[d1_databases\]\]/.test(t) && new RegExp(`^binding\\s*=\\s*"${ARCHIVE_BINDING}"`, 'm').test(t));
}

/** Gzipped size of a generated module: what it adds to the Worker's upload. */
export const gzippedBytes = (text: string) => gzipSync(text).length;

/** Writes the archive's rows as one SQL file; returns its hash (the local D1 is reloaded only when it changes). */
export function writeArchiveSql(rows: readonly ArchivedBody[], file: string): string {
  const sql = archiveSql(rows);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, sql);
  return createHash('sha256').update(sql).digest('hex');
}

/**
 * Loads the rows into the local D1 that `wrangler dev` and `npm start` use (.wrangler/state), through wrangler
 * itself: migrations first, then the rows (INSERT OR IGNORE). Skipped when the same rows were loaded before.
 */
export function loadLocalArchive(file: string, hash: string, stamp = '.wrangler/archive-loaded'): string {
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return 'local archive up to date';
  const started = performance.now();
  for (const args of [
    ['d1', 'migrations', 'apply', ARCHIVE_BINDING, '--local'],
    ['d1', 'execute', ARCHIVE_BINDING, '--local', '--file', file],
  ]) {
    const run = spawnSync('npx', ['wrangler', ...args], { encoding: 'utf8', env: { ...process.env, CI: '1' } });
    if (run.status !== 0) throw new Error(`wrangler ${args.join(' ')} failed:\n${run.stderr || run.stdout}`);
  }
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, hash);
  return `local archive loaded in ${Math.round(performance.now() - started)} ms`;
}
