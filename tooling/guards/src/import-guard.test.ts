import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkImports, freeGlobalsOf, packageNameOf } from './import-guard.ts';
import { moduleImportsOf } from './module-imports.ts';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

describe('moduleImportsOf', () => {
  it('reads every way of reaching a module, telling type-only from value imports', () => {
    const text = [
      "import type { A } from 'a-type';",
      "import { type B } from 'b-inline-type';",
      "import c from 'c-default';",
      "import 'd-side-effect';",
      "export * from 'e-reexport';",
      "export type { F } from 'f-type-reexport';",
      "const g = await import('g-dynamic');",
      'const h = await import(name);',
      "const i = require('i-require');",
      "import j = require('j-import-equals');",
      "type K = import('k-type-query').K;",
      'const s = \'import x from "not-an-import"\';',
    ].join('\n');
    expect(moduleImportsOf('x.ts', text)).toStrictEqual([
      { specifier: 'a-type', kind: 'import', isTypeOnly: true, line: 1 },
      { specifier: 'b-inline-type', kind: 'import', isTypeOnly: false, line: 2 },
      { specifier: 'c-default', kind: 'import', isTypeOnly: false, line: 3 },
      { specifier: 'd-side-effect', kind: 'import', isTypeOnly: false, line: 4 },
      { specifier: 'e-reexport', kind: 'export', isTypeOnly: false, line: 5 },
      { specifier: 'f-type-reexport', kind: 'export', isTypeOnly: true, line: 6 },
      { specifier: 'g-dynamic', kind: 'dynamic', isTypeOnly: false, line: 7 },
      { specifier: null, kind: 'dynamic', isTypeOnly: false, line: 8 },
      { specifier: 'i-require', kind: 'require', isTypeOnly: false, line: 9 },
      { specifier: 'j-import-equals', kind: 'import-equals', isTypeOnly: false, line: 10 },
      { specifier: 'k-type-query', kind: 'type-query', isTypeOnly: true, line: 11 },
    ]);
  });

  it('reads multi-line imports and JSX files', () => {
    const text =
      "import {\n  a,\n  b,\n} from '@chuangkou/api';\nexport const X = () => <div>{a}{b}</div>;\n";
    expect(moduleImportsOf('x.tsx', text)).toStrictEqual([
      { specifier: '@chuangkou/api', kind: 'import', isTypeOnly: false, line: 1 },
    ]);
  });
});

describe('packageNameOf', () => {
  it('keeps the scope of a scoped package and drops subpaths', () => {
    expect(packageNameOf('@trpc/server/adapters/standalone')).toBe('@trpc/server');
    expect(packageNameOf('antd/locale/zh_CN')).toBe('antd');
    expect(packageNameOf('zod')).toBe('zod');
  });
});

describe('freeGlobalsOf', () => {
  it('finds a global used as a free name, not as a property, a key or a local', () => {
    const text = [
      'const a = process.env.X;', // 1: free
      'const b = { process: 1, fetch: 2 };', // keys
      'const c = b.process;', // property
      "const d = await fetch('https://example.org');", // 4: free
    ].join('\n');
    expect(freeGlobalsOf('x.ts', text, ['process', 'fetch'])).toStrictEqual([
      { name: 'process', line: 1 },
      { name: 'fetch', line: 4 },
    ]);
    expect(
      freeGlobalsOf('y.ts', 'function f(process: number) { return process; }', ['process']),
    ).toStrictEqual([]);
  });
});

describe('checkImports on the repository', () => {
  it('finds nothing to refuse in the real tree', () => {
    const { files, violations } = checkImports(REPO_ROOT);
    expect(files).toBeGreaterThan(200);
    expect(violations).toStrictEqual([]);
  });
});

describe('checkImports on planted files', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'guards-'));
    // the real packages/rules (sources and package.json) and a dashboard file that is allowed
    cpSync(path.join(REPO_ROOT, 'packages/rules/src'), path.join(root, 'packages/rules/src'), {
      recursive: true,
    });
    cpSync(
      path.join(REPO_ROOT, 'packages/rules/package.json'),
      path.join(root, 'packages/rules/package.json'),
    );
    cpSync(path.join(REPO_ROOT, 'apps/web/src/lib/trpc.ts'), path.join(root, 'apps/web/src/lib/trpc.ts'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  /** Checks the copy with one file planted, then takes the file away again. */
  function withPlanted(file: string, text: string) {
    const full = path.join(root, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
    try {
      return checkImports(root).violations;
    } finally {
      rmSync(full);
    }
  }

  it('passes the copy before anything is planted', () => {
    const { files, violations } = checkImports(root);
    expect(files).toBeGreaterThan(10);
    expect(violations).toStrictEqual([]);
  });

  it('refuses the database, node:fs/promises and node:crypto in a rules file (each one)', () => {
    const violations = withPlanted(
      'packages/rules/src/assessment/leak.ts',
      [
        "import { openDatabase } from '@chuangkou/db';",
        "import { readFile } from 'node:fs/promises';",
        "import { randomUUID } from 'node:crypto';",
        'export const leak = [openDatabase, readFile, randomUUID];',
      ].join('\n'),
    );
    expect(violations.map((v) => [v.file, v.line, v.rule])).toStrictEqual([
      ['packages/rules/src/assessment/leak.ts', 1, 'rules-pure'],
      ['packages/rules/src/assessment/leak.ts', 2, 'rules-pure'],
      ['packages/rules/src/assessment/leak.ts', 3, 'rules-pure'],
    ]);
  });

  const rulesLeaks: [string, string][] = [
    ['a bare builtin', "import fs from 'fs';"],
    ['the network', "import net from 'node:net';"],
    ['an HTTP client', "import http from 'node:http';"],
    ['a child process', "import { spawn } from 'node:child_process';"],
    ['a worker', "import { Worker } from 'node:worker_threads';"],
    ['a type from the database', "import type { DB } from '@chuangkou/db';"],
    ['the api', "export { appRouter } from '@chuangkou/api';"],
    ['the bulletins', "export * from '@chuangkou/bulletin';"],
    ['exceljs', "import ExcelJS from 'exceljs';"],
    ['react', "import { useState } from 'react';"],
    ['tRPC', "import { initTRPC } from '@trpc/server';"],
    ['a tRPC client subpath', "import { httpLink } from '@trpc/client/links/httpLink';"],
    ['pg', "const pg = await import('pg');"],
    ['better-sqlite3 through require', "const SQLite = require('better-sqlite3');"],
    ['a package the rules do not depend on', "import dayjs from 'dayjs';"],
    ['a computed dynamic import', 'export const load = (name: string) => import(name);'],
    ['a relative path out of the package', "import { openDatabase } from '../../../db/src/client.ts';"],
    ['the environment', 'export const today = process.env.TODAY;'],
    ['fetch', "export const get = () => fetch('http://localhost');"],
  ];
  for (const [what, text] of rulesLeaks) {
    it(`refuses ${what} in packages/rules`, () => {
      const violations = withPlanted('packages/rules/src/shared/leak.ts', text);
      expect(violations).toHaveLength(1);
      expect(violations[0]).toMatchObject({ file: 'packages/rules/src/shared/leak.ts', rule: 'rules-pure' });
    });
  }

  it('lets a rules test read files (tests are not shipped)', () => {
    expect(
      withPlanted('packages/rules/src/shared/leak.test.ts', "import { readFileSync } from 'node:fs';"),
    ).toStrictEqual([]);
  });

  const webLeaks: [string, string][] = [
    ['a value from the api', "import { appRouter } from '@chuangkou/api';"],
    ['an inline type import that still loads the api', "import { type AppRouter } from '@chuangkou/api';"],
    ['a re-export of the api', "export { createCaller } from '@chuangkou/api';"],
    ['a lazy import of the api', "export const load = () => import('@chuangkou/api');"],
    ['a value from tRPC’s server', "import { initTRPC } from '@trpc/server';"],
    ['a type from the database', "import type { TUser } from '@chuangkou/db';"],
    ['the bulletins', "import { writeBulletin } from '@chuangkou/bulletin';"],
    ['the server app', "import { createServer } from '@chuangkou/server';"],
    ['a Node module', "import { readFileSync } from 'node:fs';"],
    ['a relative path into the api', "import { appRouter } from '../../../../packages/api/src/root.ts';"],
  ];
  for (const [what, text] of webLeaks) {
    it(`refuses ${what} in the dashboard`, () => {
      const violations = withPlanted('apps/web/src/features/leak.tsx', text);
      expect(violations).toHaveLength(1);
      expect(violations[0]!.file).toBe('apps/web/src/features/leak.tsx');
      expect(['web-types-only', 'floors']).toContain(violations[0]!.rule);
    });
  }

  it('lets the dashboard import types from the api and values from the rules', () => {
    const text = [
      "import type { AppRouter } from '@chuangkou/api';",
      "import type { inferRouterOutputs } from '@trpc/server';",
      "import { POLICY_A } from '@chuangkou/rules';",
      'export type TOut = inferRouterOutputs<AppRouter>;',
      'export const items = POLICY_A.items;',
    ].join('\n');
    expect(withPlanted('apps/web/src/lib/allowed.ts', text)).toStrictEqual([]);
  });

  it('lets a dashboard test build a caller from the api', () => {
    const text = "import { appRouter, createCaller } from '@chuangkou/api';";
    expect(withPlanted('apps/web/src/features/page.test.tsx', text)).toStrictEqual([]);
  });

  it('refuses tRPC internals anywhere, tests included', () => {
    for (const file of ['apps/server/src/query.ts', 'packages/api/src/query.test.ts', 'scripts/tool.mjs']) {
      // the specifier is put together here so that this file itself holds no import of tRPC's internals
      const internals = ['@trpc/server', ['unstable', 'core', 'do', 'not', 'import'].join('-')].join('/');
      const violations = withPlanted(file, `import { isObject } from '${internals}';`);
      expect(violations.map((v) => [v.file, v.rule])).toStrictEqual([[file, 'trpc-internals']]);
    }
  });

  it('refuses a package that imports a floor above it', () => {
    const violations = withPlanted('packages/db/src/leak.ts', "import { appRouter } from '@chuangkou/api';");
    expect(violations.map((v) => [v.file, v.rule])).toStrictEqual([['packages/db/src/leak.ts', 'floors']]);
  });
});
