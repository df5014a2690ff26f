/**
 * The static files against what Cloudflare takes (scripts/static-files.ts): counted as wrangler uploads them, and a
 * verdict at the sizes around each limit. `npm run check` (and so the deploy) and `npm run bundle` print it.
 */
import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATIC_LIMITS, type StaticFiles, staticFiles, staticFilesVerdict } from '../../scripts/static-files';

const files = (count: number, oversized: string[] = []): StaticFiles => ({
  count,
  bytes: count * 50_000,
  pictures: count - 10,
  cards: 10,
  oversized,
});

describe('static files', () => {
  it('are counted as wrangler uploads them: every file under public/, hidden ones aside, pictures and cards apart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hit-static-'));
    for (const path of ['_headers', 'media/a-480.webp', 'media/a-480.jpg', 'cards/en/x-1.png', '.hidden', 'icons/i.png']) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), 'x');
    }
    // A sparse file over 25 MiB: what a 30 MB scan copied into public/ by hand would be.
    writeFileSync(join(dir, 'scan.pdf'), '');
    truncateSync(join(dir, 'scan.pdf'), STATIC_LIMITS.fileBytes + 1);
    const counted = staticFiles(dir);
    expect(counted).toMatchObject({ count: 6, pictures: 2, cards: 1, oversized: [join(dir, 'scan.pdf')] });
    expect(staticFilesVerdict(counted).refuse).toBe(
      `${join(dir, 'scan.pdf')}: larger than the 25 MiB Cloudflare takes per file; export it smaller`,
    );
  });

  it.each([
    [1_000, undefined, undefined],
    [16_000, undefined, undefined],
    [16_001, "the static files near the Free plan's 20,000: plan for Workers Paid", undefined],
    [20_000, "the static files near the Free plan's 20,000: plan for Workers Paid", undefined],
    [20_001, 'more static files than the Free plan takes (20,000): deploy on Workers Paid', undefined],
    [100_000, 'more static files than the Free plan takes (20,000): deploy on Workers Paid', undefined],
    [
      100_001,
      undefined,
      '100,001 static files, more than Cloudflare takes on any plan (100,000); fewer pictures per article, or older ones off the site',
    ],
  ])('at %i files: warns %s, refuses %s', (count, warn, refuse) => {
    const verdict = staticFilesVerdict(files(count));
    expect(verdict.warn).toBe(warn);
    expect(verdict.refuse).toBe(refuse);
    expect(verdict.line).toContain(`static files: ${count.toLocaleString('en')} (`);
  });
});
