import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        // Tests that call the Worker as a client would, inside workerd, over the fixture content (never content/).
        plugins: [cloudflareTest({ main: './test/support/worker.ts', wrangler: { configPath: './wrangler.toml' } })],
        test: { name: 'worker', include: ['test/worker/**/*.test.ts'] },
      },
      {
        // Build-time programs (content compiler, scaffolding, deploy helpers) run in Node.
        test: { name: 'build', include: ['test/build/**/*.test.ts'], environment: 'node' },
      },
    ],
  },
});
