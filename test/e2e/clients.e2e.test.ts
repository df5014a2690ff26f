/**
 * The client matrix: every main, tag and archive feed of three content sets (the repository's
 * content/, whatever it holds; the hostile fixture; a SYNTHETIC 35-article archive with photos beside every tenth article) read by
 * feedparser, newsboat, sfeed, rss-parser and @extractus/feed-extractor, every RSS and Atom document
 * checked by the W3C Feed Validation Service's engine, every JSON feed by the JSON Feed 1.1 schema.
 * Each client must store the item's own page in the feed's language as its link, with the title,
 * date, byline and categories the JSON feed states.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticContent } from '../../scripts/bench/synthetic';
import { hostileContentDir } from '../support/hostile';
import { feedExtractorRead, feedparser, newsboat, PYTHON, type ReaderView, rssParserRead, sfeed, w3cValidate } from './readers';
import { launchChromium, type RunningWorker, startFixtureWorker, startWorker } from './server';

interface JsonItem {
  id: string;
  url: string;
  title: string;
  date_published: string;
  authors: { name: string }[];
  tags: string[];
  content_html: string;
  image?: string;
  _hit: { translations: { url: string }[] };
}
interface JsonFeed {
  title: string;
  language: string;
  next_url?: string;
  items: JsonItem[];
}

interface Site {
  name: string;
  start: () => Promise<RunningWorker>;
  worker?: RunningWorker;
  /** Every feed document to read: main and tag feeds, and the archive pages their links lead to. */
  paths: string[];
}

const synthetic = () => {
  const dir = mkdtempSync(join(tmpdir(), 'hit-synthetic-'));
  writeSyntheticContent(dir, 35, { photos: true });
  return dir;
};
const SITES: Site[] = [
  { name: 'repository content', start: () => startWorker(), paths: [] },
  { name: 'hostile fixture', start: () => startFixtureWorker({}, hostileContentDir()), paths: [] },
  { name: 'synthetic archive (35 articles, photos beside every tenth)', start: () => startFixtureWorker({}, synthetic()), paths: [] },
];
let browser: Browser;
const counts: Record<string, number> = {};
const count = (client: string) => (counts[client] = (counts[client] ?? 0) + 1);

/** Strips the invisible word joiner the XML feeds put into markup-like text (see src/feeds/xml.ts). */
const shown = (s: string | undefined) => (s ?? '').replaceAll('\u2060', '').trim();
const jsonPath = (path: string) => path.replace(/(rss|atom)\.xml/, 'feed.json');

/** Main and tag feeds of both languages, then every archive document reachable from them and from ?limit=5. */
async function discover(origin: string): Promise<string[]> {
  const paths = new Set<string>();
  for (const lang of ['zh', 'en']) {
    const html = await (await fetch(`${origin}/sitemaps/site-pages.xml`)).text();
    const tags = [...new Set([...html.matchAll(new RegExp(`/${lang}/tags/([a-z0-9-]+)/`, 'g'))].map((m) => m[1]))];
    for (const tag of [undefined, ...tags]) {
      for (const start of ['feed.json', 'feed.json?limit=5']) {
        let next: string | undefined = `/${lang}/${tag ? `tags/${tag}/` : ''}${start}`;
        while (next) {
          paths.add(next);
          const json = (await (await fetch(origin + next)).json()) as JsonFeed;
          next = json.next_url ? new URL(json.next_url).pathname + new URL(json.next_url).search : undefined;
        }
      }
    }
  }
  return [...paths].flatMap((p) => [p, p.replace('feed.json', 'rss.xml'), p.replace('feed.json', 'atom.xml')]);
}

beforeAll(async () => {
  const workers = await Promise.all(SITES.map((s) => s.start()));
  for (const [i, site] of SITES.entries()) {
    site.worker = workers[i];
    site.paths = await discover(workers[i]?.origin ?? '');
  }
  browser = await launchChromium();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await Promise.all(SITES.map((s) => s.worker?.stop()));
  console.log(
    `client matrix: ${Object.entries(counts)
      .map(([c, n]) => `${c} ${n} documents`)
      .join(', ')}`,
  );
});

describe.each(SITES.map((s, i) => [s.name, i] as const))('%s', (_name, i) => {
  const site = () => SITES[i] as Site;
  const origin = () => site().worker?.origin ?? '';
  const xmlPaths = () => site().paths.filter((p) => !p.includes('feed.json'));
  const expected = async (path: string) => (await (await fetch(origin() + jsonPath(path))).json()) as JsonFeed;

  /** The checks every client's view must pass against the JSON feed of the same document. */
  function compare(view: ReaderView, path: string, json: JsonFeed) {
    const where = `${view.client} ${path}`;
    expect(view.error, where).toBeUndefined();
    expect(
      view.items.map((item) => item.link),
      `${where}: item links must be each item's own page in the feed's language`,
    ).toEqual(json.items.map((item) => item.url));
    view.items.forEach((item, k) => {
      const want = json.items[k] as JsonItem;
      expect(shown(item.title), `${where} title`).toBe(want.title);
      if (item.dateMs !== undefined) expect(item.dateMs, `${where} date of ${want.url}`).toBe(Date.parse(want.date_published));
      if (item.author !== undefined) expect(shown(item.author), `${where} byline`).toBe(want.authors[0]?.name);
      if (item.categories !== undefined) expect(item.categories.map(shown), `${where} categories`).toEqual(want.tags);
      if (item.translations !== undefined)
        expect(item.translations, `${where} translations`).toEqual(want._hit.translations.map((t) => t.url));
      // Markup arrives as markup, never escaped twice.
      if (item.content) expect(item.content, `${where} content`).not.toContain('&lt;p&gt;');
    });
    count(view.client);
  }

  it('the W3C Feed Validation Service finds 0 errors and 0 warnings in every RSS and Atom document', () => {
    const urls = xmlPaths().map((p) => origin() + p);
    urls.push(...['zh', 'en'].flatMap((l) => ['rss', 'atom'].map((f) => `${origin()}/${l}/${f}.xml?since=2025-01-01T00:00:00Z`)));
    const results = w3cValidate(urls);
    expect(results.size).toBe(urls.length);
    for (const [url, problems] of results) {
      expect(problems, url).toEqual([]);
      count('W3C validator');
    }
  });

  it('JSON feeds satisfy the JSON Feed 1.1 schema', async () => {
    const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync('test/fixtures/jsonfeed-1.1.schema.json', 'utf8')));
    for (const path of site().paths.filter((p) => p.includes('feed.json'))) {
      const feed = await (await fetch(origin() + path)).json();
      expect(validate(feed) ? [] : validate.errors, path).toEqual([]);
      count('JSON Feed schema');
    }
  });

  it('feedparser stores each item as the JSON feed states it, with its translation as a related link', async () => {
    const views = feedparser(xmlPaths().map((p) => origin() + p));
    for (const path of xmlPaths()) compare(views.get(origin() + path) as ReaderView, path, await expected(path));
  });

  it('newsboat stores each item with its own link, title, date and byline', async () => {
    for (const path of xmlPaths()) {
      const view = newsboat(origin() + path);
      // newsboat lists by its own order; compare as sets of (link, title).
      const json = await expected(path);
      const sorted = {
        ...view,
        items: [...view.items].sort(
          (a, b) => json.items.findIndex((j) => j.url === a.link) - json.items.findIndex((j) => j.url === b.link),
        ),
      };
      compare(sorted, path, json);
    }
  });

  it('sfeed, rss-parser and feed-extractor store each item with its own link', async () => {
    for (const path of xmlPaths()) {
      const xml = await (await fetch(origin() + path)).text();
      const json = await expected(path);
      compare(sfeed(xml), path, json);
      compare(await rssParserRead(xml), path, json);
      compare(feedExtractorRead(xml), path, json);
    }
  });

  it('newsboat imports /feeds.opml without errors and stores every story of each language once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hit-opml-'));
    writeFileSync(join(dir, 'feeds.opml'), await (await fetch(`${origin()}/feeds.opml`)).text());
    writeFileSync(join(dir, 'config'), 'download-timeout 30\n');
    const env = { ...process.env, HOME: dir, XDG_CONFIG_HOME: dir, XDG_DATA_HOME: dir };
    const args = ['-u', join(dir, 'urls'), '-c', join(dir, 'cache.db'), '-C', join(dir, 'config')];
    execFileSync('newsboat', [...args, '-i', join(dir, 'feeds.opml')], { env, timeout: 60_000 });
    expect(readFileSync(join(dir, 'urls'), 'utf8').trim().split('\n')).toEqual([`${origin()}/zh/rss.xml`, `${origin()}/en/rss.xml`]);
    execFileSync('newsboat', [...args, '-x', 'reload'], { env, timeout: 60_000 });
    const urls = execFileSync(
      PYTHON,
      [
        '-c',
        'import sqlite3,sys; print("\\n".join(r[0] for r in sqlite3.connect(sys.argv[1]).execute("select url from rss_item")))',
        join(dir, 'cache.db'),
      ],
      { encoding: 'utf8' },
    )
      .trim()
      .split('\n')
      .filter(Boolean);
    const stories = [...(await expected(`/zh/feed.json`)).items, ...(await expected(`/en/feed.json`)).items].map((i) => i.url);
    expect(urls.sort()).toEqual(stories.sort());
    count('newsboat (OPML import)');
  });

  it('lead images reach every format, in the form readers use for a thumbnail', async () => {
    for (const lang of ['zh', 'en']) {
      const json = (await (await fetch(`${origin()}/${lang}/feed.json?limit=100`)).json()) as JsonFeed;
      const rss = await (await fetch(`${origin()}/${lang}/rss.xml?limit=100`)).text();
      const atom = await (await fetch(`${origin()}/${lang}/atom.xml?limit=100`)).text();
      for (const item of json.items.filter((it) => it.image)) {
        const src = (item.image ?? '').replaceAll('&', '&amp;');
        expect(rss, item.url).toContain(`<media:content xmlns:media="http://search.yahoo.com/mrss/" url="${src}" medium="image"`);
        expect(atom, item.url).toContain(`<media:thumbnail url="${src}"`);
        expect(atom, item.url).toMatch(new RegExp(`<link rel="enclosure"[^>]* href="${src.replace(/[.?*+^$()[\]\\|{}]/g, '\\$&')}"`));
      }
    }
  });

  it('Chromium opens every article page without running anything', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    for (const lang of ['zh', 'en']) {
      for (const item of (await expected(`/${lang}/feed.json?limit=100`)).items) {
        await page.goto(item.url);
        expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), item.url).toBeUndefined();
        expect(await page.locator('main h1').textContent()).toBe(item.title);
      }
    }
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
