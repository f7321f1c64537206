import { TEST_DIALECTS } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApi, type TApiSetup } from './testing/api-test-setup.ts';

/** domain.md "Time: every fact on its own date": people move; every consequence uses the assignment on its date. */
describe.each(TEST_DIALECTS)('membership on its own date on %s', (dialect) => {
  let s: TApiSetup;
  beforeAll(async () => {
    s = await setupApi(dialect);
  });
  afterAll(async () => {
    await s?.t.destroy();
  });
  const row = async (year: number, quarter: 1 | 2 | 3 | 4, staffId: number) => {
    const view = await s.as('leader').assessment.quarter({ year, quarter });
    const rows = view.results.filter((r) => r.staffId === staffId);
    expect(rows).toHaveLength(1);
    return rows[0]!;
  };

  it('张三 served in w1 all Q3: moving him to w2 later leaves his Q3 at bonus 2 / skills 40', async () => {
    const [w1, w2] = s.f.windowIds;
    const zhang = s.f.staff[0]!.id;
    const sup = s.as('supervisor');
    await sup.awards.grant({ windowId: w1, kind: 'redFlagMonthly', year: 2026, month: 7 });
    await sup.awards.grant({ windowId: w2, kind: 'yellowCard', year: 2026, month: 8, date: '2026-08-20' });
    const before = await row(2026, 3, zhang);
    expect(before).toMatchObject({ bonus: 2, categories: { skills: 40 }, windowId: w1 });

    // the administrator moves him (as of today) through the staff form
    await s.as('admin').org.updateStaff({ id: zhang, windowId: w2 });
    const after = await row(2026, 3, zhang);
    expect(after).toMatchObject({ bonus: 2, categories: { skills: 40 }, windowId: w1 });
    // heads are scoped by the window they headed then: 张三 headed w1 in Q3 and sees its people
    const headView = await s.as('head').assessment.quarter({ year: 2026, quarter: 3 });
    expect(headView.results.map((r) => [r.staffName, r.windowId])).toEqual(
      expect.arrayContaining([
        ['张三', w1],
        ['李四', w1],
      ]),
    );
    expect(headView.results).toHaveLength(2);
    const history = await s.as('leader').org.assignments({ staffId: zhang });
    expect(history.map((a) => [a.windowId, a.from, a.to])).toEqual([
      [w1, '2020-01-01', '2026-11-25'],
      [w2, '2026-11-26', null],
    ]);
  });

  it('王五 exposed (F5) in October while in w2: w2 loses October’s red flag, w1 does not, after he moves', async () => {
    const [w1, w2] = s.f.windowIds;
    const wang = s.f.staff[2]!.id;
    await s.as('supervisor').records.create({ staffId: wang, item: 'F5', date: '2026-10-15' });
    await s.as('leader').org.assignStaff({ staffId: wang, windowId: w1, from: '2026-11-01' });
    await expect(
      s.as('supervisor').awards.grant({ windowId: w2, kind: 'redFlagMonthly', year: 2026, month: 10 }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('F5') });
    const granted = await s
      .as('supervisor')
      .awards.grant({ windowId: w1, kind: 'redFlagMonthly', year: 2026, month: 10 });
    expect(granted).toMatchObject({ windowId: w1, kind: 'redFlagMonthly', month: 10 });
  });

  it('王五’s October in the fines summary (处罚办法 一、5): named under w2 and w2 barred, as he served in October', async () => {
    // the test above recorded his F5 of 10-15 in w2 and moved him to w1 from 11-01
    const [w1, w2] = s.f.windowIds;
    const wang = s.f.staff[2]!.id;
    const windows = await s.as('leader').org.windows();
    const nameOf = (id: number | undefined) => windows.find((w) => w.id === id)?.name;
    const october = await s.as('supervisor').fines.monthly({ year: 2026, month: 10 });
    expect(october.staff.find((r) => r.staffId === wang)?.windowName).toBe(nameOf(w2));
    expect(october.barredFromAwards.windows.map((w) => w.windowId)).toEqual([w2]);
    expect(october.barredFromAwards.windows.map((w) => w.windowId)).not.toContain(w1);
  });

  it('a quarter’s people are those assigned during it: someone entered today is not in 2025 Q4', async () => {
    const leader = s.as('leader');
    await leader.assessment.publish({ year: 2025, quarter: 4 });
    const entered = await s.as('admin').org.createStaff({
      name: '新来的',
      unitId: s.f.unitId,
      windowId: s.f.windowIds[0],
      post: 'front',
      abRole: null,
    });
    const q4 = await leader.assessment.quarter({ year: 2025, quarter: 4 });
    expect(q4.results.map((r) => r.staffId)).not.toContain(entered.id);
    expect(q4.results).toHaveLength(4);
    // a correction computes the quarter's own people again: nothing changed, so nothing to correct
    await expect(
      leader.assessment.correct({ year: 2025, quarter: 4, reason: '更正：复核扣分' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const running = await leader.assessment.quarter({ year: 2026, quarter: 4 });
    expect(running.results.map((r) => r.staffId)).toContain(entered.id);
    // 互评 groups are the quarter's people too
    const colleagues = await s.as('staff').org.colleagues({ year: 2025, quarter: 4 });
    expect(colleagues.map((c) => c.id)).not.toContain(entered.id);
    expect(colleagues).toHaveLength(4);
  });

  it('someone who moved mid-quarter is assessed once, under the window of most days, with both shown', async () => {
    const [w1, w2] = s.f.windowIds;
    const zhao = s.f.staff[3]!.id;
    await s.as('admin').org.assignStaff({ staffId: zhao, windowId: w1, from: '2026-11-20' });
    const r = await row(2026, 4, zhao);
    expect(r.windowId).toBe(w2);
    expect(r.servedIn?.map((x) => [x.windowId, x.days])).toEqual([
      [w2, 50],
      [w1, 42],
    ]);
  });

  it('a move never rewrites the past: a date on or before the current assignment’s start is refused', async () => {
    const zhao = s.f.staff[3]!.id;
    await expect(
      s.as('leader').org.assignStaff({ staffId: zhao, windowId: s.f.windowIds[1], from: '2026-11-19' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('2026-11-20') });
    await expect(
      s.as('supervisor').org.assignStaff({ staffId: zhao, windowId: s.f.windowIds[1], from: '2026-11-25' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
