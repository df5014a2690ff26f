import { defineConfig } from 'vitest/config';

// End-to-end: the Worker under wrangler dev, driven by Debian's Chromium and real feed clients.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
