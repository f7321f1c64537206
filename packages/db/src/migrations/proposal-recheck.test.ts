import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decideSanctionProposal,
  listProposalsOfCases,
  setSanctionProposalRecheck,
} from '../cases/sanction-proposals.repository.ts';
import { migrateToLatest } from '../client.ts';
import { seedCaseFixture } from '../testing/case-fixture.ts';
import {
  createTestDatabase,
  migrationBefore,
  TEST_DIALECTS,
  type TTestDatabase,
} from '../testing/test-database.ts';
import { insertUser } from '../users/users.repository.ts';

describe.each(TEST_DIALECTS)('migration 2026_12_03_1840_proposal_recheck on %s', (dialect) => {
  let t: TTestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect, migrationBefore('2026_12_03_1840_proposal_recheck'));
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('keeps the proposals made before with nothing to recheck; a confirmed one can be flagged and cleared', async () => {
    const f = await seedCaseFixture(t.db);
    const caseId = await f.addCase('2026-03-05');
    const supervisor = await insertUser(t.db, {
      centerId: f.centerId,
      username: 'sup',
      passwordHash: 'x',
      role: 'supervisor',
      staffId: null,
      displayName: '审管科',
    });
    // biome-ignore lint/suspicious/noExplicitAny: the schema before this migration has no recheck column
    await (t.db as any)
      .insertInto('case_sanction_proposals')
      .values(
        ['B5', 'F3'].map((item) => ({
          case_id: caseId,
          center_id: f.centerId,
          staff_id: null,
          item,
          qty: 1,
          day: '2026-03-11',
          reason: '超期 1 个工作日',
          status: 'proposed',
          created_at: '2026-03-11T08:00:00.000Z',
        })),
      )
      .execute();
    await migrateToLatest(t.db);
    const [b5, f3] = await listProposalsOfCases(t.db, [caseId]);
    expect([b5?.recheckReason, f3?.recheckReason]).toEqual([null, null]);

    await decideSanctionProposal(t.db, b5!.id, {
      status: 'confirmed',
      by: supervisor.id,
      reason: null,
      recordId: null,
      staffId: null,
    });
    await setSanctionProposalRecheck(t.db, b5!.id, '按更正后的工作日历不再超期（已确认 1）');
    // only a confirmed proposal is flagged
    await setSanctionProposalRecheck(t.db, f3!.id, 'x');
    expect((await listProposalsOfCases(t.db, [caseId])).map((p) => p.recheckReason)).toEqual([
      '按更正后的工作日历不再超期（已确认 1）',
      null,
    ]);
    await setSanctionProposalRecheck(t.db, b5!.id, null);
    expect((await listProposalsOfCases(t.db, [caseId])).map((p) => p.recheckReason)).toEqual([null, null]);
  });
});
