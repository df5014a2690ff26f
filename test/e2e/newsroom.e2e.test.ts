/**
 * A newsroom article in a real browser under `wrangler dev` (what `npm start` shows): photos saved beside the article,
 * processed by the copy's own build and served as static assets, or with the MEDIA bucket switched on from the local
 * R2 (docs/archive.md › Pictures in R2); a video that loads nothing from its site before a click. The article and its
 * pictures are SYNTHETIC, made here.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { switchOnMedia } from '../../scripts/media';
import { launchChromium, type RunningWorker, startFixtureWorker } from './server';

let worker: RunningWorker & { dir: string };
let r2Worker: RunningWorker & { dir: string };
let browser: Browser;

beforeAll(async () => {
  const content = mkdtempSync(join(tmpdir(), 'hit-newsroom-'));
  cpSync('test/fixtures/content/site', join(content, 'site'), { recursive: true });
  const dir = join(content, 'articles/2025/photo-story');
  mkdirSync(dir, { recursive: true });
  for (const [name, colour] of [
    ['lead.jpg', '#1e64c8'],
    ['one.jpg', '#c81e1e'],
    ['two.jpg', '#1ec864'],
  ] as const) {
    await sharp({ create: { width: 2000, height: 1200, channels: 3, background: colour } })
      .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '45/1 45/1 0/1' } })
      .jpeg()
      .toFile(join(dir, name));
  }
  writeFileSync(
    join(dir, 'en.md'),
    [
      '---',
      'title: A photo story (synthetic)',
      'summary: Three synthetic pictures and a video.',
      'published: 2025-03-01T20:00:00+08:00',
      'author: Test Author',
      'tags: [open-source]',
      'image: { src: lead.jpg, alt: A blue synthetic picture }',
      '---',
      '',
      'The text of the story.',
      '',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      '',
      ...Array.from({ length: 30 }, (_, i) => `Paragraph ${i + 1} that pushes the gallery below the fold.\n`),
      '![A red synthetic picture](one.jpg)',
      '![A green synthetic picture](two.jpg)',
      '',
    ].join('\n'),
  );
  worker = await startFixtureWorker({}, content);
  r2Worker = await startFixtureWorker({}, content, switchOnMedia);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await worker?.stop();
  await r2Worker?.stop();
});

describe.each([
  ['as static files', () => worker],
  ['from the local R2', () => r2Worker],
])('an article with photos, its pictures %s, in Chromium', (mode, running) => {
  it('shows every picture, sized before it loads, as WebP, lazily below the fold', async () => {
    const worker = running();
    const page = await browser.newPage({ viewport: { width: 375, height: 700 } });
    await page.goto(`${worker.origin}/en/articles/photo-story`);
    const lead = page.locator('figure img');
    await expect.poll(() => lead.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    expect(await lead.evaluate((img: HTMLImageElement) => img.currentSrc)).toMatch(/\/media\/\w+-(480|960|1600)\.webp$/);
    const gallery = page.locator('.gallery img');
    expect(await gallery.count()).toBe(2);
    expect(await gallery.first().getAttribute('loading')).toBe('lazy');
    // width and height reserve the space: the box has its height before the picture arrives.
    expect((await gallery.first().boundingBox())?.height).toBeGreaterThan(50);
    await gallery.first().scrollIntoViewIfNeeded();
    await expect.poll(() => gallery.first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    const res = await page.request.get(
      `${worker.origin}${new URL(await lead.evaluate((img: HTMLImageElement) => img.currentSrc)).pathname}`,
    );
    expect(res.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers()['content-type']).toBe('image/webp');
    const etag = res.headers().etag ?? '';
    expect(etag).not.toBe('');
    const again = await page.request.get(res.url(), { headers: { 'If-None-Match': etag } });
    expect(again.status()).toBe(304);
    // With R2 the [assets] folder holds no picture at all: only the bucket has them.
    expect(existsSync(join(worker.dir, 'public/media'))).toBe(mode === 'as static files');
    await page.close();
  });
});

describe('a gallery of two photos, in Chromium', () => {
  it.each([
    [375, 2],
    [600, 1],
    [1280, 1],
  ])('at %i px (×%i) fills the column and fetches no smaller a picture than it draws', async (width, scale) => {
    const page = await browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: scale });
    await page.goto(`${worker.origin}/en/articles/photo-story`);
    const gallery = page.locator('.gallery img');
    await gallery.first().scrollIntoViewIfNeeded();
    await gallery.last().scrollIntoViewIfNeeded();
    for (const img of await gallery.all()) {
      await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(0);
    }
    const drawn = await gallery.evaluateAll((imgs: HTMLImageElement[]) =>
      imgs.map((i) => ({ width: i.getBoundingClientRect().width, fetched: Number(/-(\d+)\.\w+$/.exec(i.currentSrc)?.[1]) })),
    );
    const column = await page.locator('main').evaluate((m) => m.clientWidth - 2 * Number.parseFloat(getComputedStyle(m).paddingLeft));
    // Two photos share the column (no empty third track), or stack when it is narrow.
    const across = drawn[0] && drawn[0].width > column / 2 ? 1 : 2;
    expect(drawn.reduce((n, d) => n + d.width, 0) / (across === 1 ? 2 : 1)).toBeGreaterThan(column * (across === 1 ? 0.99 : 0.97));
    // The variant fetched covers the device pixels drawn (or is the largest there is).
    for (const d of drawn) expect(d.fetched >= Math.min(d.width * scale, 1600) || d.fetched === 1600, JSON.stringify(d)).toBe(true);
    await page.close();
  });
});

describe('an article with a video, in Chromium', () => {
  it('asks nothing of the video site before the click, and puts its player in place after it', async () => {
    const page = await browser.newPage();
    const elsewhere: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(worker.origin)) elsewhere.push(r.url());
    });
    await page.goto(`${worker.origin}/en/articles/photo-story`, { waitUntil: 'networkidle' });
    expect(elsewhere).toEqual([]);
    await page.locator('a.video').click();
    const player = page.locator('iframe.video-player');
    expect(await player.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1');
    await page.close();
  });
});
