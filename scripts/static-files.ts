/**
 * The static files wrangler uploads beside the Worker ([assets]: public/, with the pictures and cards the build made),
 * against what Cloudflare accepts: 20,000 files on Workers Free, 100,000 on Paid, 25 MiB each
 * (https://developers.cloudflare.com/workers/static-assets/#limits). Wrangler checks only the size before uploading;
 * the count is refused by Cloudflare after the upload has begun.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

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
      refuse: `${n(files.count)} static files, more than Cloudflare takes on any plan (${n(STATIC_LIMITS.paidFiles)}); fewer pictures per article, or older ones off the site`,
    };
  }
  if (files.count > STATIC_LIMITS.freeFiles)
    return { line, warn: `more static files than the Free plan takes (${n(STATIC_LIMITS.freeFiles)}): deploy on Workers Paid` };
  if (files.count > 0.8 * STATIC_LIMITS.freeFiles)
    return { line, warn: `the static files near the Free plan's ${n(STATIC_LIMITS.freeFiles)}: plan for Workers Paid` };
  return { line };
}
