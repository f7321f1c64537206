import { defineConfig } from 'vitest/config';

// The CLI tests start real processes (`pnpm --silent assess`): give them room on a busy 2-core machine.
export default defineConfig({ test: { testTimeout: 60_000 } });
