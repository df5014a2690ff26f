/**
 * Pictures in R2 (src/app/media.ts): with the MEDIA binding the Worker serves /media/* from the bucket as Cloudflare
 * serves the static pictures (type, nosniff, a year immutable, ETag and 304, ranges, HEAD), and a scheduled
 * article's pictures only from its time. The pictures are SYNTHETIC bytes put into the local bucket here.
 */
import { env as runtimeEnv } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { Library } from '../../src/content/library';
import { testEnv } from '../support/env';
import { syntheticArticle, syntheticContent } from '../support/fixtures';

const { MEDIA } = runtimeEnv as unknown as { MEDIA: R2Bucket };
const OUT = 'aaaaaaaaaaaaaaaa';
const LATER = 'bbbbbbbbbbbbbbbb';
const BYTES = new Uint8Array(Array.from({ length: 1000 }, (_, i) => i % 251));
const SCHEDULED_AT = Date.parse('2025-02-01T09:00:00+08:00');

const content = syntheticContent([
  syntheticArticle('out', 'en', 1, { html: `<p><img src="/media/${OUT}-480.jpg" alt="x"></p>` }),
  syntheticArticle('later', 'en', 2, {
    published: '2025-02-01T09:00:00+08:00',
    updated: '2025-02-01T09:00:00+08:00',
    publishedMs: SCHEDULED_AT,
    updatedMs: SCHEDULED_AT,
    html: `<p><img src="/media/${LATER}-480.jpg" alt="x"></p>`,
  }),
]);
content.mediaReleases = { [LATER]: SCHEDULED_AT };

let now = SCHEDULED_AT - 60_000;
const app = createApp(Library.of(content), {}, { clock: () => now });
const env = testEnv({ MEDIA });
const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  app.fetch(new Request(`http://feeds.test${path}`, { method, headers }), env);

beforeAll(async () => {
  for (const hash of [OUT, LATER]) {
    await MEDIA.put(`${hash}-480.jpg`, BYTES, { httpMetadata: { contentType: 'image/jpeg' } });
    await MEDIA.put(`${hash}-480.webp`, BYTES, { httpMetadata: { contentType: 'image/webp' } });
  }
});

describe('pictures from R2', () => {
  it('answers 200 with the picture, its type, nosniff, a year immutable and a strong ETag', async () => {
    now = SCHEDULED_AT - 60_000;
    const res = await get(`/media/${OUT}-480.webp`);
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(BYTES);
    expect(res.headers.get('Content-Type')).toBe('image/webp');
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(res.headers.get('ETag')).toMatch(/^"[0-9a-f]{32}"$/);
  });

  it('answers 304 when If-None-Match names its ETag, and 200 for another', async () => {
    const etag = (await get(`/media/${OUT}-480.jpg`)).headers.get('ETag') ?? '';
    const same = await get(`/media/${OUT}-480.jpg`, { 'If-None-Match': etag });
    expect(same.status).toBe(304);
    expect(same.headers.get('ETag')).toBe(etag);
    expect(await same.text()).toBe('');
    expect((await get(`/media/${OUT}-480.jpg`, { 'If-None-Match': '"other"' })).status).toBe(200);
  });

  it('answers HEAD with the headers and length, and no body', async () => {
    const res = await get(`/media/${OUT}-480.jpg`, {}, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('image/jpeg');
    expect(res.headers.get('Content-Length')).toBe('1000');
    expect(await res.text()).toBe('');
  });

  it('answers a range with 206 and those bytes, and one past the end with 416', async () => {
    const res = await get(`/media/${OUT}-480.jpg`, { Range: 'bytes=10-19' });
    expect(res.status).toBe(206);
    expect(res.headers.get('Content-Range')).toBe('bytes 10-19/1000');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(BYTES.slice(10, 20));
    const tail = await get(`/media/${OUT}-480.jpg`, { Range: 'bytes=-5' });
    expect(tail.status).toBe(206);
    expect(new Uint8Array(await tail.arrayBuffer())).toEqual(BYTES.slice(995));
    const past = await get(`/media/${OUT}-480.jpg`, { Range: 'bytes=990-5000' });
    expect(past.status).toBe(206);
    expect(past.headers.get('Content-Range')).toBe('bytes 990-999/1000');
    expect((await past.arrayBuffer()).byteLength).toBe(10);
    // Several ranges: the whole picture (RFC 9110 lets a server ignore Range).
    expect((await get(`/media/${OUT}-480.jpg`, { Range: 'bytes=0-1,5-6' })).status).toBe(200);
    const beyond = await get(`/media/${OUT}-480.jpg`, { Range: 'bytes=5000-' });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('Content-Range')).toBe('bytes */1000');
  });

  it.each([`/media/${OUT}-960.jpg`, '/media/cccccccccccccccc-480.jpg', '/media/not-a-picture.txt', '/media/', `/media/${OUT}-480.gif`])(
    'answers 404 for %s (no such picture)',
    async (path) => {
      expect((await get(path)).status).toBe(404);
    },
  );

  it("answers 404 for a scheduled article's picture before its time, and 200 from then", async () => {
    now = SCHEDULED_AT - 1;
    expect((await get(`/media/${LATER}-480.jpg`)).status).toBe(404);
    expect((await get(`/media/${LATER}-480.jpg`, {}, 'HEAD')).status).toBe(404);
    now = SCHEDULED_AT;
    expect((await get(`/media/${LATER}-480.jpg`)).status).toBe(200);
  });

  it('answers 404 without the binding (the pictures are static files then)', async () => {
    const res = await app.fetch(new Request(`http://feeds.test/media/${OUT}-480.jpg`), testEnv());
    expect(res.status).toBe(404);
  });
});
