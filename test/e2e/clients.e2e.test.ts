/**
 * Real clients: every feed (main and tag, repository content and the hostile fixture) read by
 * Python's feedparser and by newsboat, and every JSON feed checked against a JSON Feed 1.1 schema.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hostileContentDir } from '../support/hostile';
import { launchChromium, type RunningWorker, startFixtureWorker, startWorker } from './server';

const PYTHON = process.env.FEEDPARSER_PYTHON ?? '/usr/bin/python3';
// Whatever content/ holds: the checks below are generic.
const TAGS = Object.keys((parse(readFileSync('content/site/en.yaml', 'utf8')) as { tags: Record<string, string> }).tags);
const HOSTILE_TAGS = ['open-source', 'events'];

interface JsonFeed {
  title: string;
  language: string;
  items: { id: string; url: string; title: string; date_published: string }[];
}

const sites: { name: string; worker?: RunningWorker; tags: string[] }[] = [
  { name: 'repository content', tags: TAGS },
  { name: 'hostile fixture', tags: HOSTILE_TAGS },
];
let browser: Browser;
const counts = { feedparser: 0, newsboat: 0, schema: 0 };

function feedPaths(tags: string[], format: string): string[] {
  return ['zh', 'en'].flatMap((lang) => [`/${lang}/${format}`, ...tags.map((t) => `/${lang}/tags/${t}/${format}`)]);
}

beforeAll(async () => {
  const [repo, bad] = await Promise.all([startWorker(), startFixtureWorker({}, hostileContentDir())]);
  sites[0]!.worker = repo;
  sites[1]!.worker = bad;
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await Promise.all(sites.map((s) => s.worker?.stop()));
  console.log(
    `real clients: feedparser read ${counts.feedparser} feeds, newsboat ${counts.newsboat}, JSON Feed schema checked ${counts.schema}`,
  );
});

const origin = (i: number) => sites[i]?.worker?.origin ?? '';
async function jsonFeed(i: number, path: string): Promise<JsonFeed> {
  return (await (await fetch(origin(i) + path.replace(/(rss|atom)\.xml$/, 'feed.json'))).json()) as JsonFeed;
}

describe.each([0, 1])('feeds of site %i', (i) => {
  it('JSON feeds satisfy the JSON Feed 1.1 schema', async () => {
    const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync('test/fixtures/jsonfeed-1.1.schema.json', 'utf8')));
    for (const path of feedPaths(sites[i]!.tags, 'feed.json')) {
      const feed = await (await fetch(origin(i) + path)).json();
      expect(validate(feed) ? [] : validate.errors, path).toEqual([]);
      counts.schema++;
    }
  });

  it('feedparser reads every RSS and Atom feed without a bozo flag, as published', async () => {
    const paths = [...feedPaths(sites[i]!.tags, 'rss.xml'), ...feedPaths(sites[i]!.tags, 'atom.xml')];
    const results = JSON.parse(
      execFileSync(PYTHON, ['test/e2e/feedparser_check.py', ...paths.map((p) => origin(i) + p)], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      }),
    ) as {
      url: string;
      bozo: boolean | number;
      bozo_exception: string | null;
      version: string;
      title: string;
      language: string | null;
      link: string;
      entries: { title: string; link: string; id: string; published: string; has_content: boolean }[];
    }[];
    for (const feed of results) {
      const path = feed.url.slice(origin(i).length);
      const lang = path.slice(1, 3);
      const expected = await jsonFeed(i, path);
      expect(Boolean(feed.bozo), `${path}: ${feed.bozo_exception}`).toBe(false);
      expect(feed.version, path).toBe(path.endsWith('rss.xml') ? 'rss20' : 'atom10');
      expect(feed.title, path).toBe(expected.title);
      expect(feed.language, path).toBe(lang === 'zh' ? 'zh-CN' : 'en');
      expect(
        feed.entries.map((e) => e.title),
        path,
      ).toEqual(expected.items.map((item) => item.title));
      expect(
        feed.entries.map((e) => e.link),
        path,
      ).toEqual(expected.items.map((item) => item.url));
      expect(
        feed.entries.map((e) => e.id),
        path,
      ).toEqual(expected.items.map((item) => item.id));
      for (const entry of feed.entries) {
        expect(entry.published, path).toBeTruthy();
        expect(entry.has_content, path).toBe(true);
      }
      counts.feedparser++;
    }
  });

  it('newsboat fetches every RSS and Atom feed with every title intact', async () => {
    const paths = [...feedPaths(sites[i]!.tags, 'rss.xml'), ...feedPaths(sites[i]!.tags, 'atom.xml')];
    for (const path of paths) {
      // One cache per feed: newsboat keys items by id, and the same article (same id) is in several feeds.
      const dir = mkdtempSync(join(tmpdir(), 'hit-newsboat-'));
      writeFileSync(join(dir, 'urls'), `${origin(i)}${path}\n`);
      writeFileSync(join(dir, 'config'), 'download-timeout 30\n');
      execFileSync('newsboat', ['-u', join(dir, 'urls'), '-c', join(dir, 'cache.db'), '-C', join(dir, 'config'), '-x', 'reload'], {
        env: { ...process.env, HOME: dir, XDG_CONFIG_HOME: dir, XDG_DATA_HOME: dir },
        timeout: 60_000,
      });
      const rows = JSON.parse(
        execFileSync(
          PYTHON,
          [
            '-c',
            'import json,sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(json.dumps(c.execute("select title, url from rss_item").fetchall(), ensure_ascii=False))',
            join(dir, 'cache.db'),
          ],
          { encoding: 'utf8' },
        ),
      ) as [string, string][];
      const expected = await jsonFeed(i, path);
      expect(rows.map(([title]) => title).sort(), path).toEqual(expected.items.map((item) => item.title).sort());
      expect(rows.map(([, url]) => url).sort(), path).toEqual(expected.items.map((item) => item.url).sort());
      counts.newsboat++;
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
      for (const item of (await jsonFeed(i, `/${lang}/feed.json?limit=100`)).items) {
        await page.goto(item.url);
        expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), item.url).toBeUndefined();
        expect(await page.locator('main h1').textContent()).toBe(item.title);
      }
    }
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
