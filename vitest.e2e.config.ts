import { defineConfig } from 'vitest/config';

// Real-browser suites: the simulation's own tests and the extension end to end.
// BROWSER=chromium|firefox picks the browser; files run one at a time (2 cores, one browser each).
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  test: {
    include: ['test/sim/**/*.test.ts', 'test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
