/**
 * The static files wrangler uploads beside the Worker ([assets]: public/, with the pictures and cards the build made),
 * against what Cloudflare accepts: 20,000 files on Workers Free, 100,000 on Paid, 25 MiB each
 * (https://developers.cloudflare.com/workers/static-assets/#limits). Wrangler checks only the size before uploading;
 * the count is refused by Cloudflare after the upload has begun.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PICTURE_FILE } from '../src/build/photos';

export const STATIC_LIMITS = { freeFiles: 20_000, paidFiles: 100_000, fileBytes: 25 * 1024 * 1024 };

export interface StaticFiles {
  count: number;
  bytes: number;
  pictures: number;
  cards: number;
  /** Files over the 25 MiB Cloudflare takes. */
  oversized: string[];
}

/** Counts the files under `dir` (hidden ones aside, as wrangler leaves them out). */
export function staticFiles(dir = 'public'): StaticFiles {
  const files = existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && !e.name.startsWith('.'))
    : [];
  const sizes = files.map((e) => ({ path: join(e.parentPath, e.name), bytes: statSync(join(e.parentPath, e.name)).size }));
  const under = (sub: string) => sizes.filter((s) => s.path.startsWith(join(dir, sub))).length;
  return {
    count: sizes.length,
    bytes: sizes.reduce((n, s) => n + s.bytes, 0),
    pictures: under('media'),
    cards: under('cards'),
    oversized: sizes.filter((s) => s.bytes > STATIC_LIMITS.fileBytes).map((s) => s.path),
  };
}

const n = (x: number) => x.toLocaleString('en');

/** What to switch on when the pictures outgrow the static files. */
const R2_HINT = 'put the pictures in R2 (one block in wrangler.toml: docs/archive.md › Pictures in R2)';

/**
 * Before a build: at least how many static files it will leave (each picture beside an article gives 2 to 6: two
 * formats in up to three widths), and a line saying so; the line says what to do when that is more than any plan takes.
 */
export function staticFilesBefore(contentDir = 'content', dir = 'public'): { files: number; line: string } {
  const now = staticFiles(dir);
  const articles = join(contentDir, 'articles');
  const pictures = existsSync(articles)
    ? readdirSync(articles, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && PICTURE_FILE.test(e.name)).length
    : 0;
  const files = now.count - now.pictures + 2 * pictures;
  if (files > STATIC_LIMITS.paidFiles) {
    return {
      files,
      line: `${n(pictures)} pictures beside the articles make at least ${n(files)} static files, more than Cloudflare takes on any plan (${n(STATIC_LIMITS.paidFiles)}): ${R2_HINT}; nothing was built or deployed`,
    };
  }
  return { files, line: `static files: at least ${n(files)} to come (${n(pictures)} pictures, 2 to 6 files each)` };
}

/**
 * What the files mean for a deploy: `refuse` when Cloudflare would refuse it on any plan (one line), `warn` when the
 * Free plan would (or nearly would), and a line of numbers either way.
 */
export function staticFilesVerdict(files: StaticFiles): { line: string; warn?: string; refuse?: string } {
  const line = `static files: ${n(files.count)} (${n(files.pictures)} picture files, ${n(files.cards)} cards), ${(files.bytes / 1024 / 1024).toFixed(1)} MiB: ${((files.count / STATIC_LIMITS.freeFiles) * 100).toFixed(0)} % of the Free plan's ${n(STATIC_LIMITS.freeFiles)}, ${((files.count / STATIC_LIMITS.paidFiles) * 100).toFixed(0)} % of Paid's ${n(STATIC_LIMITS.paidFiles)}`;
  if (files.oversized.length > 0) {
    return { line, refuse: `${files.oversized.join(', ')}: larger than the 25 MiB Cloudflare takes per file; export it smaller` };
  }
  if (files.count > STATIC_LIMITS.paidFiles) {
    return {
      line,
      refuse: `${n(files.count)} static files, more than Cloudflare takes on any plan (${n(STATIC_LIMITS.paidFiles)}): ${R2_HINT}`,
    };
  }
  if (files.count > STATIC_LIMITS.freeFiles)
    return {
      line,
      warn: `more static files than the Free plan takes (${n(STATIC_LIMITS.freeFiles)}): ${R2_HINT}, or deploy on Workers Paid`,
    };
  if (files.count > 0.8 * STATIC_LIMITS.freeFiles)
    return { line, warn: `the static files near the Free plan's ${n(STATIC_LIMITS.freeFiles)}: ${R2_HINT}` };
  return { line };
}
