import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../client.ts';
import { findStaff, listUnits, listWindows, updateStaff } from '../org/org.repository.ts';
import { seedFixture, type TFixture } from '../testing/fixture.ts';
import {
  createTestDatabase,
  migrationBefore,
  TEST_DIALECTS,
  type TTestDatabase,
} from '../testing/test-database.ts';

describe.each(TEST_DIALECTS)('migration 2026_12_02_1720_org_admin on %s', (dialect) => {
  let t: TTestDatabase;
  let f: TFixture;

  beforeAll(async () => {
    t = await createTestDatabase(dialect, migrationBefore('2026_12_02_1720_org_admin'));
    f = await seedFixture(t.db);
    await migrateToLatest(t.db);
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('keeps every unit, window and person, all in use, without a 工号', async () => {
    expect((await listUnits(t.db, f.centerId)).map((u) => [u.name, u.isActive, u.inactiveReason])).toEqual([
      ['不动产登记中心', true, null],
    ]);
    expect((await listWindows(t.db, f.centerId)).map((w) => [w.code, w.isActive])).toEqual([
      ['W01', true],
      ['W02', true],
    ]);
    expect(await findStaff(t.db, f.staff[0]!.id)).toMatchObject({
      name: '张三',
      staffNo: null,
      isActive: true,
    });
  });

  it('refuses a 工号 twice in one center, allows it in another, and many people without one', async () => {
    await updateStaff(t.db, f.staff[0]!.id, { staffNo: 'BDC-001' });
    await updateStaff(t.db, f.otherStaff.id, { staffNo: 'BDC-001' });
    await expect(updateStaff(t.db, f.staff[1]!.id, { staffNo: 'BDC-001' })).rejects.toThrow();
    expect((await findStaff(t.db, f.staff[1]!.id))?.staffNo).toBeNull();
    expect((await findStaff(t.db, f.otherStaff.id))?.staffNo).toBe('BDC-001');
  });
});
