/**
 * Which module may import which: the floors of the workspace (web → api → db / bulletin → rules) and
 * what each floor may take from outside it. Read by `import-guard.ts`.
 */

/** Workspace packages by directory, and the workspace packages each one's shipped code may import. */
export const FLOORS: Readonly<Record<string, readonly string[]>> = {
  'packages/rules': [],
  'packages/db': ['@chuangkou/rules'],
  'packages/bulletin': ['@chuangkou/rules'],
  'packages/api': ['@chuangkou/rules', '@chuangkou/db', '@chuangkou/bulletin'],
  'apps/server': ['@chuangkou/rules', '@chuangkou/db', '@chuangkou/bulletin', '@chuangkou/api'],
  'apps/cli': ['@chuangkou/rules', '@chuangkou/db', '@chuangkou/bulletin', '@chuangkou/api'],
  // the api for its types only (see WEB_TYPE_ONLY)
  'apps/web': ['@chuangkou/rules', '@chuangkou/api'],
  'tooling/guards': [],
};

/**
 * Packages that do I/O, hold state or render: never imported by packages/rules, not even for a type.
 * Node's built-in modules are refused there too (every one of them; the rules need none).
 */
export const RULES_FORBIDDEN_PACKAGES: readonly string[] = [
  'better-sqlite3',
  'pg',
  'kysely',
  'exceljs',
  'react',
  'react-dom',
  'antd',
  'recharts',
  '@trpc/server',
  '@trpc/client',
  '@trpc/tanstack-react-query',
  '@tanstack/react-query',
];

/**
 * Globals through which code reaches the host without importing anything: refused in packages/rules
 * when used as a free name (a local variable of that name is fine).
 */
export const RULES_FORBIDDEN_GLOBALS: readonly string[] = [
  'process',
  'fetch',
  'require',
  'XMLHttpRequest',
  'WebSocket',
  'localStorage',
  'sessionStorage',
  'indexedDB',
];

/** Modules the dashboard may import for their types only: a value would bundle server code. */
export const WEB_TYPE_ONLY: readonly string[] = ['@chuangkou/api', '@trpc/server'];

/** Modules the dashboard never imports, not even a type: the database and the Node-only packages. */
export const WEB_FORBIDDEN_PACKAGES: readonly string[] = [
  '@chuangkou/db',
  '@chuangkou/bulletin',
  '@chuangkou/server',
  '@chuangkou/cli',
  'better-sqlite3',
  'pg',
  'kysely',
];

/**
 * tRPC's internals, which change without notice between releases: nowhere in the repository. The
 * public entry points (`@trpc/server`, `@trpc/server/http`, `@trpc/server/adapters/*`) are fine.
 */
export const TRPC_INTERNALS = /^@trpc\/[^/]+\/(unstable-|dist\/|src\/)/;
