import { insertCases, insertMatter, TEST_DIALECTS, type TNewCase } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decidedCase, insertMortgageMatter, setupApi, type TApiSetup } from './testing/api-test-setup.ts';

describe.each(TEST_DIALECTS)('analytics on %s', (dialect) => {
  let s: TApiSetup;
  beforeAll(async () => {
    s = await setupApi(dialect);
    const matter = await insertMortgageMatter(s);
    const base = (windowId: number, receivedOn: string, overdueDays = 0) =>
      decidedCase(s, matter.id, { windowId, receivedOn, overdueDays });
    const [w1, w2] = s.f.windowIds;
    const cases: TNewCase[] = [];
    // September 2026: window 1 has 1,000 cases, 10 overdue; window 2 has 500, none overdue
    for (let i = 0; i < 1000; i++) cases.push(base(w1, '2026-09-15', i < 10 ? 2 : 0));
    for (let i = 0; i < 500; i++) cases.push(base(w2, '2026-09-16'));
    // August 2026 and September 2025, for the comparisons
    for (let i = 0; i < 300; i++) cases.push(base(w1, '2026-08-14'));
    for (let i = 0; i < 200; i++) cases.push(base(w2, '2025-09-10'));
    await insertCases(s.t.db, cases);
    const sup = s.as('supervisor');
    for (const day of ['2026-09-20', '2026-09-21', '2026-09-22']) {
      const c = await sup.complaints.create({
        channel: 'hotline12345',
        date: day,
        staffId: s.f.staff[0]!.id,
        content: '办事拖拉',
      });
      await sup.complaints.verify({ id: c.id, isValid: true, cause: 'responsibility' });
    }
  });
  afterAll(async () => {
    await s?.t.destroy();
  });

  it('windowEfficiency sums the month with the previous month and the same month a year earlier', async () => {
    const r = await s.as('leader').analytics.windowEfficiency({ year: 2026, month: 9 });
    expect(r.period).toBe('2026-09');
    expect(r.current).toMatchObject({
      cases: 1500,
      completed: 1500,
      overdue: 10,
      overdueDays: 20,
      avgHandlingDays: 2,
      avgPromisedDays: 3,
    });
    expect(r.current.onTimeRate).toBeCloseTo(1490 / 1500, 4);
    expect(r.previous).toMatchObject({ period: '2026-08', value: { cases: 300 } });
    expect(r.lastYear).toMatchObject({ period: '2025-09', value: { cases: 200 } });
    expect(r.best[0]?.windowId).toBe(s.f.windowIds[1]);
    expect(r.worst[0]?.windowId).toBe(s.f.windowIds[0]);
  });

  it('complaintRate gives valid complaints per 1,000 cases by window and channel', async () => {
    const r = await s.as('leader').analytics.complaintRate({ year: 2026, month: 9 });
    expect(r.current).toEqual({ complaints: 3, cases: 1500, per1000: 2 });
    expect(r.byWindow.find((w) => w.windowId === s.f.windowIds[0])).toMatchObject({
      cases: 1000,
      complaints: 3,
      per1000: 3,
    });
    expect(r.byChannel).toEqual([{ channel: 'hotline12345', complaints: 3 }]);
    expect(r.previous).toEqual({ period: '2026-08', value: { complaints: 0, cases: 300, per1000: 0 } });
    // a month's own row, and the same month inside its quarter
    expect(r.byMonth).toEqual([{ month: '2026-09', cases: 1500, complaints: 3, per1000: 2 }]);
    const q = await s.as('leader').analytics.complaintRate({ year: 2026, quarter: 3 });
    expect(q.byMonth).toEqual([
      { month: '2026-08', cases: 300, complaints: 0, per1000: 0 },
      { month: '2026-09', cases: 1500, complaints: 3, per1000: 2 },
    ]);
    expect(q.current).toEqual({ complaints: 3, cases: 1800, per1000: 1.667 });
    expect(q.lastYear.value).toEqual({ complaints: 0, cases: 200, per1000: 0 });
  });

  it('holds a window head to their own window', async () => {
    const r = await s.as('head').analytics.windowEfficiency({ year: 2026, month: 9 });
    expect(r.current.cases).toBe(1000);
    expect(r.byWindow.map((w) => w.windowId)).toEqual([s.f.windowIds[0]]);
  });

  it('trends reports the months of the year and of the year before', async () => {
    const r = await s.as('supervisor').analytics.trends({ year: 2026 });
    expect(r.current.byMonth.map((m) => [m.month, m.cases])).toEqual([
      ['2026-08', 300],
      ['2026-09', 1500],
    ]);
    expect(r.current.byQuarter[2]).toMatchObject({ quarter: '2026Q3', cases: 1800, complaints: 3 });
    expect(r.lastYear.byMonth).toEqual([expect.objectContaining({ month: '2025-09', cases: 200 })]);
  });

  it('staffEfficiency gives each person of a window their cases, on-time rate and overdue days', async () => {
    const [zhang, li, wang] = s.f.staff;
    const [w1] = s.f.windowIds;
    const matter = await insertMatter(s.t.db, {
      centerId: s.f.centerId,
      unitId: s.f.unitId,
      name: '即办登记',
      type: 'immediate',
      promisedDays: 0,
    });
    const one = (staffId: number | null, p: Partial<TNewCase>): TNewCase => ({
      centerId: s.f.centerId,
      unitId: s.f.unitId,
      windowId: w1!,
      staffId,
      matterId: matter.id,
      type: 'promised',
      stage: 'decided',
      acceptanceCode: null,
      receivedOn: '2024-05-10',
      acceptedOn: '2024-05-10',
      promisedDays: 4,
      deadline: '2024-05-16',
      decision: 'approved',
      decidedOn: '2024-05-14',
      handlingDays: 2,
      overdueDays: 0,
      acceptedByUser: null,
      ...p,
    });
    await insertCases(s.t.db, [
      // 张三: 4 cases, one overdue by 3 days, one still open, one immediate done the same day
      one(zhang!.id, {}),
      one(zhang!.id, { overdueDays: 3, handlingDays: 7, decidedOn: '2024-05-21' }),
      one(zhang!.id, { decidedOn: null, stage: 'accepted', decision: null, handlingDays: null }),
      one(zhang!.id, { type: 'immediate', promisedDays: 0, handlingDays: 0, decidedOn: '2024-05-10' }),
      // 王五 (window 2) helped window 1 once; one case without a handler; one case outside the month
      one(wang!.id, {}),
      one(null, {}),
      one(li!.id, { receivedOn: '2024-06-03', acceptedOn: '2024-06-03' }),
    ]);
    const r = await s.as('leader').analytics.staffEfficiency({ windowId: w1!, year: 2024, month: 5 });
    expect(r.period).toBe('2024-05');
    const row = (id: number | null) => r.staff.find((x) => x.staffId === id);
    expect(row(zhang!.id)).toMatchObject({
      staffName: '张三',
      isOfWindow: true,
      cases: 4,
      completed: 3,
      onTimeRate: 0.6667,
      overdue: 1,
      overdueDays: 3,
      avgHandlingDays: 3,
      avgPromisedDays: 2.6667,
      immediate: 1,
      immediateSameDayRate: 1,
    });
    // 李四 belongs to window 1 and is listed with no case in May
    expect(row(li!.id)).toMatchObject({ cases: 0, onTimeRate: null, isOfWindow: true });
    expect(row(wang!.id)).toMatchObject({ cases: 1, isOfWindow: false });
    expect(row(null)).toMatchObject({ cases: 1, staffName: '未登记经办人' });
    expect(r.staff[0]!.staffId).toBe(zhang!.id);
    // the window's total equals the rollup's
    const w = await s.as('leader').analytics.windowEfficiency({ year: 2024, month: 5, windowId: w1 });
    expect(r.staff.reduce((n, x) => n + x.cases, 0)).toBe(w.current.cases);
    // a head sees their own window only; an unknown window does not exist
    expect((await s.as('head').analytics.staffEfficiency({ windowId: w1!, year: 2024 })).staff.length).toBe(
      4,
    );
    await expect(
      s.as('head').analytics.staffEfficiency({ windowId: s.f.windowIds[1], year: 2024 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      s.as('leader').analytics.staffEfficiency({ windowId: s.f.otherWindowId, year: 2024 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
