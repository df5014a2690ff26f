import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedFeeds, publishToHub } from '../../scripts/websub';
import { ConfigError, loadConfig } from '../../src/config';
import { compileContent } from '../../src/content/compile';
import { articleSource, siteSources } from '../support/fixtures';

const tsx = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    encoding: 'utf8',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  });

function contentCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hit-authoring-'));
  cpSync('content', dir, { recursive: true });
  return dir;
}

describe('npm run new', () => {
  it('scaffolds zh.md and en.md as a draft that passes the check', () => {
    const dir = contentCopy();
    const made = tsx('scripts/new-article.ts', 'summer-school', '--tags', 'study-at-hit,open-source', '--content', dir);
    expect(made.status, made.stderr).toBe(0);
    const year = String(new Date(Date.now() + 8 * 3600_000).getUTCFullYear());
    const en = readFileSync(join(dir, 'articles', year, 'summer-school', 'en.md'), 'utf8');
    expect(en).toMatch(/^published: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+08:00$/m);
    expect(en).toContain('tags: [study-at-hit, open-source]   # choose from: study-at-hit, open-source, partnership');
    expect(en).toContain('draft: true');
    const check = tsx('scripts/build-content.ts', '--check', '--content', dir);
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toContain('summer-school/en.md');
  });

  it('refuses a slug that is taken, in any year', () => {
    const result = tsx('scripts/new-article.ts', 'openatom-foundation-visit', '--content', contentCopy());
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/slug "openatom-foundation-visit" is taken by .*articles\/2025\/openatom-foundation-visit/);
  });

  it('refuses an invalid slug or an unknown tag', () => {
    expect(tsx('scripts/new-article.ts', 'Summer School', '--content', contentCopy()).stderr).toContain('is not a valid slug');
    expect(tsx('scripts/new-article.ts', 'ok-slug', '--tags', 'robots', '--content', contentCopy()).stderr).toContain('unknown tag robots');
  });
});

describe('drafts', () => {
  const files = [...siteSources(), articleSource('ready', 'en'), articleSource('wip', 'en', { draft: 'true' })];

  it('are left out of a deploy build and listed as skipped', () => {
    const result = compileContent(files);
    expect(result.content?.articles.en.map((a) => a.slug)).toEqual(['ready']);
    expect(result.skippedDrafts).toEqual(['content/articles/2025/wip/en.md']);
  });

  it('are included, marked, in a local preview build', () => {
    const result = compileContent(files, 'content/', { includeDrafts: true });
    expect(result.content?.articles.en.find((a) => a.slug === 'wip')?.draft).toBe(true);
  });

  it('are still validated, so a bad draft is caught before it is published', () => {
    const result = compileContent([...siteSources(), articleSource('wip', 'en', { draft: 'true', published: 'soon' })]);
    expect(result.problems.map((p) => p.field)).toEqual(['published']);
  });
});

describe('configuration', () => {
  it('names the bad var and what it accepts', () => {
    expect(() => loadConfig({ SITE_URL: 'https://x.edu/news', FEED_ITEMS: '20' })).toThrow(
      "SITE_URL: must be empty (use each request's origin) or an http(s) origin with no path, query or fragment",
    );
    expect(() => loadConfig({ FEED_ITEMS: '500' })).toThrow('FEED_ITEMS: must be a whole number from 1 to 100');
    expect(() => loadConfig({ WEBSUB_HUB: 'https://hub.example/' })).toThrow('WEBSUB_HUB: needs SITE_URL set as well');
    expect(() => loadConfig({ FEED_ITEMS: 'x' })).toThrow(ConfigError);
  });

  it('accepts the documented defaults', () => {
    expect(loadConfig({ SITE_URL: '', FEED_ITEMS: '20', WEBSUB_HUB: '' })).toEqual({ feedItems: 20 });
    expect(loadConfig({ SITE_URL: 'https://news.example.edu/', WEBSUB_HUB: 'https://hub.example/' })).toEqual({
      siteUrl: 'https://news.example.edu',
      feedItems: 20,
      hub: 'https://hub.example/',
    });
  });

  it('npm run check validates every wrangler environment', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hit-wrangler-'));
    const toml = readFileSync('wrangler.toml', 'utf8').replace(/(\[env\.staging\.vars\][^[]*?)FEED_ITEMS = "20"/, '$1FEED_ITEMS = "0"');
    writeFileSync(join(dir, 'wrangler.toml'), toml);
    const result = tsx('scripts/check-config.ts', '--config', join(dir, 'wrangler.toml'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('[env.staging.vars]: Invalid wrangler var(s) — FEED_ITEMS: must be a whole number from 1 to 100');
    expect(result.stdout).toContain('[env.production.vars]');
  });
});

describe('WebSub', () => {
  it('notifies the hub of each changed feed with hub.mode=publish', async () => {
    const received: { method?: string; type?: string; body: string }[] = [];
    const hub = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ method: req.method, type: req.headers['content-type'], body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => hub.listen(0, '127.0.0.1', r));
    const address = hub.address();
    const hubUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
    try {
      const before = new Map([
        ['https://news.example.edu/zh/rss.xml', '"a"'],
        ['https://news.example.edu/en/rss.xml', '"b"'],
      ]);
      const after = new Map([
        ['https://news.example.edu/zh/rss.xml', '"a"'],
        ['https://news.example.edu/en/rss.xml', '"c"'],
        ['https://news.example.edu/en/tags/events/rss.xml', '"d"'],
      ]);
      const changed = changedFeeds(before, after);
      expect(changed).toEqual(['https://news.example.edu/en/rss.xml', 'https://news.example.edu/en/tags/events/rss.xml']);
      const results = await publishToHub(hubUrl, changed);
      expect(results.map((r) => r.status)).toEqual([204, 204]);
      expect(received).toEqual(
        changed.map((url) => ({
          method: 'POST',
          type: 'application/x-www-form-urlencoded',
          body: `hub.mode=publish&hub.url=${encodeURIComponent(url)}`,
        })),
      );
    } finally {
      hub.close();
    }
  });
});
