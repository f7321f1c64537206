import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCaseFixture, type TCaseFixture } from '../testing/case-fixture.ts';
import { createTestDatabase, TEST_DIALECTS, type TTestDatabase } from '../testing/test-database.ts';
import {
  answerJointDepartment,
  insertJointDepartments,
  listJointDepartments,
  listJointDepartmentsOfCases,
} from './joint-departments.repository.ts';

describe.each(TEST_DIALECTS)('joint departments repository on %s', (dialect) => {
  let t: TTestDatabase;
  let f: TCaseFixture;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    f = await seedCaseFixture(t.db);
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('copies departments on a joint case, records an answer, and lists them per case', async () => {
    const joint = { type: 'joint' as const };
    const a = await f.addCase('2026-08-03', joint);
    const b = await f.addCase('2026-08-03', joint);
    await insertJointDepartments(t.db, f.centerId, [
      { caseId: a, department: '税务局', limitDays: 3, copiedOn: '2026-08-03', dueOn: '2026-08-06' },
      { caseId: a, department: '公安局', limitDays: 5, copiedOn: '2026-08-03', dueOn: '2026-08-10' },
      { caseId: b, department: '税务局', limitDays: 3, copiedOn: '2026-08-04', dueOn: '2026-08-07' },
    ]);
    await insertJointDepartments(t.db, f.centerId, []);
    await answerJointDepartment(t.db, a, '税务局', { on: '2026-08-10', opinion: '同意', lateDays: 2 });
    expect(await listJointDepartments(t.db, a)).toEqual([
      {
        caseId: a,
        department: '公安局',
        limitDays: 5,
        copiedOn: '2026-08-03',
        dueOn: '2026-08-10',
        answeredOn: null,
        opinion: null,
        lateDays: 0,
      },
      {
        caseId: a,
        department: '税务局',
        limitDays: 3,
        copiedOn: '2026-08-03',
        dueOn: '2026-08-06',
        answeredOn: '2026-08-10',
        opinion: '同意',
        lateDays: 2,
      },
    ]);
    const both = await listJointDepartmentsOfCases(t.db, [a, b]);
    expect(both.map((j) => [j.caseId, j.department])).toEqual([
      [a, '公安局'],
      [a, '税务局'],
      [b, '税务局'],
    ]);
    expect(await listJointDepartmentsOfCases(t.db, [])).toEqual([]);
  });

  it('refuses the same department twice on one case', async () => {
    const id = await f.addCase('2026-08-05', { type: 'joint' });
    const row = {
      caseId: id,
      department: '税务局',
      limitDays: 3,
      copiedOn: '2026-08-05',
      dueOn: '2026-08-10',
    };
    await insertJointDepartments(t.db, f.centerId, [row]);
    await expect(insertJointDepartments(t.db, f.centerId, [row])).rejects.toThrow();
    expect(await listJointDepartments(t.db, id)).toHaveLength(1);
  });
});
