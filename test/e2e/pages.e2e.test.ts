import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type RunningWorker, startFixtureWorker } from './server';

const SHOTS = 'test-results/screenshots';
let worker: RunningWorker;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [worker, browser] = await Promise.all([startFixtureWorker(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

async function open(path: string): Promise<Page> {
  const page = await browser.newPage();
  const response = await page.goto(worker.origin + path);
  expect(response?.status(), path).toBeLessThan(500);
  return page;
}

const PAGE_KINDS: [string, string][] = [
  ['landing', '/'],
  ['index-zh', '/zh/'],
  ['index-en', '/en/'],
  ['article-zh', '/zh/articles/openatom-foundation-visit'],
  ['article-en', '/en/articles/openatom-foundation-visit'],
  ['tag-en', '/en/tags/open-source/'],
  ['not-found-zh', '/zh/articles/missing'],
];

describe('pages in a real browser', () => {
  it.each(PAGE_KINDS)('renders the %s page without console errors and saves a screenshot', async (name, path) => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && !/404/.test(m.text()) && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(worker.origin + path);
    expect(await page.locator('main h1').count()).toBe(1);
    // The stylesheet loaded and applied (CSP allows 'self' styles only).
    expect(await page.evaluate(() => getComputedStyle(document.body).margin)).toBe('0px');
    // Readable on a phone: nothing wider than the viewport.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('follows every autodiscovery link to the feed it claims to be', async () => {
    let checked = 0;
    for (const [, path] of PAGE_KINDS.slice(0, 6)) {
      const page = await open(path);
      const links = await page.$$eval('head link[rel="alternate"][type]', (els) =>
        els.map((e) => ({
          type: e.getAttribute('type') ?? '',
          href: (e as HTMLLinkElement).href,
          hreflang: e.getAttribute('hreflang') ?? '',
        })),
      );
      expect(links.length, path).toBeGreaterThanOrEqual(3);
      for (const link of links) {
        const res = await page.request.get(link.href);
        expect(res.status(), link.href).toBe(200);
        expect(res.headers()['content-type'], link.href).toBe(`${link.type}; charset=utf-8`);
        const text = await res.text();
        if (link.type === 'application/feed+json') {
          expect(JSON.parse(text).language, link.href).toBe(link.hreflang);
        } else if (link.type === 'application/atom+xml') {
          expect(text, link.href).toContain(`xml:lang="${link.hreflang}"`);
        } else {
          expect(text, link.href).toContain(`<language>${link.hreflang}</language>`);
        }
        checked++;
      }
      await page.close();
    }
    expect(checked).toBe(6 + 3 * 5);
  });

  it('follows each feed item link to the right article page', async () => {
    for (const lang of ['zh', 'en']) {
      const feed = (await (await fetch(`${worker.origin}/${lang}/feed.json`)).json()) as { items: { url: string; title: string }[] };
      expect(feed.items.length).toBeGreaterThan(0);
      for (const item of feed.items) {
        const page = await open(new URL(item.url).pathname);
        expect(page.url()).toBe(item.url);
        expect(await page.locator('main h1').textContent()).toBe(item.title);
        expect(await page.getAttribute('html', 'lang')).toBe(lang === 'zh' ? 'zh-CN' : 'en');
        await page.close();
      }
    }
  });
});
