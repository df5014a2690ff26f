import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig, type Plugin } from 'vitest/config';

/**
 * Some packages (feed 6) point at source maps they do not ship; vite then prints a stack trace on a
 * cold cache. Loading such a file without its dangling comment keeps the test output about the tests.
 */
const danglingSourceMaps: Plugin = {
  name: 'dangling-source-maps',
  enforce: 'pre',
  load(id) {
    const file = id.split('?')[0] ?? id;
    if (!file.includes('/node_modules/') || !/\.[cm]?js$/.test(file) || !existsSync(file)) return null;
    const code = readFileSync(file, 'utf8');
    const comment = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(code);
    if (!comment?.[1] || comment[1].startsWith('data:') || existsSync(resolve(dirname(file), comment[1]))) return null;
    return code.slice(0, comment.index);
  },
};

export default defineConfig({
  test: {
    projects: [
      {
        // Tests that call the Worker as a client would, inside workerd, over the fixture content (never content/).
        plugins: [
          danglingSourceMaps,
          cloudflareTest(async () => ({
            main: './test/support/worker.ts',
            wrangler: { configPath: './test/fixtures/wrangler.toml' },
            // The archive (docs/archive.md) as a wrangler.toml with the ARCHIVE binding has it: a local D1, and the
            // project's migrations for the tests to apply (test/worker/archive.test.ts); pictures in R2 as with the
            // MEDIA binding: a local bucket (test/worker/media.test.ts).
            miniflare: {
              d1Databases: ['ARCHIVE'],
              r2Buckets: ['MEDIA'],
              bindings: { ARCHIVE_MIGRATIONS: await readD1Migrations('./migrations') },
            },
          })),
        ],
        // As wrangler.toml's alias does for the deployed Worker.
        resolve: { alias: { 'xml-js': resolve('src/feeds/compact-xml.ts') } },
        // Beside a CPU hog (stress-ng --cpu 4) the slowest takes 13 s: a verdict never depends on the machine's load.
        test: { name: 'worker', include: ['test/worker/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 },
      },
      {
        // Build-time programs (content compiler, scaffolding, deploy helpers) run in Node.
        // Most call the programs' code in-process; those that must spawn one (tsx, a terminal) take about a second each on
        // a quiet 2-core machine and ten times that beside a CPU hog: a verdict never depends on the machine's load.
        plugins: [danglingSourceMaps],
        test: {
          name: 'build',
          include: ['test/build/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // Through vite, so that test/build/compact-xml.test.ts can watch every call `feed` makes to xml-js.
          server: { deps: { inline: ['feed'] } },
        },
      },
    ],
  },
});
