import { defineConfig } from 'vitest/config';

// Unit and component tests. DOM tests opt in with `// @vitest-environment happy-dom`.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    pool: 'threads',
  },
});
