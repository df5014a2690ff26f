/**
 * src/feeds/compact-xml.ts writes what xml-js writes, byte for byte: over every call the feed writers make (RSS
 * through `feed`, Atom through ./xml.ts) for the fixture content, the hostile articles and a SYNTHETIC archive with
 * pictures, in every format and kind of feed, and over 2,000 SYNTHETIC element trees made to find the corners (empty
 * elements, arrays, attributes with quotes, text with &amp; and markup, CDATA holding "]]>"). The Worker bundles it
 * in xml-js's place (wrangler.toml `alias`), while the build's pre-renders run xml-js: the bytes must agree.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { writeSyntheticContent } from '../../scripts/bench/synthetic';
import { readContentDir } from '../../scripts/content-files';
import { compileContent, formatProblem } from '../../src/build/compile';
import { processPhotos } from '../../src/build/photos';
import { Library } from '../../src/content/library';
import { LANGS } from '../../src/content/model';
import { js2xml as compactXml } from '../../src/feeds/compact-xml';
import { buildFeedDocument, type FeedSelection } from '../../src/feeds/model';
import { renderFeed } from '../../src/feeds/render';
import { FEED_FORMATS } from '../../src/urls';
import { hostileContentDir } from '../support/hostile';

/** Every call of xml-js's js2xml, with what xml-js wrote and what compact-xml writes for the same tree. */
const calls = vi.hoisted(() => ({ count: 0, differ: [] as { xmlJs: string; ours: string }[] }));
vi.mock('xml-js', async (original) => {
  const real = await original<typeof import('xml-js')>();
  const ours = await import('../../src/feeds/compact-xml');
  return {
    ...real,
    js2xml: (js: Parameters<typeof real.js2xml>[0], options: Parameters<typeof real.js2xml>[1]) => {
      const xmlJs = real.js2xml(js, options);
      const mine = ours.js2xml(js as Record<string, unknown>, options as Parameters<typeof ours.js2xml>[1]);
      calls.count++;
      if (mine !== xmlJs) calls.differ.push({ xmlJs, ours: mine });
      return xmlJs;
    },
  };
});

/** Renders every kind of feed of a content folder in every format. */
async function renderAll(dir: string) {
  const sources = readContentDir(dir);
  const photos = await processPhotos(
    dir,
    sources.map((f) => f.path),
    join(mkdtempSync(join(tmpdir(), 'hit-compact-media-')), 'media'),
  );
  const result = compileContent(sources, 'content/', { photos, includeDrafts: true });
  if (!result.content) throw new Error(result.problems.map(formatProblem).join('\n'));
  const library = Library.of(result.content);
  for (const lang of LANGS) {
    const tags = Object.keys(result.content.sites[lang].tags);
    const selections: FeedSelection[] = [
      { lang, limit: 20, pageSize: 20 },
      { lang, limit: 100, pageSize: 20 },
      { lang, limit: 2, pageSize: 2, page: 1 },
      { lang, limit: 3, pageSize: 3, since: '2025-01-01T00:00:00Z', updatedFloor: 0 },
      ...tags.map((tag) => ({ lang, tag, limit: 20, pageSize: 20 })),
    ];
    for (const selection of selections) {
      const doc = buildFeedDocument(library, 'https://news.example.edu', selection);
      for (const format of FEED_FORMATS) renderFeed(format, doc, 'https://hub.example.com/');
    }
  }
}

describe('compact-xml writes what xml-js writes', () => {
  it.each([
    ['the fixture content', () => 'test/fixtures/content'],
    ['the hostile articles', hostileContentDir],
    [
      'a SYNTHETIC archive with pictures beside some articles',
      () => {
        const dir = mkdtempSync(join(tmpdir(), 'hit-compact-'));
        writeSyntheticContent(dir, 40, { photos: true });
        return dir;
      },
    ],
  ])('for every feed of %s', async (_name, dir) => {
    const before = calls.count;
    await renderAll(dir());
    expect(calls.count - before).toBeGreaterThan(10);
    expect(calls.differ).toEqual([]);
  });

  it('for 2,000 SYNTHETIC element trees made to find the corners', async () => {
    const real = await vi.importActual<typeof import('xml-js')>('xml-js');
    let seed = 42;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)] as T;
    const TEXTS = [
      '',
      'plain',
      'a &amp; b',
      'a & b',
      '<b>bold</b>',
      '"quoted"',
      "it's",
      ']]>',
      'x ]]> y ]]> z',
      '中文 & ＆',
      '&lt;',
      '0',
      ' ',
    ];
    const tree = (depth: number): unknown => {
      const roll = random();
      if (depth > 3 || roll < 0.15) return pick(['', 'text & <more>', 0, 12, null, undefined, {}]);
      const element: Record<string, unknown> = {};
      if (random() < 0.5) {
        element._attributes = Object.fromEntries(
          Array.from({ length: 1 + Math.floor(random() * 3) }, (_, i) => [`a${i}`, pick([...TEXTS, undefined, null, 5])]),
        );
      }
      const children = Math.floor(random() * 4);
      for (let i = 0; i < children; i++) {
        const kind = random();
        if (kind < 0.2) element._text = pick(TEXTS);
        else if (kind < 0.35) element._cdata = pick(TEXTS);
        else if (kind < 0.45) element[`list${i}`] = Array.from({ length: 1 + Math.floor(random() * 3) }, () => tree(depth + 1));
        else element[pick(['item', 'title', 'atom:link', 'media:content'])] = tree(depth + 1);
      }
      return element;
    };
    for (let i = 0; i < 2000; i++) {
      const document = { _declaration: { _attributes: { version: '1.0', encoding: 'utf-8' } }, [`root${i % 3}`]: tree(0) } as Record<
        string,
        unknown
      >;
      for (const spaces of [4, 0, 2]) {
        const options = { compact: true, ignoreComment: true, spaces };
        expect(compactXml(document, options), JSON.stringify(document)).toBe(real.js2xml(document as never, options));
      }
    }
  });
});
