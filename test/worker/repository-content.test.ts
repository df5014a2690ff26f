/**
 * What the suite says about content/: generic checks only (no counts, titles or dates), so the web
 * team can add, edit and remove articles every week without touching a test. Behaviour is tested
 * on test/fixtures/content.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { Library } from '../../src/content/library';
import { LANGS } from '../../src/content/model';
import { content } from '../../src/generated/content';
import { PRERENDERED_FEEDS } from '../../src/generated/feeds';
import { FEED_FORMATS, feedPath } from '../../src/urls';
import { testEnv } from '../support/env';
import { parseXml } from '../support/xml';

const library = Library.of(content);
const app = createApp(library, PRERENDERED_FEEDS);
const env = testEnv({ SITE_URL: '', FEED_ITEMS: '20', WEBSUB_HUB: '' });
const get = (path: string) => Promise.resolve(app.fetch(new Request(`http://feeds.test${path}`), env));

/** Every main and tag feed URL, in every language and format. */
function feedPaths(): string[] {
  const paths: string[] = [];
  for (const lang of LANGS) {
    for (const tag of [undefined, ...Object.keys(content.sites[lang].tags)]) {
      for (const format of FEED_FORMATS) paths.push(feedPath(lang, format, tag));
    }
  }
  return paths;
}

describe('the repository content (content/, whatever it holds)', () => {
  it('compiled: every language has its site file', () => {
    for (const lang of LANGS) expect(content.sites[lang]?.title, lang).toBeTruthy();
  });

  it('gives well-formed feeds in every format, main and per tag, with every item linking its article', async () => {
    for (const path of feedPaths()) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      const text = await res.text();
      if (path.endsWith('.json')) {
        const feed = JSON.parse(text) as { version: string; items: { id: string; url: string }[] };
        expect(feed.version, path).toBe('https://jsonfeed.org/version/1.1');
        for (const item of feed.items) expect((await get(new URL(item.url).pathname)).status, item.url).toBe(200);
      } else {
        const doc = parseXml(text);
        expect(doc.rss ?? doc.feed, path).toBeDefined();
      }
    }
  });

  it('gives a page for every article out now, tag and language, and the site documents; none for a scheduled one yet', async () => {
    const now = Date.now();
    const paths = ['/', '/feeds.opml', '/sitemap.xml', '/robots.txt'];
    const scheduled: string[] = [];
    for (const lang of LANGS) {
      paths.push(`/${lang}/`, `/${lang}/partners`, `/${lang}/embed`);
      for (const tag of Object.keys(content.sites[lang].tags)) paths.push(`/${lang}/tags/${tag}/`);
      for (const article of library.articles(lang))
        (article.publishedMs <= now ? paths : scheduled).push(`/${lang}/articles/${article.slug}`);
    }
    for (const path of paths) expect((await get(path)).status, path).toBe(200);
    // Every sitemap the index names answers too.
    const index = await (await get('/sitemap.xml')).text();
    for (const [, loc = ''] of index.matchAll(/<loc>([^<]+)<\/loc>/g)) expect((await get(new URL(loc).pathname)).status, loc).toBe(200);
    for (const path of scheduled) expect((await get(path)).status, path).toBe(404);
  });
});
