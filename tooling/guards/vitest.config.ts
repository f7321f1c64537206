import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // the repository suites parse every source file with TypeScript: room on a busy 2-core machine
    testTimeout: 120_000,
  },
});
