/**
 * The record of the last green `npm test`: a fingerprint of the code it tested (every file git knows of, tracked or
 * not ignored, except content/), kept in node_modules/.cache. `npm run deploy` runs the code checks and the suite
 * only when the code differs from what last passed, so a content change deploys in seconds and untested code never.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const STAMP = 'node_modules/.cache/hit-cie-feeds/tested.json';

/** What the web team changes without touching code: their articles and the records beside them. */
const CONTENT = /^content\//;

interface Stamp {
  fingerprint: string;
  /** When the suite passed (ISO 8601): shown by the deploy. */
  at: string;
}

/**
 * SHA-256 over the path and bytes of every code file in the work tree (untracked ones included, ignored ones not),
 * or undefined outside a git work tree: then nothing counts as tested.
 */
export function codeFingerprint(root = '.'): string | undefined {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
  if (listed.status !== 0) return undefined;
  const files = [...new Set(listed.stdout.split('\0'))].filter((f) => f && !CONTENT.test(f)).sort();
  const hash = createHash('sha256');
  for (const file of files) {
    const path = join(root, file);
    // A tracked file deleted in the work tree is listed but gone: its absence is part of the state. A symbolic link
    // (a shared node_modules) counts by where it points.
    const stat = existsSync(path) ? lstatSync(path) : undefined;
    const state = !stat
      ? '-'
      : stat.isSymbolicLink()
        ? `-> ${readlinkSync(path)}`
        : createHash('sha256').update(readFileSync(path)).digest('hex');
    hash.update(`${file}\0${state}\0`);
  }
  return hash.digest('hex');
}

/** Records that the suite passed on the code with `fingerprint`. */
export function recordTested(fingerprint: string, root = '.'): void {
  const file = join(root, STAMP);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ fingerprint, at: new Date().toISOString() } satisfies Stamp)}\n`);
}

/** When the suite last passed on exactly this code, or undefined when it has not (or the code is not in git). */
export function testedAt(root = '.'): string | undefined {
  const file = join(root, STAMP);
  if (!existsSync(file)) return undefined;
  let stamp: Stamp;
  try {
    stamp = JSON.parse(readFileSync(file, 'utf8')) as Stamp;
  } catch {
    return undefined;
  }
  const now = codeFingerprint(root);
  return now !== undefined && stamp.fingerprint === now ? stamp.at : undefined;
}
