/**
 * The built content rendered through the Worker's own code, as the deployed Worker reads it (the index from
 * src/generated/content.txt, the pre-rendered feeds, the archive's bodies from the build's rows): every feed, main
 * and per tag, in every language and format, well-formed and each item's page answering; the home, language, tag
 * and site pages; the sitemaps and every page they list (or, for a deploy, the first `pagesPerSitemap` of each).
 * `npm run deploy` runs it when the code is unchanged (the suite ran on it), and the suite runs it over content/
 * (test/build/repository-content.test.ts). In Node, not workerd: what it proves is the content, not the runtime
 * (the Workers-runtime tests prove that, on the fixture), and so it has no limit on the size of the content.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { XMLValidator } from 'fast-xml-parser';
import { createApp } from '../src/app';
import type { ArchivedBody } from '../src/content/archive';
import { parseIndex } from '../src/content/columns';
import { Library } from '../src/content/library';
import { LANGS } from '../src/content/model';
import type { OriginSplitText } from '../src/feeds/render';
import { FEED_FORMATS, feedPath } from '../src/urls';

export interface RenderCheckOptions {
  /** Where the build wrote the content (default src/generated). */
  generated?: string;
  /** The archive's rows the build wrote (default dist/archive/bodies.json), read when the content archived bodies. */
  archiveRows?: string;
  /** The wrangler vars to render with (default: the embedded defaults). */
  vars?: Record<string, unknown>;
  /** At most this many pages of each sitemap (default: all). */
  pagesPerSitemap?: number;
  now?: number;
}

/** A stand-in of the D1 binding answering the Worker's one query from the build's rows. */
function archiveStandIn(rows: readonly ArchivedBody[]) {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return {
    prepare: () => ({
      bind: (...keys: string[]) => ({
        all: async () => ({ results: keys.flatMap((k) => (byKey.has(k) ? [byKey.get(k)] : [])) }),
      }),
    }),
  };
}

/** Renders what the built content holds; returns how many URLs answered as they should and what did not. */
export async function renderCheck(options: RenderCheckOptions = {}): Promise<{ checked: number; problems: string[] }> {
  const generated = resolve(options.generated ?? 'src/generated');
  const library = new Library(parseIndex(readFileSync(join(generated, 'content.txt'), 'utf8')));
  const { PRERENDERED_FEEDS } = (await import(pathToFileURL(join(generated, 'feeds.ts')).href)) as {
    PRERENDERED_FEEDS: Record<string, OriginSplitText>;
  };
  const rowsFile = options.archiveRows ?? 'dist/archive/bodies.json';
  const rows = existsSync(rowsFile) ? (JSON.parse(readFileSync(rowsFile, 'utf8')) as ArchivedBody[]) : [];
  const now = options.now ?? Date.now();
  const app = createApp(library, PRERENDERED_FEEDS, { clock: () => now });
  const env = { SITE_URL: '', FEED_ITEMS: '20', WEBSUB_HUB: '', ...options.vars, ARCHIVE: archiveStandIn(rows) } as unknown as Env;
  const origin = 'https://render-check.invalid';
  const get = (path: string) => Promise.resolve(app.fetch(new Request(origin + path), env));
  const problems: string[] = [];
  let checked = 0;
  // What the Worker would log of a failure goes into the problem it causes, not onto the terminal.
  let logged = '';
  const expect = async (path: string, status = 200): Promise<string | undefined> => {
    logged = '';
    const res = await get(path);
    checked++;
    const text = await res.text();
    if (res.status !== status) {
      problems.push(`${path}: ${res.status}, expected ${status}${logged ? ` (${logged.slice(0, 300)})` : ''}`);
      return undefined;
    }
    return text;
  };
  const log = console.error;
  console.error = (...args: unknown[]) => {
    logged = args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ');
  };
  try {
    await checkAll();
  } finally {
    console.error = log;
  }
  return { checked, problems };

  async function checkAll() {
    // Links are absolute, on SITE_URL when the vars set it: requested here by their path.
    const pathOf = (url: string) => {
      if (!/^https?:\/\//.test(url)) return url;
      const parsed = new URL(url);
      return parsed.pathname + parsed.search;
    };
    const visible = library.visibleAt(now);

    for (const lang of LANGS) {
      for (const tag of [undefined, ...Object.keys(library.sites[lang].tags)]) {
        for (const format of FEED_FORMATS) {
          const path = feedPath(lang, format, tag);
          const text = await expect(path);
          if (text === undefined) continue;
          if (format === 'json') {
            let items: { url?: string }[] = [];
            try {
              items = (JSON.parse(text) as { items: { url?: string }[] }).items;
            } catch (error) {
              problems.push(`${path}: not JSON (${(error as Error).message})`);
            }
            for (const item of items) {
              if (!item.url) problems.push(`${path}: an item without its url`);
              else await expect(pathOf(item.url));
            }
          } else {
            const valid = XMLValidator.validate(text);
            if (valid !== true) problems.push(`${path}: malformed XML (${valid.err.msg}, line ${valid.err.line})`);
          }
        }
      }
    }
    const pages = ['/', '/feeds.opml', '/robots.txt'];
    for (const lang of LANGS) {
      pages.push(`/${lang}/`, `/${lang}/partners`, `/${lang}/embed`);
      for (const tag of Object.keys(library.sites[lang].tags)) pages.push(`/${lang}/tags/${tag}/`);
    }
    for (const page of pages) await expect(page);
    const sitemaps = (await expect('/sitemap.xml')) ?? '';
    for (const [, loc = ''] of sitemaps.matchAll(/<loc>([^<]+)<\/loc>/g)) {
      const listed = (await expect(pathOf(loc))) ?? '';
      const locs = [...listed.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => pathOf(m[1] ?? ''));
      for (const page of locs.slice(0, options.pagesPerSitemap ?? locs.length)) await expect(page);
    }
    // A scheduled article is nowhere yet.
    for (const lang of LANGS) {
      const shown = new Set([...visible.articles(lang)].map((a) => a.slug));
      for (const { slug } of library.articles(lang)) if (!shown.has(slug)) await expect(`/${lang}/articles/${slug}`, 404);
    }
  }
}
