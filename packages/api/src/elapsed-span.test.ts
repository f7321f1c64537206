import { insertAward, TEST_DIALECTS } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDecidedCases, setupApi, type TApiSetup } from './testing/api-test-setup.ts';

/** domain.md "Time": a running period is compared with the same elapsed span of the other, and says so. */
describe.each(TEST_DIALECTS)('a running period against the same elapsed span on %s', (dialect) => {
  let s: TApiSetup;
  beforeAll(async () => {
    s = await setupApi(dialect);
    await insertDecidedCases(s, {
      // today is 2026-11-26 (the test setup): Q4 and November are running
      '2026-08-20': 10,
      '2026-09-10': 20,
      '2026-10-20': 40,
      '2026-10-28': 60,
      '2026-11-10': 30,
      '2025-11-20': 5,
      '2025-12-20': 7,
    });
    const award = (kind: 'redFlagMonthly' | 'yellowCard', year: number, month: number, date: string) =>
      insertAward(s.t.db, {
        centerId: s.f.centerId,
        windowId: s.f.windowIds[0],
        kind,
        year,
        month,
        date,
        reason: null,
        recordId: null,
        createdBy: null,
      });
    // July's and August's red flags were given on 08-05 and 09-05: only July's within Q3 to 08-26
    await award('redFlagMonthly', 2026, 7, '2026-08-05');
    await award('redFlagMonthly', 2026, 8, '2026-09-05');
    await award('redFlagMonthly', 2026, 10, '2026-11-05');
    // a year earlier: October's red flag on 11-04, November's yellow card on 12-03 (after 11-26)
    await award('redFlagMonthly', 2025, 10, '2025-11-04');
    await award('yellowCard', 2025, 11, '2025-12-03');
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

  it('awards: Q4 to 11-26 counts the awards given within the same span of Q3 and of Q4 2025', async () => {
    const r = await s.as('leader').analytics.awards({ year: 2026, quarter: 4 });
    expect(r.period).toBe('2026Q4 至 11-26');
    expect(r.current).toEqual({ redFlagMonthly: 1, redFlagAnnual: 0, yellowCard: 0 });
    expect(r.previous).toEqual({
      period: '2026Q3 至 08-26',
      value: { redFlagMonthly: 1, redFlagAnnual: 0, yellowCard: 0 },
    });
    expect(r.lastYear).toEqual({
      period: '2025Q4 至 11-26',
      value: { redFlagMonthly: 1, redFlagAnnual: 0, yellowCard: 0 },
    });
    // an ended quarter is counted whole
    const q3 = await s.as('leader').analytics.awards({ year: 2026, quarter: 3 });
    expect(q3.period).toBe('2026Q3');
    expect(q3.current.redFlagMonthly).toBe(2);
  });

  it('grades and peer tiers of a running quarter are compared with nothing, and say why', async () => {
    const grades = await s.as('leader').analytics.grades({ year: 2026, quarter: 4 });
    expect(grades.period).toBe('2026Q4 至 11-26');
    expect(grades.noComparison).toBe(
      '2026年第4季度尚未结束（进行中）：等级按整季度评定，进行中的草稿不与其他季度比较',
    );
    expect(grades.previous).toEqual({ period: '2026Q3', value: null });
    expect(grades.lastYear).toEqual({ period: '2025Q4', value: null });
    expect(grades.current?.status).toBe('draft');
    const peer = await s.as('leader').analytics.peerTiers({ year: 2026, quarter: 4 });
    expect(peer.noComparison).toBe(
      '2026年第4季度尚未结束（进行中）：互评在季度结束后汇总分档，不与其他季度比较',
    );
    expect(peer.previous.value).toBeNull();
    // an ended quarter is compared as before
    const q3 = await s.as('leader').analytics.grades({ year: 2026, quarter: 3 });
    expect(q3.noComparison).toBeNull();
    expect(q3.previous.period).toBe('2026Q2');
    expect(q3.previous.value).not.toBeNull();
    const peerQ3 = await s.as('leader').analytics.peerTiers({ year: 2026, quarter: 3 });
    expect(peerQ3.noComparison).toBeNull();
    expect(peerQ3.previous.value).toEqual({ rated: 0, byTier: expect.any(Object) });
  });
});
