import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    setupFiles: ['./src/testing/vitest-setup.ts'],
    // database suites on PostgreSQL and scrypt hashes: room on a busy 2-core machine
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
