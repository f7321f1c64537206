import { type DbRoot, TEST_DIALECTS } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContextInner } from './context.ts';
import { createCaller } from './root.ts';
import { TODAY } from './testing/api-test-setup.ts';
import { setupCases, type TCaseSetup } from './testing/case-test-setup.ts';

/**
 * A page of the case registry reads what it answers and no more: one statement (two for a head, whose
 * window is looked up first), and never the query password's hash, which only the applicant's status
 * query checks. The rows are caught as the driver returns them, before any mapping.
 */
describe.each(TEST_DIALECTS)('cases.list reads on %s', (dialect) => {
  let c: TCaseSetup;
  beforeAll(async () => {
    c = await setupCases(dialect);
    for (const day of ['2026-11-20', '2026-11-23', '2026-11-24'])
      await c.acceptAs('staff', c.matters.promised, day);
  });
  afterAll(async () => {
    await c?.s.t.destroy();
  });

  /** Calls `cases.list` as a role on a database handle that records each statement's rows. */
  async function listRead(role: 'supervisor' | 'head' | 'staff') {
    const statements: Record<string, unknown>[][] = [];
    const recorder: Parameters<DbRoot['withPlugin']>[0] = {
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        statements.push([...args.result.rows]);
        return args.result;
      },
    };
    const db = c.s.t.db.withPlugin(recorder);
    const caller = createCaller(createContextInner({ db, user: c.s.users[role], today: () => TODAY }));
    const page = await caller.cases.list({ limit: 200 });
    return { page, statements };
  }

  it('reads a page in one statement (a head: two) without the query password hash', async () => {
    const hashes = await c.s.t.db
      .selectFrom('cases')
      .select('query_password_hash')
      .where('query_password_hash', 'is not', null)
      .execute();
    expect(hashes.length).toBe(3);
    for (const [role, expected] of [
      ['supervisor', 1],
      ['head', 2],
      ['staff', 1],
    ] as const) {
      const { page, statements } = await listRead(role);
      expect(page.length, role).toBe(3);
      expect(statements.length, role).toBe(expected);
      const caseRows = statements.at(-1)!;
      expect(caseRows.length, role).toBe(3);
      for (const row of caseRows) {
        expect(Object.keys(row), role).not.toContain('query_password_hash');
        expect(row.applicant_name, role).toBe('王小明');
      }
    }
  });
});
