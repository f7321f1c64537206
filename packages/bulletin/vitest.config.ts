import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // databases on PostgreSQL, the demo center and large workbooks: room on a busy 2-core machine
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
