/** Reads a content directory into SourceFiles (paths relative to it, "/"-separated). */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { SourceFile } from '../src/build/source';

/**
 * Every file under `dir` except hidden ones; Markdown and YAML with their bytes (the compiler
 * decodes them), others by name only, so the compiler can say they are not published.
 */
export function readContentDir(dir: string): SourceFile[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(
      (entry) =>
        entry.isFile() &&
        !relative(dir, join(entry.parentPath, entry.name))
          .split(sep)
          .some((p) => p.startsWith('.')),
    )
    .map((entry) => {
      const full = join(entry.parentPath, entry.name);
      const path = relative(dir, full).split(sep).join('/');
      return /\.(md|ya?ml)$/i.test(entry.name) ? { path, bytes: readFileSync(full) } : { path };
    });
}
