/**
 * The build's article cache (scripts/compile-cache.ts): a rebuild reuses only what compiles the same, over SYNTHETIC
 * articles of every shape the compiler meets (pictures, videos, Chinese, drafts, problems), made here.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { FileArticleCache } from '../../scripts/compile-cache';
import { readContentDir } from '../../scripts/content-files';
import { compileContent } from '../../src/build/compile';
import { processPhotos } from '../../src/build/photos';
import { articleSource, siteSources } from '../support/fixtures';

let root: string;
const content = () => join(root, 'content');

function write(path: string, text: string | Buffer) {
  mkdirSync(join(content(), path, '..'), { recursive: true });
  writeFileSync(join(content(), path), text);
}

/** A build as scripts/build-content.ts makes it, with or without the cache. */
async function build(cached: boolean, now = Date.parse('2026-01-01T00:00:00Z')) {
  const sources = readContentDir(content());
  const photos = await processPhotos(
    content(),
    sources.map((f) => f.path),
    join(root, 'public/media'),
  );
  const cache = cached ? FileArticleCache.open(content(), process.cwd(), join(root, 'cache')).begin() : undefined;
  const result = compileContent(sources, 'content/', { photos, now, ...(cache ? { cache } : {}) });
  cache?.save();
  return { result, hits: cache?.hits ?? 0, misses: cache?.misses ?? 0 };
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'hit-cache-'));
  for (const f of siteSources()) write(f.path, f.text ?? '');
  const shapes: [string, Record<string, string>, string][] = [
    ['plain', {}, 'A synthetic paragraph.'],
    ['pictured', { image: '{ src: lead.jpg, alt: A synthetic picture }' }, 'Body.\n\n![A synthetic hall](hall.jpg)'],
    ['video', {}, 'Watch it:\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['renamed', { redirect_from: '[old-name]' }, 'Moved here.'],
    ['draft', { draft: 'true' }, 'Not ready.'],
  ];
  for (const [i, [slug, fields, body]] of shapes.entries()) {
    for (const lang of ['zh', 'en'] as const) {
      const text = lang === 'zh' ? body.replace('A synthetic paragraph.', '合成的段落。') : body;
      const f = articleSource(slug, lang, { published: `2025-03-0${i + 1}T09:00:00+08:00`, ...fields }, text);
      write(f.path, f.text ?? '');
    }
  }
  for (const name of ['lead.jpg', 'hall.jpg']) {
    write(
      `articles/2025/pictured/${name}`,
      await sharp({ create: { width: 800, height: 500, channels: 3, background: '#345' } })
        .jpeg()
        .toBuffer(),
    );
  }
});

describe('a rebuild with the article cache', () => {
  it('gives exactly the content an uncached build gives, reusing every unchanged file', async () => {
    const plain = await build(false);
    const first = await build(true);
    const second = await build(true);
    expect(first.misses).toBe(10);
    expect(second).toMatchObject({ hits: 10, misses: 0 });
    expect(second.result).toEqual(plain.result);
    expect(first.result).toEqual(plain.result);
  });

  it('compiles again a file whose text changed, and only that one', async () => {
    await build(true);
    const path = 'articles/2025/plain/en.md';
    write(path, readFileSync(join(content(), path), 'utf8').replace('A synthetic paragraph.', 'An edited paragraph.'));
    const edited = await build(true);
    expect(edited).toMatchObject({ hits: 9, misses: 1 });
    expect(edited.result.content?.articles.en.find((a) => a.slug === 'plain')?.html).toContain('An edited paragraph.');
    expect(edited.result).toEqual((await build(false)).result);
  });

  it('compiles again an article whose picture changed, though its text did not', async () => {
    await build(true);
    const before = (await build(true)).result.content?.articles.en.find((a) => a.slug === 'pictured')?.image?.src;
    write(
      'articles/2025/pictured/lead.jpg',
      await sharp({ create: { width: 600, height: 900, channels: 3, background: '#a51' } })
        .jpeg()
        .toBuffer(),
    );
    const after = await build(true);
    expect(after.misses).toBe(2);
    const image = after.result.content?.articles.en.find((a) => a.slug === 'pictured')?.image;
    expect(image?.src).not.toBe(before);
    expect(image).toMatchObject({ width: 600, height: 900 });
    expect(after.result).toEqual((await build(false)).result);
  });

  it('never keeps a file with a problem, and reports the problem on every build', async () => {
    write('articles/2025/broken/en.md', articleSource('broken', 'en', { published: 'soon' }).text ?? '');
    for (let i = 0; i < 2; i++) expect((await build(true)).result.problems.map((p) => p.field)).toEqual(['published']);
    write('articles/2025/broken/en.md', articleSource('broken', 'en', { published: '2025-03-09T09:00:00+08:00' }).text ?? '');
    expect((await build(true)).result.problems).toEqual([]);
  });

  it('forgets an article whose files are gone: its text is not kept on disk', async () => {
    const cached = () =>
      readdirSync(join(root, 'cache'))
        .map((name) => readFileSync(join(root, 'cache', name), 'utf8'))
        .join('');
    await build(true);
    expect(cached()).toContain('dQw4w9WgXcQ');
    rmSync(join(content(), 'articles/2025/video'), { recursive: true });
    await build(true);
    expect(cached()).not.toContain('dQw4w9WgXcQ');
  });
});
