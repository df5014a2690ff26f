/** The hostile-content fixture (SYNTHETIC, tests only), plus the cases too big to commit, generated. */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const HOSTILE_FIXTURE = 'test/fixtures/hostile-content';

/** A temporary copy of the fixture with a generated 1 MB article added. */
export function hostileContentDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hit-hostile-'));
  cpSync(HOSTILE_FIXTURE, dir, { recursive: true });
  const paragraph = 'Synthetic filler sentence for the one-megabyte article, with 中文 and emoji 🎓. ';
  const body = Array.from({ length: Math.ceil(1_048_576 / (paragraph.length * 10)) }, () => paragraph.repeat(10)).join('\n\n');
  mkdirSync(join(dir, 'articles/2025/one-megabyte'), { recursive: true });
  writeFileSync(
    join(dir, 'articles/2025/one-megabyte/en.md'),
    `---\ntitle: One megabyte body (synthetic)\nsummary: A synthetic 1 MB article.\npublished: 2025-05-01T09:00:00+08:00\nauthor: Test Author\ntags: [events]\n---\n\n${body}\n`,
  );
  return dir;
}

/** Markup and URL attributes that could run or load something; text that merely mentions them is fine. */
export const EXECUTABLE =
  /<script|<iframe|<form|<input|<object|<embed|<svg|<style|<meta|<base|\son[a-z]+\s*=|(?:href|src|action)\s*=\s*["']?\s*(?:javascript|data|vbscript):/i;
