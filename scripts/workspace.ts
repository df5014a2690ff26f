/** A throwaway copy of the project with other content (tests and benchmarks; node_modules shared by symlink). */
import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';

const PROJECT_FILES = [
  'src',
  'scripts',
  'public',
  'wrangler.toml',
  'package.json',
  'tsconfig.json',
  'tsconfig.worker.json',
  'worker-configuration.d.ts',
  'migrations',
];

/** Copies the project into `dir`; `writeContent` fills `dir/content`. Returns `dir`. */
export function projectWorkspace(dir: string, writeContent: (contentDir: string) => void): string {
  mkdirSync(dir, { recursive: true });
  for (const entry of PROJECT_FILES) {
    // Generated files and drawn or processed images are made again by the copy's own build.
    cpSync(entry, join(dir, entry), { recursive: true, filter: (p) => !/(^|\/)(generated|public\/cards|public\/media)(\/|$)/.test(p) });
  }
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
  writeContent(join(dir, 'content'));
  return dir;
}
