import { TEST_DIALECTS } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDecidedCases, setupApi, type TApiSetup } from './testing/api-test-setup.ts';

/**
 * 投诉分析's rate by month (domain "Time"): the month still running holds its days so far only, so it
 * is marked with the day it runs to instead of passing for a whole month's rate (a month two days
 * old without a complaint yet is not a month with a rate of 0).
 */
describe.each(TEST_DIALECTS)('the running month of the complaint rate on %s', (dialect) => {
  let s: TApiSetup;
  beforeAll(async () => {
    s = await setupApi(dialect);
    await insertDecidedCases(s, {
      // today is 2026-11-26 (the test setup): November is running
      '2026-10-12': 500,
      '2026-11-25': 40,
    });
    const sup = s.as('supervisor');
    const c = await sup.complaints.create({
      channel: 'hotline12345',
      date: '2026-10-20',
      staffId: s.f.staff[0]!.id,
      content: '办事拖拉',
    });
    await sup.complaints.verify({ id: c.id, isValid: true, cause: 'responsibility' });
  }, 60_000);
  afterAll(() => s.t.destroy());

  it('the quarter’s months: October whole, November marked as running to today', async () => {
    const q = await s.as('leader').analytics.complaintRate({ year: 2026, quarter: 4 });
    expect(q.byMonth).toEqual([
      { month: '2026-10', cases: 500, complaints: 1, per1000: 2 },
      { month: '2026-11', cases: 40, complaints: 0, per1000: 0, runningThrough: '2026-11-26' },
    ]);
    // the month on its own is running too
    const m = await s.as('leader').analytics.complaintRate({ year: 2026, month: 11 });
    expect(m.byMonth).toEqual([
      { month: '2026-11 至 11-26', cases: 40, complaints: 0, per1000: 0, runningThrough: '2026-11-26' },
    ]);
  });
});
