/**
 * Memory no request can grow: the deployable bundle in raw workerd with V8 capped at 64 MB (half an isolate's 128),
 * without SITE_URL (so each request's Host is part of every cache key, as under `npm start` or [env.staging]), over
 * SYNTHETIC long articles. Each kind of varying input is sent by the hundred — a 60,000-character Host each time, a
 * long query each time, `since` and `limit` variants of 100-item views — and the isolate must answer every request:
 * what it keeps (one cache of 24 MiB, every memo bounded in bytes, keys included) stays under the cap, or V8 would
 * end it ("JavaScript heap out of memory", as 890 long-Host requests did to a 128 MB isolate before the bound).
 * Traffic only to 127.0.0.1, bounded in count.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ours, type RunningWorkerd, startWorkerd } from '../../scripts/bench/workerd';
import { dryRunBundle } from '../../scripts/dry-run';
import { projectWorkspace } from '../../scripts/workspace';
import { freePort } from './server';

let server: RunningWorkerd;

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'hit-memory-'));
  const workspace = projectWorkspace(join(root, 'project'), (content) => {
    mkdirSync(join(content, 'site'), { recursive: true });
    for (const lang of ['zh', 'en']) {
      writeFileSync(join(content, `site/${lang}.yaml`), readFileSync(`test/fixtures/content/site/${lang}.yaml`, 'utf8'));
    }
    // 120 SYNTHETIC English articles of about 40 KB each: 100-item views of 4 MB.
    const paragraph = 'Synthetic long paragraph for the memory test, about international students and open source. '.repeat(20);
    for (let i = 1; i <= 120; i++) {
      const dir = join(content, `articles/2025/long-${i}`);
      mkdirSync(dir, { recursive: true });
      const day = new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      writeFileSync(
        join(dir, 'en.md'),
        `---\ntitle: Long synthetic article ${i}\nsummary: A long synthetic article.\npublished: ${day}T09:00:00+08:00\nauthor: Test Author\ntags: [open-source]\n---\n\n${Array.from({ length: 20 }, () => paragraph).join('\n\n')}\n`,
      );
    }
  });
  const dist = join(root, 'dist');
  dryRunBundle(dist, { cwd: workspace, cards: false });
  server = await startWorkerd(
    dist,
    await freePort(),
    ours(dist),
    { SITE_URL: '', FEED_ITEMS: '20', WEBSUB_HUB: '' },
    { v8Flags: ['--max-heap-size=64'] },
  );
}, 240_000);
afterAll(async () => {
  await server?.stop();
});

/** One GET through node:http (fetch may not set Host), its body read; the status, or the error that ended it. */
function get(path: string, host: string): Promise<number | string> {
  const { port } = new URL(server.origin);
  return new Promise((resolve) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: { Host: host } }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', (error) => resolve(error.message));
    req.end();
  });
}

describe('an isolate capped at 64 MB answers floods of varying input', () => {
  it.each([
    ['a 60,000-character Host each time', 600, (i: number) => ['/style.css', `${'h'.repeat(60_000)}${i}.example`]],
    ['a long query each time', 600, (i: number) => [`/en/rss.xml?x=${i}${'q'.repeat(4000)}`, 'feeds.test']],
    [
      '100-item since views with a new timestamp each time, in three formats',
      300,
      (i: number) => [
        `/en/${['rss.xml', 'atom.xml', 'feed.json'][i % 3]}?limit=100&since=2025-01-${String((i % 28) + 1).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00Z`,
        'feeds.test',
      ],
    ],
    [
      'every limit from 1 to 100, in three formats',
      300,
      (i: number) => [`/en/${['rss.xml', 'atom.xml', 'feed.json'][i % 3]}?limit=${(i % 100) + 1}`, 'feeds.test'],
    ],
  ] as [string, number, (i: number) => [string, string]][])('%s (%i requests)', async (_name, count, request) => {
    const statuses = new Map<number | string, number>();
    for (let i = 0; i < count; i++) {
      const [path, host] = request(i);
      const status = await get(path, host);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    expect(Object.fromEntries(statuses)).toEqual({ 200: count });
  });
});
