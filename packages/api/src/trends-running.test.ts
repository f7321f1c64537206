import { TEST_DIALECTS } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDecidedCases, setupApi, type TApiSetup } from './testing/api-test-setup.ts';

/**
 * The overview's trends by month (domain "Time"): the month still running holds its days so far, so it
 * is marked with the day it runs to, and the same month a year earlier is counted over the same days:
 * 26 days of November against 26 days, not against the whole of last November.
 */
describe.each(TEST_DIALECTS)('the running month of the trends on %s', (dialect) => {
  let s: TApiSetup;
  beforeAll(async () => {
    s = await setupApi(dialect);
    await insertDecidedCases(s, {
      // today is 2026-11-26 (the test setup): November is running
      '2025-11-10': 100,
      '2025-11-28': 50, // after the same day a year earlier
      '2025-12-15': 70,
      '2026-10-12': 80,
      '2026-11-20': 30,
    });
    const sup = s.as('supervisor');
    for (const date of ['2025-11-12', '2025-11-29']) {
      const c = await sup.complaints.create({
        channel: 'hotline12345',
        date,
        staffId: s.f.staff[0]!.id,
        content: '办事拖拉',
      });
      await sup.complaints.verify({ id: c.id, isValid: true, cause: 'responsibility' });
    }
  }, 60_000);
  afterAll(() => s.t.destroy());

  it('marks November as running to today and counts last November to the 26th only', async () => {
    const trend = await s.as('leader').analytics.trends({ year: 2026, quarter: 4 });
    const month = (rows: { month: string }[], key: string) => rows.find((r) => r.month === key);
    expect(month(trend.current.byMonth, '2026-10')).not.toHaveProperty('runningThrough');
    expect(month(trend.current.byMonth, '2026-11')).toMatchObject({
      cases: 30,
      runningThrough: '2026-11-26',
    });
    expect(month(trend.lastYear.byMonth, '2025-11')).toMatchObject({
      cases: 100,
      complaints: 1,
      per1000: 10,
      through: '2025-11-26',
    });
    // the other months, and the quarters, stay whole
    expect(month(trend.lastYear.byMonth, '2025-12')).toMatchObject({ cases: 70 });
    expect(month(trend.lastYear.byMonth, '2025-12')).not.toHaveProperty('through');
    expect(trend.lastYear.byQuarter.find((q) => q.quarter === '2025Q4')).toMatchObject({
      cases: 220,
      complaints: 2,
    });
  });

  it('marks nothing in a year that has ended', async () => {
    const trend = await s.as('leader').analytics.trends({ year: 2025, quarter: 4 });
    expect(trend.current.byMonth.filter((m) => 'runningThrough' in m || 'through' in m)).toEqual([]);
    expect(trend.current.byMonth.find((m) => m.month === '2025-11')).toMatchObject({ cases: 150 });
  });
});
