/**
 * The static files against what Cloudflare takes (scripts/static-files.ts): counted as wrangler uploads them, and a
 * verdict at the sizes around each limit. `npm run check` (and so the deploy) and `npm run bundle` print it.
 */
import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATIC_LIMITS, type StaticFiles, staticFiles, staticFilesBefore, staticFilesVerdict } from '../../scripts/static-files';

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
    [
      16_001,
      "the static files near the Free plan's 20,000: put the pictures in R2 (one block in wrangler.toml: docs/archive.md › Pictures in R2)",
      undefined,
    ],
    [
      20_000,
      "the static files near the Free plan's 20,000: put the pictures in R2 (one block in wrangler.toml: docs/archive.md › Pictures in R2)",
      undefined,
    ],
    [
      20_001,
      'more static files than the Free plan takes (20,000): put the pictures in R2 (one block in wrangler.toml: docs/archive.md › Pictures in R2), or deploy on Workers Paid',
      undefined,
    ],
    [
      100_000,
      'more static files than the Free plan takes (20,000): put the pictures in R2 (one block in wrangler.toml: docs/archive.md › Pictures in R2), or deploy on Workers Paid',
      undefined,
    ],
    [
      100_001,
      undefined,
      '100,001 static files, more than Cloudflare takes on any plan (100,000): put the pictures in R2 (one block in wrangler.toml: docs/archive.md › Pictures in R2)',
    ],
  ])('at %i files: warns %s, refuses %s', (count, warn, refuse) => {
    const verdict = staticFilesVerdict(files(count));
    expect(verdict.warn).toBe(warn);
    expect(verdict.refuse).toBe(refuse);
    expect(verdict.line).toContain(`static files: ${count.toLocaleString('en')} (`);
  });

  it.each([
    [49_990, false],
    [49_996, true],
  ])('before a build, %i pictures beside the articles are refused when they cannot fit any plan: %s', (pictures, refused) => {
    const root = mkdtempSync(join(tmpdir(), 'hit-static-before-'));
    const content = join(root, 'content');
    const pub = join(root, 'public');
    mkdirSync(join(content, 'articles/2026/story'), { recursive: true });
    // Empty files: the estimate counts pictures by name, before anything reads them.
    for (let i = 0; i < pictures; i++) writeFileSync(join(content, 'articles/2026/story', `p${i}.jpg`), '');
    writeFileSync(join(content, 'articles/2026/story/en.md'), '');
    // 10 other static files (a processed picture of the last build is not counted: the build makes them again).
    mkdirSync(join(pub, 'media'), { recursive: true });
    for (let i = 0; i < 10; i++) writeFileSync(join(pub, `f${i}`), 'x');
    writeFileSync(join(pub, 'media/a-480.jpg'), 'x');
    const estimate = staticFilesBefore(content, pub);
    expect(estimate.files).toBe(10 + 2 * pictures);
    if (refused) {
      expect(estimate.line).toBe(
        `${pictures.toLocaleString('en')} pictures beside the articles make at least ${(10 + 2 * pictures).toLocaleString('en')} static files, more than Cloudflare takes on any plan (100,000): put the pictures in R2 (one block in wrangler.toml: docs/archive.md › Pictures in R2); nothing was built or deployed`,
      );
    } else expect(estimate.line).toMatch(/^static files: at least /);
  });
});
