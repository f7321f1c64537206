import { listAudit, TEST_DIALECTS } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContextInner } from '../context.ts';
import { createCaller } from '../root.ts';
import type { TApiSetup } from '../testing/api-test-setup.ts';
import { setupCases, type TCaseSetup } from '../testing/case-test-setup.ts';

// A calendar change counts deadlines again, whether an administrator corrects one date or enters a
// whole year, and it counts the related departments' due dates of a 联办件 (规程 三、3) with the case's.

describe.each(TEST_DIALECTS)('calendar changes recount deadlines on %s', (dialect) => {
  let s: TApiSetup;
  let matters: TCaseSetup['matters'];
  let acceptAs: TCaseSetup['acceptAs'];
  beforeAll(async () => {
    ({ s, matters, acceptAs } = await setupCases(dialect));
  });
  afterAll(async () => {
    await s?.t.destroy();
  });
  const as = (role: 'admin' | 'head' | 'staff' | 'supervisor', today = '2026-11-26') =>
    createCaller(createContextInner({ db: s.t.db, user: s.users[role], today: () => today }));
  const get = (id: number) => as('supervisor').cases.get({ id });
  const jointOf = async (id: number) => (await get(id)).joint.map((j) => [j.department, j.dueOn, j.lateDays]);

  it('calendar.set on one date recounts the open and decided cases across it, with their proposals', async () => {
    // 承诺件 of 3 working days from Thu 5 Mar 2026: Fri 6, Mon 9, Tue 10 → due 10 Mar
    const { case: open } = await acceptAs('staff', matters.promised, '2026-03-05');
    const { case: decided } = await acceptAs('staff', matters.promised, '2026-03-05');
    expect([open.deadline, decided.deadline]).toStrictEqual(['2026-03-10', '2026-03-10']);
    await as('staff').cases.decide({ id: decided.id, on: '2026-03-10', decision: 'approved' });
    expect((await get(decided.id)).case).toMatchObject({ overdueDays: 0, handlingDays: 3 });
    // a case accepted after the date is not touched
    const { case: later } = await acceptAs('staff', matters.promised, '2026-03-09');

    // the administrator makes Sat 7 Mar a working day (调休): due Mon 9 Mar, and the decision of the
    // 10th is a working day late
    const r = await as('admin').calendar.set({ date: '2026-03-07', isWorking: true, note: '调休上班' });
    expect(r).toMatchObject({ date: '2026-03-07', changed: 2, proposals: 2 });
    expect((await get(open.id)).case).toMatchObject({ deadline: '2026-03-09' });
    const d = await get(decided.id);
    expect(d.case).toMatchObject({ deadline: '2026-03-09', overdueDays: 1, handlingDays: 4 });
    expect(d.proposals.map((p) => [p.item, p.qty])).toStrictEqual([
      ['B5', 1],
      ['F3', 1],
    ]);
    expect((await get(later.id)).case.deadline).toBe('2026-03-12');
    const audited = await listAudit(s.t.db, { centerId: s.f.centerId, entity: 'case' });
    expect(
      audited.filter((e) => e.action === 'recountDeadline').map((e) => Number(e.entityId)),
    ).toStrictEqual(expect.arrayContaining([open.id, decided.id]));

    // set again to the same: nothing moves, nothing is proposed twice
    const again = await as('admin').calendar.set({ date: '2026-03-07', isWorking: true, note: '调休上班' });
    expect(again).toMatchObject({ changed: 0, proposals: 0 });
    expect((await get(decided.id)).proposals).toHaveLength(2);
  });

  it('calendar.set recounts a 联办件’s related departments: due dates and late days move with the date', async () => {
    const head = as('head');
    // 联办件 of 5 working days from Mon 8 Jun 2026: due 15 Jun; 税务局 3 days (due 11 Jun), 公安局 2 (due 10 Jun)
    const { case: c } = await acceptAs('head', matters.joint, '2026-06-08');
    expect(c.deadline).toBe('2026-06-15');
    await head.cases.copyJoint({
      id: c.id,
      on: '2026-06-08',
      departments: [
        { department: '税务局', limitDays: 3 },
        { department: '公安局', limitDays: 2 },
      ],
    });
    // 公安局 answers Fri 12 Jun: 2 working days late, recorded against itself
    await head.cases.jointAnswer({ id: c.id, on: '2026-06-12', department: '公安局' });
    expect(await jointOf(c.id)).toStrictEqual([
      ['公安局', '2026-06-10', 2],
      ['税务局', '2026-06-11', 0],
    ]);
    expect((await get(c.id)).case.isJointDepartmentLate).toBe(true);

    // the center closes Tue 9 Jun (a day off of its own): every count across it moves a day
    const r = await as('admin').calendar.set({ date: '2026-06-09', isWorking: false, note: '停电闭馆' });
    expect(r).toMatchObject({ changed: 1 });
    expect((await get(c.id)).case).toMatchObject({ deadline: '2026-06-16' });
    expect(await jointOf(c.id)).toStrictEqual([
      ['公安局', '2026-06-11', 1],
      ['税务局', '2026-06-12', 0],
    ]);
    // closed Thu 11 Jun too: 公安局 was due Fri 12 Jun, the day it answered, so it was on time
    await as('admin').calendar.set({ date: '2026-06-11', isWorking: false, note: '停电闭馆' });
    expect(await jointOf(c.id)).toStrictEqual([
      ['公安局', '2026-06-12', 0],
      ['税务局', '2026-06-15', 0],
    ]);
    expect((await get(c.id)).case).toMatchObject({ deadline: '2026-06-17', isJointDepartmentLate: false });
  });

  it('entering a year recounts the related departments’ due dates that were 暂定 with the case', async () => {
    const head = as('head', '2027-01-08');
    // 5 working days from Mon 28 Dec 2026, 2027 unknown: 29, 30, 31 Dec, 1 and 4 Jan → 2027-01-04 (暂定)
    const { case: c } = await head.cases.accept({
      matterId: matters.joint,
      on: '2026-12-28',
      applicantName: '王小明',
      applicantPhone: '13800000000',
    });
    expect(c).toMatchObject({ deadline: '2027-01-04', isDeadlineProvisional: true });
    await head.cases.copyJoint({
      id: c.id,
      on: '2026-12-28',
      departments: [{ department: '税务局', limitDays: 4 }],
    });
    expect(await jointOf(c.id)).toStrictEqual([['税务局', '2027-01-01', 0]]);
    await head.cases.jointAnswer({ id: c.id, on: '2027-01-04', department: '税务局' });
    expect(await jointOf(c.id)).toStrictEqual([['税务局', '2027-01-01', 1]]);

    const r = await as('admin', '2027-01-08').calendar.enterYear({
      year: 2027,
      holidays: [{ date: '2027-01-01', name: '元旦' }],
      workdays: [],
    });
    expect(r).toMatchObject({ year: 2027, changed: 1 });
    expect((await get(c.id)).case).toMatchObject({ deadline: '2027-01-05', isDeadlineProvisional: false });
    expect(await jointOf(c.id)).toStrictEqual([['税务局', '2027-01-04', 0]]);
  });
});
