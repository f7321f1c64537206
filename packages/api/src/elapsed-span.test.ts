import { insertCases, insertMatter, TEST_DIALECTS, type TNewCase } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApi, type TApiSetup } from './testing/api-test-setup.ts';

/** domain.md "Time": a running period is compared with the same elapsed span of the other, and says so. */
describe.each(TEST_DIALECTS)('a running period against the same elapsed span on %s', (dialect) => {
  let s: TApiSetup;
  beforeAll(async () => {
    s = await setupApi(dialect);
    const matter = await insertMatter(s.t.db, {
      centerId: s.f.centerId,
      unitId: s.f.unitId,
      name: '抵押权登记',
      type: 'promised',
      promisedDays: 3,
    });
    const cases: TNewCase[] = [];
    const add = (receivedOn: string, n: number) => {
      for (let i = 0; i < n; i++)
        cases.push({
          centerId: s.f.centerId,
          unitId: s.f.unitId,
          windowId: s.f.windowIds[0],
          staffId: null,
          matterId: matter.id,
          type: 'promised',
          stage: 'decided',
          acceptanceCode: null,
          receivedOn,
          acceptedOn: receivedOn,
          promisedDays: 3,
          deadline: receivedOn,
          decision: 'approved',
          decidedOn: receivedOn,
          handlingDays: 2,
          overdueDays: 0,
          acceptedByUser: null,
        });
    };
    // today is 2026-11-26 (the test setup): Q4 and November are running
    add('2026-08-20', 10);
    add('2026-09-10', 20);
    add('2026-10-20', 40);
    add('2026-10-28', 60);
    add('2026-11-10', 30);
    add('2025-11-20', 5);
    add('2025-12-20', 7);
    await insertCases(s.t.db, cases);
  });
  afterAll(async () => {
    await s?.t.destroy();
  });

  it('Q4 to 11-26 against Q3 to 08-26 and Q4 2025 to 11-26', async () => {
    const r = await s.as('leader').analytics.windowEfficiency({ year: 2026, quarter: 4 });
    expect(r.period).toBe('2026Q4 至 11-26');
    expect(r.current.cases).toBe(130);
    expect(r.previous).toMatchObject({ period: '2026Q3 至 08-26', value: { cases: 10 } });
    expect(r.lastYear).toMatchObject({ period: '2025Q4 至 11-26', value: { cases: 5 } });
  });

  it('November to 11-26 against October to 10-26; an ended month compares whole', async () => {
    const nov = await s.as('leader').analytics.windowEfficiency({ year: 2026, month: 11 });
    expect(nov.previous).toMatchObject({ period: '2026-10 至 10-26', value: { cases: 40 } });
    const oct = await s.as('leader').analytics.windowEfficiency({ year: 2026, month: 10 });
    expect(oct.previous).toMatchObject({ period: '2026-09', value: { cases: 20 } });
    expect(oct.current.cases).toBe(100);
  });
});
