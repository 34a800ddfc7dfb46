import { defineConfig } from 'vitest/config';

/** End-to-end tests: real Chromium against `npm run serve` (run after npm run build:renderer). */
export default defineConfig({
  test: {
    globals: true,
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // One server and one browser at a time: the machine is small.
    fileParallelism: false,
  },
});
