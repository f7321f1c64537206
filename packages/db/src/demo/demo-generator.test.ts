import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseStats } from '../analytics/analytics.repository.ts';
import { listStaff, listUnits, listWindows } from '../org/org.repository.ts';
import { createTestDatabase, type TTestDatabase } from '../testing/test-database.ts';
import { DEMO_USERS, generateDemo, loadDemoIfEmpty, type TDemoSummary } from './demo-generator.ts';

const OPTIONS = { today: '2026-11-26', from: '2026-01-01', caseFraction: 0.02 };

describe('generateDemo', () => {
  let a: TTestDatabase;
  let b: TTestDatabase;
  let first: TDemoSummary;

  beforeAll(async () => {
    a = await createTestDatabase('sqlite');
    b = await createTestDatabase('sqlite');
    first = (await loadDemoIfEmpty(a.db, { ...OPTIONS, hashPassword: async (p) => `plain:${p}` }))!;
  });
  afterAll(async () => {
    await a?.destroy();
    await b?.destroy();
  });

  it('builds 8 units, 36 windows and about 120 staff with history', async () => {
    expect(await listUnits(a.db, first.centerId)).toHaveLength(8);
    expect(await listWindows(a.db, first.centerId)).toHaveLength(36);
    const staff = await listStaff(a.db, { centerId: first.centerId });
    expect(staff.length).toBeGreaterThanOrEqual(110);
    expect(staff.length).toBeLessThanOrEqual(130);
    expect(staff.filter((s) => s.post === 'security')).toHaveLength(4);
    expect(first.cases).toBeGreaterThan(1000);
    expect(first.patrols).toBeGreaterThan(300);
    expect(first.peerRatings).toBeGreaterThan(1000);
    expect(first.awards).toBeGreaterThan(5);
  });

  it('is deterministic for a seed', async () => {
    const again = await generateDemo(b.db, OPTIONS);
    expect(again).toEqual(first);
    const names = async (t: TTestDatabase) => (await listStaff(t.db, { centerId: 1 })).map((s) => s.name);
    expect(await names(b)).toEqual(await names(a));
  });

  it('creates the demo accounts only when asked, and loads only into an empty database', async () => {
    const users = await a.db.selectFrom('users').select(['username', 'role']).orderBy('id').execute();
    expect(users).toEqual(DEMO_USERS.map((u) => ({ username: u.username, role: u.role })));
    expect(await b.db.selectFrom('users').selectAll().execute()).toEqual([]);
    expect(await loadDemoIfEmpty(a.db, OPTIONS)).toBeNull();
  });

  it('has on-time rates of a real center (97–99.8 % overall)', async () => {
    const [all] = await caseStats(
      a.db,
      { centerId: first.centerId, from: '2026-01-01', to: '2026-10-31' },
      'none',
    );
    const rate = all!.onTime / all!.completed;
    expect(rate).toBeGreaterThan(0.97);
    expect(rate).toBeLessThan(0.998);
  });
});
