/** The raster icons the build draws for what cannot use the SVG favicon (Tiny Tiny RSS stores only ICO/PNG/JPEG/GIF/BMP). */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { drawIcons, ICON_FILES } from '../../src/build/icons';
import { Library } from '../../src/content/library';
import { testEnv } from '../support/env';
import { syntheticArticle, syntheticContent } from '../support/fixtures';

describe('icons', () => {
  it('are PNGs of 32, 64, 144, 180 and 512 px and a real ICO, drawn again only when they change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hit-icons-'));
    expect(await drawIcons(dir)).toBe(6);
    for (const [path, size] of [
      [ICON_FILES.png32, 32],
      [ICON_FILES.png64, 64],
      [ICON_FILES.png144, 144],
      [ICON_FILES.appleTouch, 180],
      [ICON_FILES.png512, 512],
    ] as const) {
      expect(await sharp(join(dir, path)).metadata(), path).toMatchObject({ format: 'png', width: size, height: size });
    }
    const ico = readFileSync(join(dir, ICON_FILES.ico));
    // ICONDIR: reserved 0, type 1 (icon), one image; its entry 32 × 32 at 32 bits, the PNG right after.
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4), ico[6], ico[7], ico.readUInt16LE(12)]).toEqual([
      0, 1, 1, 32, 32, 32,
    ]);
    expect(ico.subarray(22, 26).toString('latin1')).toBe('\x89PNG');
    const before = statSync(join(dir, ICON_FILES.png512)).mtimeMs;
    expect(await drawIcons(dir)).toBe(0);
    expect(statSync(join(dir, ICON_FILES.png512)).mtimeMs).toBe(before);
  });

  it('are what the feeds, the pages and the publisher logo name', async () => {
    const app = createApp(Library.of(syntheticContent([syntheticArticle('a', 'en', 1)])));
    const env = testEnv({ SITE_URL: 'https://news.example.edu' });
    const get = async (path: string) => (await app.fetch(new Request(`https://news.example.edu${path}`), env)).text();
    const json = JSON.parse(await get('/en/feed.json')) as { icon: string; favicon: string };
    // The favicon small, as JSON Feed asks ("e.g. 64x64"); RSS's channel image at most 144 px, as RSS asks.
    expect([json.icon, json.favicon]).toEqual([
      'https://news.example.edu/icons/icon-512.png',
      'https://news.example.edu/icons/icon-64.png',
    ]);
    expect(await get('/en/rss.xml')).toMatch(
      /<image>\s*<title>[^<]+<\/title>\s*<url>https:\/\/news\.example\.edu\/icons\/icon-144\.png<\/url>\s*<link>https:\/\/news\.example\.edu\/en\/<\/link>\s*<\/image>/,
    );
    expect(await get('/en/atom.xml')).toContain('<icon>https://news.example.edu/icons/icon-512.png</icon>');
    const page = await get('/en/articles/a');
    expect(page).toContain('<link rel="icon" href="/icons/icon-32.png" type="image/png" sizes="32x32"/>');
    expect(page).toContain('<link rel="apple-touch-icon" href="/icons/apple-touch-icon.png"/>');
    expect(page).toContain('"logo":{"@type":"ImageObject","url":"https://news.example.edu/icons/icon-512.png","width":512,"height":512}');
  });
});
