/**
 * Tables, code and Chinese headings on phones and desktops, light and dark, in Chromium: no word, number, date or
 * hyphenated word in a table breaks across lines, right-aligned columns stay right-aligned, a wide table and a long
 * code line scroll inside the column instead of widening the page or breaking inside words, code stays monospace in
 * every language with Chinese in the SC forms, and headings break between Chinese words as the cards do, never
 * inside 哈工大, 开源 or a quoted name. The articles are SYNTHETIC, written here.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type RunningWorker, startFixtureWorker } from './server';

let worker: RunningWorker;
let browser: Browser;

const COLUMNS = [
  'Country',
  'Region',
  'Students 2019',
  'Students 2020',
  'Students 2021',
  'Students 2022',
  'Students 2023',
  'Change',
  'Programmes',
  'Contact',
  'Since',
];
const ROWS = [
  [
    'Russia',
    'Europe',
    '1,204',
    '1,187',
    '1,250',
    '1,302',
    '1,411',
    '+17.2%',
    'Engineering, Open-Source',
    'office@example.edu',
    '2026-03-31',
  ],
  ['Kazakhstan', 'Central Asia', '845', '902', '911', '1,020', '1,106', '+30.9%', 'Aerospace', 'https://example.edu/kz', '2025-12-01'],
];
// "Change" is right-aligned, as figures are (| ---: |).
const ALIGN = COLUMNS.map((c) => (c === 'Change' ? '---:' : '---'));
const CODE = [
  '```sh',
  'curl -s -D - -H \'If-None-Match: "etag-value-from-the-last-response"\' \\',
  "  'https://news.example.edu/en/feed.json?since=2025-09-01T00:00:00%2B08:00&limit=100'",
  'echo "国际教育学院"',
  '```',
].join('\n');
// SYNTHETIC Chinese headlines: names a line must never split (哈工大, 开源, 留学), and quoted names.
const HEADLINES = [
  '哈工大国际教育学院访问开放原子开源基金会，推动“留学哈工大”品牌走向国际开源社区',
  '留学哈工大：来自六十个国家的国际学生在哈尔滨共度新年晚会并参观冰雪大世界',
  '开源文化周”，国际学生与开发者共同参与开源项目的合成测试标题',
  '“开源文化周”在哈工大举行，国际学生参与开源社区贡献与交流活动的合成标题',
  '国际教育学院举办留学生汉语演讲比赛，《留学哈工大》宣传片同期发布',
];

beforeAll(async () => {
  const content = mkdtempSync(join(tmpdir(), 'hit-tables-'));
  cpSync('test/fixtures/content/site', join(content, 'site'), { recursive: true });
  const dir = join(content, 'articles/2025/table-story');
  mkdirSync(dir, { recursive: true });
  const table = [COLUMNS, ALIGN, ...ROWS].map((r) => `| ${r.join(' | ')} |`).join('\n');
  for (const [lang, title] of [
    ['en', 'A table of students by country (synthetic)'],
    ['zh', '各国学生人数表（合成测试文章）'],
  ]) {
    writeFileSync(
      join(dir, `${lang}.md`),
      `---\ntitle: ${title}\nsummary: ${lang === 'zh' ? '合成的表格。' : 'A synthetic table.'}\npublished: 2025-03-01T20:00:00+08:00\nauthor: Test Author\ntags: [open-source]\n---\n\n${table}\n\nThe code \`npm run check\` and \`https://news.example.edu/zh/rss.xml\`.\n\n${CODE}\n`,
    );
  }
  HEADLINES.forEach((headline, i) => {
    const folder = join(content, `articles/2025/headline-${i + 1}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, 'zh.md'),
      `---\ntitle: ${JSON.stringify(headline)}\nsummary: 合成的标题测试。\npublished: 2025-04-0${i + 1}T20:00:00+08:00\nauthor: 测试作者\ntags: [open-source]\n---\n\n合成正文。\n`,
    );
  });
  worker = await startFixtureWorker({}, content);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

/** Words, numbers and URLs of every table cell whose characters sit on more than one line. */
const brokenTokens = (page: Page) =>
  page.evaluate(() => {
    const broken: string[] = [];
    for (const cell of document.querySelectorAll('table th, table td')) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of (node.textContent ?? '').matchAll(/[A-Za-z0-9+%@][\w.,:/@%+-]*/g)) {
          const range = document.createRange();
          range.setStart(node, match.index ?? 0);
          range.setEnd(node, (match.index ?? 0) + match[0].length);
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (tops.size > 1) broken.push(match[0]);
        }
      }
    }
    return broken;
  });

const PAGES = ['/', '/zh/partners', '/en/partners', '/en/tags/open-source/', '/en/articles/table-story', '/zh/articles/table-story'];

describe('tables', () => {
  for (const width of [320, 375, 1280]) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`at ${width} px, ${scheme}: no word or number breaks inside a table, and nothing widens the page`, async () => {
        const page = await browser.newPage({ viewport: { width, height: 800 }, colorScheme: scheme });
        for (const path of PAGES) {
          await page.goto(worker.origin + path);
          expect(await brokenTokens(page), `${path} at ${width}`).toEqual([]);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, `${path} at ${width}`).toBeLessThanOrEqual(0);
        }
        await page.close();
      });
    }
  }

  it('gives article tables borders and padding, and a ten-column table scrolls inside the column at 320 px', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
    await page.goto(`${worker.origin}/en/articles/table-story`);
    const table = page.locator('.body table');
    const style = await table
      .locator('td')
      .first()
      .evaluate((td) => getComputedStyle(td));
    expect(style.borderTopWidth).not.toBe('0px');
    expect(Number.parseFloat(style.paddingLeft)).toBeGreaterThan(4);
    const box = await table.evaluate((t) => ({ client: t.clientWidth, scroll: t.scrollWidth }));
    expect(box.scroll).toBeGreaterThan(box.client);
    await page.close();
  });

  it('keeps code monospace in every language', async () => {
    const page = await browser.newPage();
    for (const path of ['/zh/partners', '/en/partners', '/zh/articles/table-story']) {
      await page.goto(worker.origin + path);
      const fonts = await page.evaluate(() => [...document.querySelectorAll('code')].map((c) => getComputedStyle(c).fontFamily));
      expect(fonts.length, path).toBeGreaterThan(0);
      expect(
        fonts.filter((f) => !/monospace/.test(f)),
        path,
      ).toEqual([]);
    }
    await page.close();
  });
});

describe('alignment and code', () => {
  it('keeps a right-aligned column right-aligned', async () => {
    const page = await browser.newPage();
    await page.goto(`${worker.origin}/en/articles/table-story`);
    const change = COLUMNS.indexOf('Change') + 1;
    const aligns = await page.evaluate(
      (n) => [...document.querySelectorAll(`.body table tr > :nth-child(${n})`)].map((c) => getComputedStyle(c).textAlign),
      change,
    );
    expect(aligns).toEqual(['right', 'right', 'right']);
    await page.close();
  });

  for (const width of [320, 1280]) {
    it(`at ${width} px, a code block scrolls sideways: no line wraps, no word breaks`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      for (const path of ['/en/articles/table-story', '/en/partners', '/zh/partners']) {
        await page.goto(worker.origin + path);
        const lines = await page.evaluate(() =>
          [...document.querySelectorAll('pre code')].map((code) => {
            const text = code.textContent ?? '';
            const range = document.createRange();
            range.selectNodeContents(code);
            const lineHeight = Number.parseFloat(getComputedStyle(code).lineHeight);
            return {
              lines: text.split('\n').filter((l) => l !== '').length,
              drawn: Math.round(range.getBoundingClientRect().height / lineHeight),
            };
          }),
        );
        expect(lines.length, path).toBeGreaterThan(0);
        // Every line of code is one line on screen: nothing wrapped.
        for (const l of lines) expect(l.drawn, `${path} at ${width}`).toBeLessThanOrEqual(l.lines);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, path).toBeLessThanOrEqual(0);
      }
      await page.close();
    });
  }

  it('draws Chinese inside code in the simplified-Chinese forms, on English pages too', async () => {
    const page = await browser.newPage();
    await page.goto(`${worker.origin}/en/articles/table-story`);
    const family = await page
      .locator('pre code')
      .first()
      .evaluate((c) => getComputedStyle(c).fontFamily);
    expect(family.indexOf('CJK SC')).toBeGreaterThan(0);
    expect(family).not.toMatch(/CJK (JP|KR|TC)/);
    await page.close();
  });

  it('sets header names and values in the partners prose as code, never broken inside', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
    for (const path of ['/en/partners', '/zh/partners']) {
      await page.goto(worker.origin + path);
      const codes = await page.locator('#polling + ul code').allTextContents();
      expect(codes, path).toEqual(expect.arrayContaining(['Cache-Control: max-age=600', 'ETag', 'If-None-Match', 'rel="related"']));
      const broken = await page.evaluate(() =>
        [...document.querySelectorAll('#polling + ul code:not(.long)')]
          .filter((c) => new Set([...c.getClientRects()].map((r) => Math.round(r.top))).size > 1)
          .map((c) => c.textContent),
      );
      expect(broken, path).toEqual([]);
    }
    await page.close();
  });
});

describe('Chinese headings', () => {
  /** Protected words (names, short quoted names) of every heading that a line break splits. */
  const splitNames = (page: Page) =>
    page.evaluate(() => {
      const names = /哈尔滨工业大学|国际教育学院|留学哈工大|开放原子|基金会|哈工大|开源|留学|国际|[“《][^“”《》]{2,10}[”》]/g;
      const split: string[] = [];
      for (const heading of document.querySelectorAll('main h1, main h2, main h3')) {
        const text = heading.textContent ?? '';
        for (const m of text.matchAll(names)) {
          // The characters of the match, found through the heading's text nodes (<wbr> splits them).
          const tops = new Set<number>();
          let at = 0;
          const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const length = node.textContent?.length ?? 0;
            for (let k = Math.max(m.index ?? 0, at); k < Math.min((m.index ?? 0) + m[0].length, at + length); k++) {
              const range = document.createRange();
              range.setStart(node, k - at);
              range.setEnd(node, k - at + 1);
              const rect = range.getClientRects()[0];
              if (rect) tops.add(Math.round(rect.top));
            }
            at += length;
          }
          if (tops.size > 1) split.push(m[0]);
        }
      }
      return split;
    });

  for (const width of [320, 375, 1280]) {
    it(`at ${width} px never split 哈工大, 开源 or a quoted name, on lists and article pages`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      for (const path of ['/zh/', '/', ...HEADLINES.map((_, i) => `/zh/articles/headline-${i + 1}`)]) {
        await page.goto(worker.origin + path);
        expect(await splitNames(page), `${path} at ${width}`).toEqual([]);
      }
      await page.close();
    });
  }
});
