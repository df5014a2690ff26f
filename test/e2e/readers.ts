/**
 * Real feed clients, each asked what it stores for a feed: feedparser and the W3C validator
 * (Debian's Python), newsboat and sfeed (Debian), rss-parser and @extractus/feed-extractor (npm, as
 * partner sites use them). Each returns the same small view, so tests compare them with the JSON feed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractFromXml } from '@extractus/feed-extractor';
import Parser from 'rss-parser';

export const PYTHON = process.env.FEEDPARSER_PYTHON ?? '/usr/bin/python3';
// The W3C Feed Validation Service's engine (w3c/feedvalidator, MIT-style licence), vendored unmodified.
export const W3C_VALIDATOR = process.env.W3C_VALIDATOR ?? 'test/vendor/w3c-feedvalidator/validate';

/** What one client stored for one item. Fields a client does not expose are undefined. */
export interface ReaderItem {
  link: string;
  title: string;
  /** Publication (or, where a client keeps only one date, the item's) time in ms. */
  dateMs?: number;
  author?: string;
  categories?: string[];
  /** Other-language versions the client exposes (href of rel="related" links with hreflang). */
  translations?: string[];
  content?: string;
}

export interface ReaderView {
  client: string;
  /** A parse error or warning the client reports (feedparser's bozo), else undefined. */
  error?: string;
  items: ReaderItem[];
}

const decode = (s: string | undefined) => (s ?? '').trim();

/** Python feedparser, many feeds in one process. */
export function feedparser(urls: string[]): Map<string, ReaderView> {
  const out = JSON.parse(
    execFileSync(PYTHON, ['test/e2e/feedparser_check.py', ...urls], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }),
  ) as {
    url: string;
    bozo: number;
    bozo_exception: string | null;
    entries: { title: string; link: string; published_ms: number; author: string; tags: string[]; related: string[]; content: string }[];
  }[];
  return new Map(
    out.map((f) => [
      f.url,
      {
        client: 'feedparser',
        ...(f.bozo ? { error: f.bozo_exception ?? 'bozo' } : {}),
        items: f.entries.map((e) => ({
          link: e.link,
          title: e.title,
          dateMs: e.published_ms,
          author: e.author,
          categories: e.tags,
          translations: e.related,
          content: e.content,
        })),
      },
    ]),
  );
}

/** newsboat, headless, with a throwaway config and cache (it keys items by id: one cache per feed). */
export function newsboat(url: string): ReaderView {
  const dir = mkdtempSync(join(tmpdir(), 'hit-newsboat-'));
  writeFileSync(join(dir, 'urls'), `${url}\n`);
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
        'import json,sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(json.dumps(c.execute("select title, url, author, pubDate from rss_item").fetchall(), ensure_ascii=False))',
        join(dir, 'cache.db'),
      ],
      { encoding: 'utf8' },
    ),
  ) as [string, string, string, number][];
  return { client: 'newsboat', items: rows.map(([title, link, author, pub]) => ({ title, link, author, dateMs: pub * 1000 })) };
}

/** sfeed (Debian): the feed's bytes in, one TSV line per item out. */
export function sfeed(xml: string): ReaderView {
  const tsv = execFileSync('sfeed', [], { input: xml, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  // sfeed escapes \n, \t and \\ inside fields.
  const unescapeField = (s: string) => s.replace(/\\([nt\\])/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : '\\'));
  const items = tsv
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [time, title, link, , , , author, , category] = line.split('\t').map((f) => unescapeField(f ?? ''));
      return {
        title: title ?? '',
        link: link ?? '',
        ...(time ? { dateMs: Number(time) * 1000 } : {}),
        author: author ?? '',
        categories: category ? category.split('|') : [],
      };
    });
  return { client: 'sfeed', items };
}

const rssParser = new Parser({ customFields: { item: [['dc:creator', 'creator']] } });

/** rss-parser (npm). */
export async function rssParserRead(xml: string): Promise<ReaderView> {
  const feed = await rssParser.parseString(xml);
  return {
    client: 'rss-parser',
    items: feed.items.map((i) => ({
      link: decode(i.link),
      title: decode(i.title),
      ...(i.isoDate ? { dateMs: Date.parse(i.isoDate) } : {}),
      author: decode((i as { creator?: string; author?: string }).creator ?? (i as { author?: string }).author),
      // rss-parser reads categories of RSS items only (as objects when they carry a domain).
      ...(i.categories
        ? { categories: i.categories.map((c: unknown) => (typeof c === 'string' ? c : decode((c as { _?: string })._))) }
        : {}),
      content: (i as { 'content:encoded'?: string })['content:encoded'] ?? i.content ?? '',
    })),
  };
}

/** @extractus/feed-extractor (npm). */
export function feedExtractorRead(xml: string): ReaderView {
  const feed = extractFromXml(xml, { descriptionMaxLen: 0 });
  return {
    client: 'feed-extractor',
    items: (feed.entries ?? []).map((e) => ({
      link: decode(e.link),
      title: decode(e.title),
      ...(e.published ? { dateMs: Date.parse(e.published) } : {}),
    })),
  };
}

/** The W3C Feed Validation Service's engine: every error and warning, per URL. */
export function w3cValidate(urls: string[]): Map<string, string[]> {
  if (!existsSync(W3C_VALIDATOR)) throw new Error(`the W3C validator is not at ${W3C_VALIDATOR} (set W3C_VALIDATOR)`);
  let out: string;
  try {
    out = execFileSync(PYTHON, [W3C_VALIDATOR, ...urls], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    out = String((error as { stdout?: string }).stdout ?? '');
  }
  const result = new Map<string, string[]>();
  let current: string[] = [];
  for (const line of out.split('\n')) {
    const head = /^(\S+): \d+ error/.exec(line);
    if (head?.[1]) {
      current = [];
      result.set(head[1], current);
    } else if (/^\s+(error|warning)\s/.test(line)) current.push(line.trim());
  }
  return result;
}
