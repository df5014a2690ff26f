/**
 * npm run withdraw end to end on a SYNTHETIC repository made here: files, withdrawn.yaml, the URLs it reports (checked
 * against a crawl of the site before), the purge requests a local stand-in of Cloudflare's API receives, and the 410.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticContent } from '../../scripts/bench/synthetic';
import { readContentDir } from '../../scripts/content-files';
import { storedObjects, withMediaBucket } from '../../scripts/media';
import { PURGE_FILES_PER_REQUEST, PURGE_PREFIXES_PER_REQUEST } from '../../scripts/purge';
import { WithdrawError, withdraw, withdrawOptions } from '../../scripts/withdraw';
import { createApp } from '../../src/app';
import { compileContent, formatProblem } from '../../src/build/compile';
import { processPhotos } from '../../src/build/photos';
import { Library } from '../../src/content/library';
import { buildIn } from '../support/build';
import { crawl } from '../support/crawl';
import { testEnv } from '../support/env';
import { articleSource, siteSources } from '../support/fixtures';

const SITE = 'https://news.example.edu';
const env = testEnv({ SITE_URL: SITE, FEED_ITEMS: '2', WEBSUB_HUB: '' });

/** A repository: site files, a wrangler.toml whose production has SITE_URL, and articles, some with pictures. */
async function repository(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'hit-withdraw-'));
  const content = join(root, 'content');
  for (const f of siteSources()) {
    mkdirSync(join(content, 'site'), { recursive: true });
    writeFileSync(join(content, f.path), f.text ?? '');
  }
  writeFileSync(join(content, 'withdrawn.yaml'), '# Withdrawn articles (synthetic repository).\n[]\n');
  const article = (slug: string, lang: 'zh' | 'en', day: number, fields: Record<string, string> = {}, body?: string) => {
    const f = articleSource(slug, lang, { published: `2025-03-${String(day).padStart(2, '0')}T09:00:00+08:00`, ...fields }, body);
    mkdirSync(join(content, f.path, '..'), { recursive: true });
    writeFileSync(join(content, f.path), f.text ?? '');
  };
  // Eight stories, so that the feeds (two items a page) have archive pages and the withdrawn one sits in the middle.
  for (const [i, slug] of ['one', 'two', 'three', 'four', 'six', 'seven', 'eight'].entries()) {
    for (const lang of ['zh', 'en'] as const) article(`story-${slug}`, lang, i < 4 ? i + 1 : i + 2, { tags: '[open-source, events]' });
  }
  const folder = join(content, 'articles/2025/story-five');
  mkdirSync(folder, { recursive: true });
  for (const [name, colour] of [
    ['lead.jpg', '#c81e1e'],
    ['hall.jpg', '#1e50c8'],
  ] as const) {
    await sharp({ create: { width: 1200, height: 800, channels: 3, background: colour } })
      .jpeg()
      .toFile(join(folder, name));
  }
  for (const lang of ['zh', 'en'] as const) {
    article(
      'story-five',
      lang,
      5,
      { tags: '[events]', image: '{ src: lead.jpg, alt: A synthetic red picture }', redirect_from: '[old-five]' },
      lang === 'en' ? 'Synthetic body.\n\n![The synthetic hall](hall.jpg)' : 'Synthetic body.',
    );
  }
  writeFileSync(
    join(root, 'wrangler.toml'),
    `name = "x"\n[vars]\nSITE_URL = ""\nFEED_ITEMS = "2"\n[env.production]\nname = "x"\n[env.production.vars]\nSITE_URL = "${SITE}"\nFEED_ITEMS = "2"\n`,
  );
  return root;
}

/** The site as the build would make it from `root`'s content now (pictures processed into its public/media). */
async function site(root: string) {
  const sources = readContentDir(join(root, 'content'));
  const photos = await processPhotos(
    join(root, 'content'),
    sources.map((f) => f.path),
    join(root, 'public/media'),
  );
  const result = compileContent(sources, 'content/', { photos });
  if (!result.content) throw new Error(result.problems.map(formatProblem).join('\n'));
  const app = createApp(Library.of(result.content));
  return { content: result.content, get: (path: string) => Promise.resolve(app.fetch(new Request(SITE + path), env)) };
}

describe('npm run withdraw', () => {
  let root: string;
  const requests: { url?: string; auth?: string; body: { files?: string[]; prefixes?: string[] } }[] = [];
  const standIn = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      requests.push({ url: req.url, auth: req.headers.authorization, body: JSON.parse(body) });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"success":true,"errors":[],"result":{"id":"x"}}');
    });
  });
  let before: Map<string, string>;
  let media: string[];
  let result: Awaited<ReturnType<typeof withdraw>>;
  let published = false;

  beforeAll(async () => {
    root = await repository();
    await new Promise<void>((r) => standIn.listen(0, '127.0.0.1', r));
    const { get } = await site(root);
    before = await crawl(get, SITE);
    media = readdirSync(join(root, 'public/media'));
    result = await withdraw({
      slug: 'story-five',
      note: 'at the author\'s request: "urgent"',
      env: 'production',
      contentDir: join(root, 'content'),
      assets: join(root, 'public'),
      config: join(root, 'wrangler.toml'),
      purgeTarget: { token: 'test-token', zoneId: 'zone-1', api: `http://127.0.0.1:${(standIn.address() as AddressInfo).port}/client/v4` },
      publish: async () => {
        published = true;
      },
    });
  });
  afterAll(() => standIn.close());

  it('deletes the article folder with its pictures and appends an entry the check accepts', async () => {
    expect(published).toBe(true);
    expect(existsSync(join(root, 'content/articles/2025/story-five'))).toBe(false);
    const record = readFileSync(join(root, 'content/withdrawn.yaml'), 'utf8');
    expect(record).toMatch(
      /^# Withdrawn articles \(synthetic repository\)\.\n- slug: story-five\n {2}date: (\d{4}-\d{2}-\d{2})\n {2}note: "at the author's request: \\"urgent\\""\n- slug: old-five\n {2}date: \1\n {2}note: "former slug of story-five"\n$/,
    );
    const { content } = await site(root);
    for (const slugs of Object.values(content.withdrawn ?? {})) expect([...slugs].sort()).toEqual(['old-five', 'story-five']);
  });

  it('leaves nothing of it in the built site: pages answer 410, feeds and lists drop it, its pictures are deleted', async () => {
    const { get } = await site(root);
    for (const path of ['/en/articles/story-five', '/zh/articles/story-five', '/en/articles/old-five'])
      expect((await get(path)).status, path).toBe(410);
    for (const path of ['/en/rss.xml', '/zh/atom.xml', '/en/tags/events/feed.json', '/en/', '/sitemap.xml']) {
      expect(await (await get(path)).text(), path).not.toContain('story-five');
    }
    const left = readdirSync(join(root, 'public/media'));
    expect(media.length).toBeGreaterThan(left.length);
    expect(left).toEqual([]);
  });

  it('reports every URL of the site that showed the article before, and each of its picture files', () => {
    const reported = new Set(result.urls.map((u) => u.slice(SITE.length)));
    const covered = (path: string) => reported.has(path) || result.prefixes.some((p) => `https://${p}`.endsWith(path.split('?')[0] ?? ''));
    const showing = [...before].filter(
      ([path, body]) => body.includes('story-five') || body.includes('old-five') || path.startsWith('/media/'),
    );
    expect(showing.length).toBeGreaterThan(20);
    for (const [path] of showing) expect(covered(path), path).toBe(true);
    for (const file of media) expect(reported.has(`/media/${file}`), file).toBe(true);
  });

  it('purges them through the API with the token, in batches within its limits', () => {
    expect(requests.length).toBeGreaterThan(0);
    for (const r of requests) {
      expect(r.url).toBe('/client/v4/zones/zone-1/purge_cache');
      expect(r.auth).toBe('Bearer test-token');
      expect((r.body.files ?? []).length).toBeLessThanOrEqual(PURGE_FILES_PER_REQUEST);
      expect((r.body.prefixes ?? []).length).toBeLessThanOrEqual(PURGE_PREFIXES_PER_REQUEST);
    }
    expect(requests.flatMap((r) => r.body.files ?? []).sort()).toEqual([...result.urls].sort());
    expect(requests.flatMap((r) => r.body.prefixes ?? [])).toContain('news.example.edu/en/rss.xml');
    expect(result.purged.every((p) => p.ok)).toBe(true);
  });
});

describe("the archive's rows, which a deploy makes D1 hold exactly", () => {
  it('are written by a build of the project content/ only: building the test fixture beside it leaves them alone', () => {
    const root = mkdtempSync(join(tmpdir(), 'hit-rows-'));
    // SYNTHETIC articles, more than the bundle always keeps, and a wrangler.toml with the archive on.
    writeSyntheticContent(join(root, 'content'), 130);
    cpSync('test/fixtures/content', join(root, 'fixture'), { recursive: true });
    writeFileSync(
      join(root, 'wrangler.toml'),
      '[[d1_databases]]\nbinding = "ARCHIVE"\ndatabase_name = "a"\ndatabase_id = "x"\n[vars]\nSITE_URL = ""\nFEED_ITEMS = "20"\n',
    );
    const env = { CONTENT_ARCHIVE_LOCAL: '0', CARDS: '0', CONTENT_ARCHIVE: '' };
    const built = buildIn(root, ['--archive-budget', '1'], env);
    expect(built.status, built.stderr).toBe(0);
    const rows = readFileSync(join(root, 'dist/archive/bodies.json'), 'utf8');
    expect(JSON.parse(rows).length).toBeGreaterThan(0);
    const fixture = buildIn(root, ['--content', 'fixture', '--out', 'fixture-generated/content.ts'], env);
    expect(fixture.status, fixture.stderr).toBe(0);
    expect(readFileSync(join(root, 'dist/archive/bodies.json'), 'utf8')).toBe(rows);
  });
});

/** Withdraws story-five of the repository at `root`, without deploying (`publish` stands in for it). */
const withdrawStoryFive = (root: string, options: Partial<Parameters<typeof withdraw>[0]> = {}) =>
  withdraw({
    slug: 'story-five',
    contentDir: join(root, 'content'),
    config: join(root, 'wrangler.toml'),
    publish: async () => {},
    ...options,
  });

describe('npm run withdraw on a fresh clone', () => {
  it('names every picture URL without processing a picture', async () => {
    const root = await repository();
    const mediaDir = join(root, 'never-written');
    const done = await withdrawStoryFive(root, { mediaDir });
    // Two pictures of 1200 px: 480, 960 and 1200 wide, as WebP and JPEG.
    expect(done.urls.filter((u) => u.startsWith('/media/'))).toHaveLength(12);
    expect(existsSync(mediaDir)).toBe(false);
  });
});

describe('npm run withdraw, with the pictures in R2', () => {
  it("deletes the article's pictures from the bucket when the change goes live", async () => {
    const root = await repository();
    const toml = join(root, 'wrangler.toml');
    writeFileSync(toml, `[[r2_buckets]]\nbinding = "MEDIA"\nbucket_name = "hit-cie-media-dev"\n${readFileSync(toml, 'utf8')}`);
    const build = () => {
      const built = buildIn(root, [], { CARDS: '0', CONTENT_ARCHIVE: '0' });
      expect(built.status, built.stderr).toBe(0);
      return built.stdout;
    };
    const held = () =>
      withMediaBucket('', { configPath: toml, persistTo: join(root, '.wrangler/state/v3') }, async (open) =>
        (await storedObjects(open.bucket)).map((o) => o.name),
      );
    expect(build()).toMatch(/pictures in R2: 12 files; local R2 \(hit-cie-media-dev\): 12 uploaded/);
    expect(existsSync(join(root, 'public/media'))).toBe(false);
    expect(await held()).toHaveLength(12);
    await withdrawStoryFive(root, {
      mediaDir: join(root, 'dist/media'),
      publish: async () => {
        build();
      },
    });
    expect(await held()).toEqual([]);
  });
});

describe('npm run withdraw -- --lang', () => {
  it('removes one language and the pictures only it uses, and records the language', async () => {
    const root = await repository();
    const folder = join(root, 'content/articles/2025/story-five');
    const done = await withdrawStoryFive(root, { lang: 'en', assets: join(root, 'public') });
    expect(readdirSync(folder).sort()).toEqual(['lead.jpg', 'zh.md']);
    expect(readFileSync(join(root, 'content/withdrawn.yaml'), 'utf8')).toContain('- slug: story-five\n  date: ');
    expect(done.entry).toContain('  lang: en\n');
    // Without an environment nothing is deployed, so nothing is purged: the URLs are site paths.
    expect(done.urls).toContain('/en/articles/story-five');
    expect(done.purged).toEqual([]);
    const { get } = await site(root);
    expect((await get('/en/articles/story-five')).status).toBe(410);
    expect((await get('/zh/articles/story-five')).status).toBe(200);
  });

  it('reads its options, and answers a mistake in one line before changing anything', () => {
    expect(withdrawOptions(['visit', '--lang', 'en', '--note', 'legal', '--env', 'production'])).toEqual({
      slug: 'visit',
      lang: 'en',
      note: 'legal',
      env: 'production',
      dryRun: false,
    });
    const refusal = (...argv: string[]) => {
      try {
        withdrawOptions(argv);
      } catch (error) {
        if (error instanceof WithdrawError) return `${error.code} ${error.message}`;
        throw error;
      }
      return 'accepted';
    };
    expect(refusal()).toBe(
      '2 say the slug of the article; usage: npm run withdraw -- <slug> [--lang zh|en] [--note "why (internal)"] [--env production] [--dry-run]',
    );
    expect(refusal('a', 'b')).toMatch(/^2 one slug at a time \(got a b\); usage/);
    expect(refusal('a', '--lang', 'fr')).toBe('2 --lang fr: the languages are zh, en (leave it out to withdraw every language)');
    expect(refusal('a', '--slug', 'b')).toMatch(/^2 Unknown option '--slug'.*; usage: npm run withdraw/);
  });

  it('refuses an article that is not there, changing nothing', async () => {
    const root = await repository();
    const options = {
      contentDir: join(root, 'content'),
      assets: join(root, 'public'),
      config: join(root, 'wrangler.toml'),
      publish: async () => {},
    };
    await expect(withdraw({ slug: 'story-nine', ...options })).rejects.toThrow(/no article "story-nine" in .*articles\/<year>\//);
    await expect(withdraw({ slug: 'story-one', lang: 'fr' as 'en', ...options })).rejects.toThrow(
      '"story-one" has no fr.md (it has zh, en)',
    );
    expect(readFileSync(join(root, 'content/withdrawn.yaml'), 'utf8')).toBe('# Withdrawn articles (synthetic repository).\n[]\n');
  });
});
