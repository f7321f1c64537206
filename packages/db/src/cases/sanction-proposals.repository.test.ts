import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCaseFixture, type TCaseFixture } from '../testing/case-fixture.ts';
import { createTestDatabase, TEST_DIALECTS, type TTestDatabase } from '../testing/test-database.ts';
import { insertUser } from '../users/users.repository.ts';
import {
  decideSanctionProposal,
  findSanctionProposal,
  insertSanctionProposals,
  listSanctionProposals,
} from './sanction-proposals.repository.ts';

describe.each(TEST_DIALECTS)('sanction proposals repository on %s', (dialect) => {
  let t: TTestDatabase;
  let f: TCaseFixture;
  let supervisorId: number;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    f = await seedCaseFixture(t.db);
    const u = await insertUser(t.db, {
      centerId: f.centerId,
      username: `sup_${dialect}`,
      passwordHash: 'x',
      role: 'supervisor',
      staffId: null,
      displayName: '审管科',
    });
    supervisorId = u.id;
  });
  afterAll(async () => {
    await t?.destroy();
  });

  const proposeFor = async (caseId: number) => {
    const base = {
      caseId,
      centerId: f.centerId,
      staffId: f.staff[0]!.id,
      day: '2026-09-08',
      reason: '超期 2 个工作日',
    };
    await insertSanctionProposals(t.db, [
      { ...base, item: 'B5', qty: 2 },
      { ...base, item: 'F3', qty: 1 },
    ]);
    return listSanctionProposals(t.db, { centerId: f.centerId, caseId });
  };

  it('lists the proposals of a case with the names shown, waiting for a supervisor', async () => {
    const caseId = await f.addCase('2026-09-01', { acceptanceCode: `P-${dialect}` });
    const listed = await proposeFor(caseId);
    expect(listed.map((p) => [p.item, p.qty, p.status, p.acceptanceCode, p.matterName, p.staffName])).toEqual(
      [
        ['B5', 2, 'proposed', `P-${dialect}`, '不动产转移登记', '张三'],
        ['F3', 1, 'proposed', `P-${dialect}`, '不动产转移登记', '张三'],
      ],
    );
    expect(await insertSanctionProposals(t.db, [])).toBeUndefined();
  });

  it('decides a proposal once: confirmed with its record and person, or rejected with the reason', async () => {
    const caseId = await f.addCase('2026-09-01');
    const [b5, f3] = await proposeFor(caseId);
    const record = await t.db
      .insertInto('conduct_records')
      .values({
        center_id: f.centerId,
        scheme: 'points',
        staff_id: f.staff[1]!.id,
        item: 'B5',
        qty: 2,
        aggravated: 0,
        date: '2026-09-08',
        source: 'case',
        status: 'active',
        created_at: 'now',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const confirm = {
      status: 'confirmed' as const,
      by: supervisorId,
      reason: '经核实',
      recordId: record.id,
      staffId: f.staff[1]!.id,
    };
    expect(await decideSanctionProposal(t.db, b5!.id, confirm)).toBe(true);
    expect(await decideSanctionProposal(t.db, b5!.id, { ...confirm, status: 'rejected' })).toBe(false);
    expect(await findSanctionProposal(t.db, b5!.id)).toMatchObject({
      status: 'confirmed',
      decidedBy: supervisorId,
      recordId: record.id,
      staffId: f.staff[1]!.id,
    });
    const reject = {
      status: 'rejected' as const,
      by: supervisorId,
      reason: '非本人原因',
      recordId: null,
      staffId: null,
    };
    expect(await decideSanctionProposal(t.db, f3!.id, reject)).toBe(true);
    expect(await findSanctionProposal(t.db, f3!.id)).toMatchObject({
      status: 'rejected',
      decisionReason: '非本人原因',
    });
    const waiting = await listSanctionProposals(t.db, { centerId: f.centerId, status: 'proposed', caseId });
    expect(waiting).toEqual([]);
    expect(await listSanctionProposals(t.db, { centerId: f.otherCenterId })).toEqual([]);
  });
});
