/** The reach report (made from SYNTHETIC figures) opened in Chromium: renders offline, charts drawn, screenshot saved. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { htmlReport } from '../../src/reach/report';
import type { ReachData } from '../../src/reach/sql';
import { launchChromium } from './server';

/** `hours` hours of an aggregator's polls of a feed from one network (SYNTHETIC), each claiming `subscribers`. */
const claims = (feed: string, aggregator: string, network: number, subscribers: number, hours = 30) =>
  Array.from({ length: hours }, (_, h) => ({
    feed,
    aggregator,
    network,
    network_name: 'Example Fetchers',
    hour: `2026-11-24 ${String(h % 24).padStart(2, '0')}:00:00 +${Math.floor(h / 24)}d`,
    subscribers,
    polls: 2,
  }));

const SYNTHETIC: ReachData = {
  claims: [
    ...claims('/en/rss.xml', 'Feedly', 64500, 42),
    ...claims('/en/rss.xml', 'Inoreader', 64501, 7),
    ...claims('/zh/rss.xml', 'Feedly', 64500, 12),
    // A forged claim, shown apart.
    ...claims('/en/rss.xml', 'BazQux', 64999, 50_000_000, 1),
  ],
  families: [
    { family: 'Feedly', requests: 1440 },
    { family: 'newsboat', requests: 96 },
    { family: 'NetNewsWire', requests: 60 },
    { family: 'browser', requests: 30 },
  ],
  partners: [
    { partner: 'www.openatom.org', requests: 812 },
    { partner: 'news.example.org', requests: 120 },
  ],
  feeds: [
    { feed: '/en/rss.xml', requests: 1500, not_modified: 1200 },
    { feed: '/zh/feed.json', requests: 400, not_modified: 150 },
  ],
  articles: [{ page: '/zh/articles/fixture-cie-visit', views: 321 }],
  days: Array.from({ length: 14 }, (_, i) => [
    { day: `2026-11-${String(12 + i).padStart(2, '0')} 00:00:00`, lang: 'en', requests: 600 + ((i * 37) % 150) },
    { day: `2026-11-${String(12 + i).padStart(2, '0')} 00:00:00`, lang: 'zh', requests: 250 + ((i * 53) % 120) },
  ]).flat(),
};

it('renders the reach report offline in Chromium, both languages, with its charts', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'hit-report-')), 'report.html');
  writeFileSync(file, htmlReport(SYNTHETIC, 14, '2026-11-25 (synthetic figures)'));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`file://${file}`);
    expect(await page.locator('svg').count()).toBe(6);
    expect(await page.locator('svg rect').count()).toBeGreaterThan(5);
    expect(await page.locator('h2').first().textContent()).toContain('各订阅源订阅人数');
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    mkdirSync('test-results/screenshots', { recursive: true });
    await page.screenshot({ path: 'test-results/screenshots/reach-report.png', fullPage: true });
  } finally {
    await browser.close();
  }
});
