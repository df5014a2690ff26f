/**
 * An embargo leaks nothing: a scheduled article's pictures and social card are static files Cloudflare serves to
 * whoever has their URL, so their names are keyed (content/embargo.key) and named by no response before the time.
 * Built by the real build (scripts/build-content.ts) from a SYNTHETIC repository made here.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { previewTime } from '../../scripts/start';
import { createApp } from '../../src/app';
import { parseIndex } from '../../src/content/columns';
import { Library } from '../../src/content/library';
import { buildIn } from '../support/build';
import { crawl } from '../support/crawl';
import { testEnv } from '../support/env';
import { articleSource, siteSources } from '../support/fixtures';

const SITE = 'https://news.example.edu';
/** When both scheduled articles are out (09:00 and 09:01 Beijing time). */
const RELEASE = Date.parse('2030-01-01T09:01:00+08:00');
const env = testEnv({ SITE_URL: SITE, FEED_ITEMS: '20', WEBSUB_HUB: '' });

let root: string;
let photo: Buffer;
let library: Library;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'hit-embargo-'));
  const write = (path: string, text: string) => {
    mkdirSync(join(root, 'content', path, '..'), { recursive: true });
    writeFileSync(join(root, 'content', path), text);
  };
  for (const f of siteSources()) write(f.path, f.text ?? '');
  for (const lang of ['zh', 'en'] as const) {
    const out = articleSource('out-already', lang);
    write(out.path, out.text ?? '');
    // Scheduled: one with a lead photo, one without a picture (it gets a social card showing its headline).
    for (const [slug, fields] of [
      ['secret-visit', { published: '2030-01-01T09:00:00+08:00', image: '{ src: lead.jpg, alt: A synthetic picture }' }],
      ['secret-award', { published: '2030-01-01T09:01:00+08:00', title: 'A synthetic secret award' }],
    ] as const) {
      const scheduled = articleSource(slug, lang, fields, undefined, 'articles/2030');
      write(scheduled.path, scheduled.text ?? '');
    }
  }
  photo = await sharp({ create: { width: 1000, height: 600, channels: 3, background: '#2a7' } })
    .jpeg()
    .toBuffer();
  writeFileSync(join(root, 'content/articles/2030/secret-visit/lead.jpg'), photo);
  writeFileSync(join(root, 'wrangler.toml'), '[vars]\nSITE_URL = ""\nFEED_ITEMS = "20"\n');
  library = build();
});

/** The real build of the repository (as a deploy runs it, or `npm start -- --at` with `previewAt`), read as the Worker reads it. */
function build(previewAt = ''): Library {
  const built = buildIn(root, ['--no-archive'], { INCLUDE_DRAFTS: previewAt ? '1' : '', PREVIEW_AT: previewAt });
  expect(built.status, built.stderr).toBe(0);
  return new Library(parseIndex(readFileSync(join(root, 'generated/content.txt'), 'utf8')));
}

/** The site as readers see it at `now`. */
const siteAt = (now: number) => {
  const app = createApp(library, {}, { clock: () => now });
  return (path: string) => Promise.resolve(app.fetch(new Request(SITE + path), env));
};

describe('a scheduled article', () => {
  it('has picture and card names that cannot be worked out from the photo, and a new key would rename them', async () => {
    const after = await (await siteAt(RELEASE)('/en/feed.json')).json();
    const items = (after as { items: { id: string; image?: string }[] }).items;
    const image = items.find((i) => i.id.includes('secret-visit'))?.image ?? '';
    expect(image).toMatch(/^https:\/\/news\.example\.edu\/media\/[0-9a-f]{16}-960\.jpg$/);
    // The name the build gave before keys: a plain hash of the photo, which anyone holding the photo could compute.
    const plain = createHash('sha256').update('v1 webp80 jpeg80-mozjpeg png9').update(photo).digest('hex').slice(0, 16);
    expect(image).not.toContain(plain);
    expect(readFileSync(join(root, 'content/embargo.key'), 'utf8')).toMatch(/^[0-9a-f]{64}$/m);
  });

  it('is named by no response before its time: no page, feed, sitemap or list points at its picture or card', async () => {
    const files = [...(await crawl(siteAt(RELEASE), SITE))].filter(([path]) => path.startsWith('/media/') || path.startsWith('/cards/'));
    const secret = files.map(([path]) => path).filter((p) => !p.includes('_') && !/out-already/.test(p));
    // After the time: its pictures (each size, WebP and JPEG) and the other's card.
    expect(secret.filter((p) => p.startsWith('/media/')).length).toBeGreaterThanOrEqual(2);
    expect(secret.some((p) => p.startsWith('/cards/en/secret-award-'))).toBe(true);
    const before = await crawl(siteAt(Date.parse('2030-01-01T08:59:00+08:00')), SITE);
    expect(before.size).toBeGreaterThan(20);
    for (const [path, body] of before) {
      for (const file of secret) expect(body.includes(file) || path === file, `${path} names ${file}`).toBe(false);
    }
  });

  it('has its files built and in place, served from its time on where the feeds point', async () => {
    const after = await crawl(siteAt(RELEASE), SITE);
    const files = [...after.keys()].filter((p) => p.startsWith('/media/') || p.startsWith('/cards/'));
    for (const file of files) expect(existsSync(join(root, 'public', file)), file).toBe(true);
  });
});

describe('npm start -- --at', () => {
  it('reads a newsroom time as Beijing time, or an ISO time with its offset, and refuses anything else', () => {
    expect(previewTime('2030-01-01 09:00')).toBe('2030-01-01T09:00:00+08:00');
    expect(previewTime('2030-01-01T09:00:30')).toBe('2030-01-01T09:00:30+08:00');
    expect(previewTime('2030-01-01T01:00:00Z')).toBe('2030-01-01T01:00:00Z');
    for (const bad of ['tomorrow', '2030-02-30 09:00', '2030-01-01', '09:00', '']) expect(previewTime(bad), bad).toBeUndefined();
  });

  it('builds the site as production will show it then: scheduled articles from their time, never a draft', async () => {
    const draft = articleSource('a-draft', 'en', { draft: 'true', published: '2025-03-02T09:00:00+08:00' });
    mkdirSync(join(root, 'content/articles/2025/a-draft'), { recursive: true });
    writeFileSync(join(root, 'content', draft.path), draft.text ?? '');
    for (const [at, shown] of [
      ['2030-01-01T08:59:00+08:00', false],
      ['2030-01-01T09:00:00+08:00', true],
    ] as const) {
      // Whatever the clock of the machine or the request says: the Worker's clock is the preview's.
      const app = createApp(build(at));
      const get = (path: string) => Promise.resolve(app.fetch(new Request(SITE + path), env));
      expect((await get('/en/articles/secret-visit')).status, at).toBe(shown ? 200 : 404);
      expect(await (await get('/en/feed.json')).text(), at).not.toContain('a-draft');
      expect((await get('/en/articles/a-draft')).status, at).toBe(404);
    }
  });
});
