import { TEST_DIALECTS } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApi, type TApiSetup } from './testing/api-test-setup.ts';

/** What the dashboard's person page reads: a person's records (with their window's) and complaints. */
describe.each(TEST_DIALECTS)('person views on %s', (dialect) => {
  let s: TApiSetup;
  beforeAll(async () => {
    s = await setupApi(dialect);
  });
  afterAll(async () => {
    await s?.t.destroy();
  });

  it('records.list with staffId includes the window-level records (B8, D6) of that person’s window in the period', async () => {
    const [zhang, li, wang] = s.f.staff;
    const [w1, w2] = s.f.windowIds;
    const sup = s.as('supervisor');
    const own = await sup.records.create({ staffId: li!.id, item: 'C4', date: '2026-08-04' });
    const yellow = await sup.records.create({ windowId: w1, item: 'B8', date: '2026-08-20' });
    const flag = await sup.records.create({ windowId: w1, item: 'D6', level: 'monthly', date: '2026-09-30' });
    const otherWindow = await sup.records.create({ windowId: w2, item: 'B8', date: '2026-08-21' });
    const before = await sup.records.create({ windowId: w1, item: 'B8', date: '2026-05-06' });
    await sup.records.create({ staffId: zhang!.id, item: 'C4', date: '2026-08-05' });
    const q3 = { from: '2026-07-01', to: '2026-09-30' };
    const ids = (rs: { id: number }[]) => rs.map((r) => r.id).sort((a, b) => a - b);
    const expected = [own.id, yellow.id, flag.id].sort((a, b) => a - b);
    // the person themself, their window head and a leader see the same list
    expect(ids(await s.as('staff').records.list({ staffId: li!.id, ...q3 }))).toEqual(expected);
    expect(ids(await s.as('staff').records.list(q3))).toEqual(expected);
    expect(ids(await s.as('head').records.list({ staffId: li!.id, ...q3 }))).toEqual(expected);
    expect(ids(await s.as('leader').records.list({ staffId: li!.id, ...q3 }))).toEqual(expected);
    const wangs = ids(await s.as('leader').records.list({ staffId: wang!.id, ...q3 }));
    expect(wangs).toEqual([otherWindow.id]);
    expect(wangs).not.toContain(before.id);
    // a head does not see another window's person
    await expect(s.as('head').records.list({ staffId: wang!.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('complaints.list filters by person and window within the caller’s scope', async () => {
    const [zhang, li, wang] = s.f.staff;
    const [w1, w2] = s.f.windowIds;
    const sup = s.as('supervisor');
    const made = [];
    for (const staffId of [zhang!.id, li!.id, li!.id, wang!.id]) {
      made.push(
        await sup.complaints.create({
          channel: 'phone',
          date: '2026-10-08',
          staffId,
          content: '等候时间过长',
        }),
      );
    }
    const ids = (rs: { id: number }[]) => rs.map((r) => r.id).sort((a, b) => a - b);
    const leader = s.as('leader');
    expect(ids(await leader.complaints.list({ staffId: li!.id }))).toEqual([made[1]!.id, made[2]!.id]);
    expect(ids(await leader.complaints.list({ windowId: w2 }))).toEqual([made[3]!.id]);
    expect(ids(await leader.complaints.list({ windowId: w1, staffId: zhang!.id }))).toEqual([made[0]!.id]);
    expect(ids(await s.as('head').complaints.list({ staffId: li!.id }))).toEqual([made[1]!.id, made[2]!.id]);
    expect(ids(await s.as('head').complaints.list())).toEqual([made[0]!.id, made[1]!.id, made[2]!.id]);
    expect(ids(await s.as('staff').complaints.list())).toEqual([made[1]!.id, made[2]!.id]);
    await expect(s.as('head').complaints.list({ windowId: w2 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(s.as('staff').complaints.list({ staffId: zhang!.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(s.as('staff').complaints.list({ windowId: w1 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(leader.complaints.list({ staffId: s.f.otherStaff.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
