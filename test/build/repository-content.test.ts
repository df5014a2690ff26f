/**
 * What the suite says about content/: generic checks only (no counts, titles or dates), so the web team can add, edit
 * and remove articles every week without touching a test. It reads the build `npm test` made of content/ as the
 * deployed Worker reads it (scripts/render-check.ts, also what a content-only deploy runs); behaviour is tested on
 * test/fixtures/content.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSyntheticContent } from '../../scripts/bench/synthetic';
import { renderCheck } from '../../scripts/render-check';
import { wranglerVars } from '../../scripts/wrangler-envs';
import { buildIn } from '../support/build';

describe('the repository content (content/, whatever it holds)', () => {
  it('renders every feed well-formed with each item linking a page, every page, sitemap and listed article; no scheduled one yet', async () => {
    const { checked, problems } = await renderCheck({ vars: wranglerVars('') });
    expect(problems).toEqual([]);
    // At least the 2 × 3 main feeds, the home, OPML, robots, the sitemap index and each language's pages.
    expect(checked).toBeGreaterThan(20);
  });

  it('with SITE_URL set, as production is: absolute links on that origin lead to pages that answer', async () => {
    const { problems } = await renderCheck({ vars: { SITE_URL: 'https://news.example.edu', FEED_ITEMS: '20', WEBSUB_HUB: '' } });
    expect(problems).toEqual([]);
  });
});

describe('the render check itself', () => {
  it('catches what would break a deploy: an archived body the archive does not hold answers 500 and is named', async () => {
    const root = mkdtempSync(join(tmpdir(), 'hit-render-'));
    // SYNTHETIC articles, more than the archive keeps in the bundle whatever its budget.
    writeSyntheticContent(join(root, 'content'), 130);
    writeFileSync(join(root, 'wrangler.toml'), '[vars]\nSITE_URL = ""\nFEED_ITEMS = "20"\n');
    // Every body to the archive (a budget of one byte), its rows beside the build.
    const built = buildIn(root, ['--archive-budget', '1'], { CONTENT_ARCHIVE: '1', CONTENT_ARCHIVE_LOCAL: '0', CARDS: '0' });
    expect(built.status, built.stderr).toBe(0);
    const options = { generated: join(root, 'generated'), vars: { FEED_ITEMS: '20' } };
    expect((await renderCheck({ ...options, archiveRows: join(root, 'dist/archive/bodies.json') })).problems).toEqual([]);
    const missing = await renderCheck({ ...options, archiveRows: join(root, 'no-such-rows.json') });
    expect(missing.problems.length).toBeGreaterThan(0);
    expect(missing.problems.join('\n')).toMatch(/\/articles\/synthetic-\d+: 500, expected 200/);
  });
});
