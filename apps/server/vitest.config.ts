import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // real HTTP servers, spawned server processes and scrypt hashes: room on a busy 2-core machine
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
