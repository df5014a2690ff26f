/**
 * Pictures in R2 (scripts/media.ts): a sync against the local R2 that wrangler's miniflare keeps (no account, no
 * network) uploads only the files the bucket lacks and deletes those no article uses any more; a picture the bucket
 * holds is described from it and never processed again (a fresh clone); a scheduled article's pictures are listed
 * with their release. The pictures are SYNTHETIC, drawn here with distinct bytes.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenBucket, openMediaBucket, storedObjects, syncMedia } from '../../scripts/media';
import { mediaReleases } from '../../src/build/media-releases';
import { type MediaObject, mediaObjects, type PhotoIndex, type PhotoShelf, processPhotos, storedPhotos } from '../../src/build/photos';
import { syntheticArticle, syntheticContent } from '../support/fixtures';

let work: string;
let open: OpenBucket;
const paths = ['articles/2026/story/one.jpg', 'articles/2026/story/two.png', 'articles/2026/other/three.jpg'];

/** A SYNTHETIC picture whose bytes differ from every other's: noise over a colour. */
async function picture(path: string, width: number, seed: number) {
  const height = Math.round(width * 0.66);
  const noise = Buffer.alloc(width * height * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919 + seed * 104729) % 251;
  const image = sharp(noise, { raw: { width, height, channels: 3 } });
  mkdirSync(join(work, 'content', path, '..'), { recursive: true });
  await (path.endsWith('.png') ? image.png() : image.jpeg()).toFile(join(work, 'content', path));
}

const processAll = (outDir: string, stored?: PhotoShelf['stored']) => {
  const shelf: PhotoShelf = { outDir, tally: { encoded: 0, stored: 0 }, ...(stored ? { stored } : {}) };
  return processPhotos(join(work, 'content'), paths, shelf).then((index) => ({ index, tally: shelf.tally }));
};

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'hit-media-'));
  await picture(paths[0] as string, 2000, 1);
  await picture(paths[1] as string, 700, 2);
  await picture(paths[2] as string, 1200, 3);
  writeFileSync(join(work, 'wrangler.toml'), '[[r2_buckets]]\nbinding = "MEDIA"\nbucket_name = "hit-cie-media-test"\n');
  open = await openMediaBucket('', { configPath: join(work, 'wrangler.toml'), persistTo: join(work, 'state') });
});
afterAll(async () => {
  await open?.dispose();
  rmSync(work, { recursive: true, force: true });
});

describe('pictures in R2', () => {
  let index: PhotoIndex;
  let objects: MediaObject[];

  it('uploads only the files the bucket lacks, and deletes the ones no article uses', async () => {
    const processed = await processAll(join(work, 'dist/media'));
    index = processed.index;
    objects = mediaObjects(index);
    // 2000 px: 480/960/1600; 700 px: 480/700; 1200 px: 480/960/1200; each as WebP and JPEG or PNG.
    expect(objects).toHaveLength(16);
    expect(processed.tally).toEqual({ encoded: 3, stored: 0 });
    // What an earlier deploy uploaded, and a picture of a withdrawn article.
    const first = objects[0] as MediaObject;
    await open.bucket.put(first.key, readFileSync(join(work, 'dist/media', first.key)), { customMetadata: { picture: first.picture } });
    await open.bucket.put('ffffffffffffffff-480.jpg', new Uint8Array([1]), { customMetadata: { picture: '480x320' } });

    const result = await syncMedia(open.bucket, objects, join(work, 'dist/media'));
    expect(result.uploaded).toEqual(objects.slice(1).map((o) => o.key));
    expect(result.deleted).toEqual(['ffffffffffffffff-480.jpg']);
    expect((await storedObjects(open.bucket)).map((o) => o.name).sort()).toEqual(objects.map((o) => o.key));

    const again = await syncMedia(open.bucket, objects, join(work, 'dist/media'));
    expect([again.uploaded.length, again.deleted.length]).toEqual([0, 0]);
  });

  it('stores each file with its type, a year immutable, and the picture it belongs to', async () => {
    const png = objects.find((o) => o.key.endsWith('-700.png')) as MediaObject;
    const stored = await open.bucket.head(png.key);
    expect(stored?.httpMetadata).toMatchObject({ contentType: 'image/png', cacheControl: 'public, max-age=31536000, immutable' });
    expect(stored?.customMetadata).toEqual({ picture: '700x462' });
  });

  it('describes what the bucket holds as processing does, so a fresh clone processes nothing again', async () => {
    const stored = storedPhotos(await storedObjects(open.bucket));
    expect(stored.size).toBe(3);
    const fresh = join(work, 'fresh-clone/dist/media');
    const { index: again, tally } = await processAll(fresh, stored);
    expect(tally).toEqual({ encoded: 0, stored: 3 });
    expect([...again]).toEqual([...index]);
    expect(() => readdirSync(fresh)).toThrow();
  });

  it('processes a picture again when the bucket holds only part of it', async () => {
    const listed = await storedObjects(open.bucket);
    const partial = storedPhotos(listed.filter((o) => !o.name.endsWith('-1600.webp')));
    expect(partial.size).toBe(2);
    const { tally } = await processAll(join(work, 'partial/dist/media'), partial);
    expect(tally).toEqual({ encoded: 1, stored: 2 });
  });

  it("deletes a withdrawn article's pictures at the next sync", async () => {
    const kept = mediaObjects(new Map([...index].filter(([path]) => !path.includes('/other/'))));
    const result = await syncMedia(open.bucket, kept, join(work, 'dist/media'));
    expect(result.deleted).toHaveLength(6);
    expect(result.deleted.every((k) => !kept.some((o) => o.key === k))).toBe(true);
    expect((await storedObjects(open.bucket)).length).toBe(10);
  });
});

describe("a scheduled article's pictures", () => {
  const at = (day: number) => Date.parse(`2025-01-${String(day).padStart(2, '0')}T09:00:00+08:00`);
  const img = (hash: string) => `<p><img src="/media/${hash}-480.webp" alt="x"></p>`;

  it('are released when the first article showing them goes out; pictures already out are not listed', () => {
    const content = syntheticContent([
      syntheticArticle('old', 'en', 1, { html: img('1111111111111111') }),
      syntheticArticle('soon', 'en', 10, { html: img('1111111111111111') + img('2222222222222222') }),
      syntheticArticle('soon', 'zh', 12, { html: img('2222222222222222') }),
      syntheticArticle('later', 'en', 20, {
        html: img('3333333333333333'),
        image: { src: '/media/4444444444444444-960.jpg', alt: 'x' },
      }),
    ]);
    expect(mediaReleases(content, at(5))).toEqual({
      '2222222222222222': at(10),
      '3333333333333333': at(20),
      '4444444444444444': at(20),
    });
    expect(mediaReleases(content, at(20))).toEqual({});
  });
});
