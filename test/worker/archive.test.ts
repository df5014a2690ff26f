/**
 * The archive (docs/archive.md): with older bodies in D1 instead of the bundle, every URL a crawler or a feed reader
 * can reach answers the same bytes and ETags as the embedded default, over a 1,000-article SYNTHETIC archive.
 */
import { applyD1Migrations, type D1Migration } from 'cloudflare:test';
import { env as runtimeEnv } from 'cloudflare:workers';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/app';
import { archiveChanges, archiveSql, BodyStore, deleteRowsSql, splitArchive } from '../../src/content/archive';
import { Library } from '../../src/content/library';
import type { CompiledContent, Lang, Translation } from '../../src/content/model';
import { testEnv } from '../support/env';
import { syntheticArticle, syntheticContent } from '../support/fixtures';

const { ARCHIVE, ARCHIVE_MIGRATIONS } = runtimeEnv as unknown as { ARCHIVE: D1Database; ARCHIVE_MIGRATIONS: D1Migration[] };
const ORIGIN = 'http://feeds.test';

/** 1,000 SYNTHETIC bilingual articles, two days apart, some with pictures beside them (a body split for feeds). */
function syntheticArchive(count: number): CompiledContent {
  const articles: Translation[] = [];
  for (let i = 1; i <= count; i++) {
    for (const lang of ['zh', 'en'] as Lang[]) {
      const published = new Date(Date.UTC(2005, 0, 1) + i * 2 * 86_400_000).toISOString().replace('.000Z', '+00:00');
      const words = `${lang === 'zh' ? '合成正文' : 'Synthetic body'} ${i} `.repeat(20 + (i % 40));
      const picture = i % 7 === 0;
      articles.push(
        syntheticArticle(`synthetic-${i}`, lang, 1, {
          published,
          updated: published,
          publishedMs: Date.parse(published),
          updatedMs: Date.parse(published) + (i % 5 === 0 ? 86_400_000 : 0),
          tags: i % 3 === 0 ? ['open-source', 'events'] : i % 3 === 1 ? ['open-source'] : ['events'],
          html: picture ? `<p>${words}</p><p><img src="/media/p${i}.jpg" alt="x"></p>` : `<p>${words}</p>`,
          ...(picture ? { feedHtml: [`<p>${words}</p><p><img src="`, `/media/p${i}.jpg" alt="x"></p>`] } : {}),
        }),
      );
    }
  }
  return syntheticContent(articles);
}

/** Every URL reachable from the sitemaps and, for feeds, by following their archive links (RFC 5005). */
async function reachableUrls(fetchPath: (path: string) => Promise<Response>, content: CompiledContent): Promise<string[]> {
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => (m[1] ?? '').replace(ORIGIN, ''));
  const pages = new Set<string>();
  for (const sitemap of locs(await (await fetchPath('/sitemap.xml')).text())) {
    for (const page of locs(await (await fetchPath(sitemap)).text())) pages.add(page);
  }
  const feeds = new Set<string>();
  const starts = (Object.keys(content.articles) as Lang[]).flatMap((lang) => [
    `/${lang}/`,
    ...Object.keys(content.sites[lang].tags).map((t) => `/${lang}/tags/${t}/`),
  ]);
  for (const start of starts) {
    for (const file of ['rss.xml', 'atom.xml', 'feed.json']) {
      let next: string | undefined = start + file;
      while (next && !feeds.has(next)) {
        feeds.add(next);
        const text: string = await (await fetchPath(next)).text();
        const prev: string | undefined =
          file === 'feed.json'
            ? (JSON.parse(text) as { next_url?: string }).next_url
            : /rel="prev-archive"[^>]*href="([^"]+)"|href="([^"]+)"[^>]*rel="prev-archive"/.exec(text)?.slice(1).find(Boolean);
        next = prev?.replace(ORIGIN, '').replaceAll('&amp;', '&');
      }
    }
    feeds.add(`${start}feed.json?since=2006-01-01T00:00:00Z&limit=100`);
  }
  return [...pages, ...feeds];
}

describe('the archive in D1', () => {
  const content = syntheticArchive(1000);
  let split: Awaited<ReturnType<typeof splitArchive>>;

  beforeAll(async () => {
    // A budget small enough that most bodies leave the bundle.
    split = await splitArchive(content, 200_000);
    await applyD1Migrations(ARCHIVE, ARCHIVE_MIGRATIONS);
    await ARCHIVE.batch(
      split.rows.map((r) =>
        ARCHIVE.prepare('INSERT INTO bodies (key, hash, html, feed_html) VALUES (?, ?, ?, ?)').bind(r.key, r.hash, r.html, r.feed_html),
      ),
    );
  });

  it('answers every reachable URL with the bytes and ETag of the bundled archive', async () => {
    const archivedCount = Object.values(split.content.articles)
      .flat()
      .filter((a) => a.archived).length;
    expect(archivedCount).toBeGreaterThan(1500);
    const bundled = createApp(Library.of(content));
    const stored = createApp(Library.of(split.content));
    const env = testEnv();
    const bundledPath = (path: string) => Promise.resolve(bundled.fetch(new Request(ORIGIN + path), env));
    const storedPath = (path: string) => Promise.resolve(stored.fetch(new Request(ORIGIN + path), testEnv({ ARCHIVE })));
    const urls = await reachableUrls(bundledPath, content);
    expect(urls.length).toBeGreaterThan(2000 + 300);
    let compared = 0;
    for (const url of urls) {
      const [a, b] = await Promise.all([bundledPath(url), storedPath(url)]);
      expect(b.status, url).toBe(a.status);
      expect(b.headers.get('ETag'), url).toBe(a.headers.get('ETag'));
      // Equal ETags are hashes of equal bytes; the bodies are compared too, for a readable failure.
      const [ta, tb] = await Promise.all([a.text(), b.text()]);
      if (ta !== tb) expect(tb, url).toBe(ta);
      compared++;
    }
    expect(compared).toBe(urls.length);
  }, 120_000);

  it('marks only the changed body for a deploy to write again', async () => {
    const again = await splitArchive(content, 200_000);
    expect(again.rows).toEqual(split.rows);
    const edited = structuredClone(content);
    const oldest = edited.articles.en.at(-1) as Translation;
    oldest.html = '<p>Corrected.</p>';
    const after = await splitArchive(edited, 200_000);
    const before = new Set(split.rows.map((r) => `${r.key} ${r.hash}`));
    expect(after.rows.filter((r) => !before.has(`${r.key} ${r.hash}`)).map((r) => [r.key, r.html])).toEqual([
      [`en/${oldest.slug}`, '<p>Corrected.</p>'],
    ]);
    // The SQL a deploy runs replaces the row of that article.
    expect(archiveSql(after.rows.slice(0, 1))).toMatch(/^INSERT OR REPLACE INTO bodies \(key, hash, html, feed_html\)/);
  });

  it('deletes the rows of a withdrawn article, and nothing else, when a deploy brings D1 to the build', async () => {
    const gone = split.content.articles.en.at(-3) as Translation;
    expect(gone.archived).toBe(true);
    const withdrawn = structuredClone(content);
    for (const lang of ['zh', 'en'] as Lang[]) withdrawn.articles[lang] = withdrawn.articles[lang].filter((a) => a.slug !== gone.slug);
    const after = await splitArchive(withdrawn, 200_000);
    const have = (await ARCHIVE.prepare('SELECT key, hash FROM bodies').all<{ key: string; hash: string }>()).results;
    const changes = archiveChanges(have, after.rows);
    expect(changes.remove.sort()).toEqual([`en/${gone.slug}`, `zh/${gone.slug}`]);
    // What the deploy runs (scripts/archive.ts archiveChangesSql), run here against the local D1.
    await ARCHIVE.exec((deleteRowsSql(changes.remove) + archiveSql(changes.write)).replaceAll('\n', ' '));
    const left = await ARCHIVE.prepare('SELECT key FROM bodies WHERE key LIKE ?').bind(`%/${gone.slug}`).all();
    expect(left.results).toEqual([]);
    expect((await ARCHIVE.prepare('SELECT count(*) AS n FROM bodies').first<{ n: number }>())?.n).toBe(after.rows.length);
    const stored = createApp(Library.of(after.content));
    const other = after.content.articles.en.at(-1) as Translation;
    expect((await stored.fetch(new Request(`${ORIGIN}/en/articles/${other.slug}`), testEnv({ ARCHIVE }))).status).toBe(200);
  });

  it("tells the operator's log what is wrong when a build's archive is not bound", async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const stored = createApp(Library.of(split.content));
    const oldest = split.content.articles.en.at(-1) as Translation;
    const res = await stored.fetch(new Request(`${ORIGIN}/en/articles/${oldest.slug}`), testEnv());
    expect(res.status).toBe(500);
    expect(log).toHaveBeenCalledWith(
      'unexpected failure',
      'GET',
      `/en/articles/${oldest.slug}`,
      expect.objectContaining({ message: expect.stringContaining('no ARCHIVE binding') }),
    );
    log.mockRestore();
  });
});

describe('the archived bodies a Worker keeps between requests', () => {
  /** A stand-in for D1 that answers every key with a body of `chars` characters and notes the keys it was asked. */
  function countingArchive(chars = 40) {
    const asked: string[] = [];
    const env = {
      ARCHIVE: {
        prepare: () => ({
          bind: (...keys: string[]) => ({
            all: async () => {
              asked.push(...keys);
              return { results: keys.map((key) => ({ key, html: `<p>${key.padEnd(chars, '.')}</p>`, feed_html: null })) };
            },
          }),
        }),
      },
    };
    return { env, asked };
  }
  const archived = Array.from({ length: 1_200 }, (_, i) => syntheticArticle(`old-${i}`, 'en', 1, { archived: true, html: undefined }));
  const page = (p: number) => archived.slice(p * 100, p * 100 + 100);

  it('reads a body from D1 once while it is kept, and keeps at most 512 however small they are', async () => {
    // Each kept body is objects that every full garbage collection marks in its pause (docs/performance.md).
    const store = new BodyStore();
    const { env, asked } = countingArchive();
    const first = await store.bodiesOf(page(0), env);
    expect(first(archived[0] as Translation).html).toContain('en/old-0');
    expect(asked).toHaveLength(100);
    await store.bodiesOf(page(0), env);
    expect(asked).toHaveLength(100);
    for (let p = 1; p < 12; p++) await store.bodiesOf(page(p), env);
    asked.length = 0;
    // The 500 read last are kept; the first page, read 1,100 bodies ago, is not.
    for (let p = 7; p < 12; p++) await store.bodiesOf(page(p), env);
    expect(asked).toEqual([]);
    await store.bodiesOf(page(0), env);
    expect(asked).toHaveLength(100);
  });

  it('keeps at most 8 MiB of bodies', async () => {
    const store = new BodyStore();
    // 1.5 million characters a body: 3 MB each, two characters a byte in V8's strings.
    const { env, asked } = countingArchive(1_500_000);
    for (const a of archived.slice(0, 3)) await store.bodiesOf([a], env);
    asked.length = 0;
    await store.bodiesOf(archived.slice(1, 3), env);
    expect(asked).toEqual([]);
    await store.bodiesOf(archived.slice(0, 1), env);
    expect(asked).toEqual(['en/old-0']);
  });
});
