/**
 * Tables on phones and desktops, light and dark, in Chromium: no word or number in a table breaks across lines, a
 * wide table scrolls as a whole inside the column instead of widening the page, and code stays monospace in every
 * language. The article with a ten-column table is SYNTHETIC, written here.
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
];
const ROWS = [
  ['Russia', 'Europe', '1,204', '1,187', '1,250', '1,302', '1,411', '+17.2%', 'Engineering, Materials', 'office@example.edu'],
  ['Kazakhstan', 'Central Asia', '845', '902', '911', '1,020', '1,106', '+30.9%', 'Aerospace', 'https://example.edu/kz'],
];

beforeAll(async () => {
  const content = mkdtempSync(join(tmpdir(), 'hit-tables-'));
  cpSync('test/fixtures/content/site', join(content, 'site'), { recursive: true });
  const dir = join(content, 'articles/2025/table-story');
  mkdirSync(dir, { recursive: true });
  const table = [COLUMNS, COLUMNS.map(() => '---'), ...ROWS].map((r) => `| ${r.join(' | ')} |`).join('\n');
  for (const [lang, title] of [
    ['en', 'A table of students by country (synthetic)'],
    ['zh', '各国学生人数表（合成测试文章）'],
  ]) {
    writeFileSync(
      join(dir, `${lang}.md`),
      `---\ntitle: ${title}\nsummary: ${lang === 'zh' ? '合成的表格。' : 'A synthetic table.'}\npublished: 2025-03-01T20:00:00+08:00\nauthor: Test Author\ntags: [open-source]\n---\n\n${table}\n\nThe code \`npm run check\` and \`https://news.example.edu/zh/rss.xml\`.\n`,
    );
  }
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
