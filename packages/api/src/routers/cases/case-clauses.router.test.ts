import { countAudit, TEST_DIALECTS } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContextInner } from '../../context.ts';
import { createCaller } from '../../root.ts';
import type { TApiSetup } from '../../testing/api-test-setup.ts';
import { refusal, setupCases, type TCaseSetup } from '../../testing/case-test-setup.ts';

// The consequences of the 高新区 窗口办件工作规程 through the API, each under its clause.

describe.each(TEST_DIALECTS)('cases under the 规程 on %s', (dialect) => {
  let s: TApiSetup;
  let matters: TCaseSetup['matters'];
  let acceptAs: TCaseSetup['acceptAs'];
  beforeAll(async () => {
    ({ s, matters, acceptAs } = await setupCases(dialect));
  });
  afterAll(async () => {
    await s?.t.destroy();
  });
  /** The API as `role` on a server whose day is `today` ("today" is the server's, never the caller's). */
  const onDay = (role: keyof TApiSetup['users'], today: string) =>
    createCaller(createContextInner({ db: s.t.db, user: s.users[role], today: () => today }));
  const proposalsOf = async (id: number) =>
    (await s.as('supervisor').cases.get({ id })).proposals.map((p) => [p.item, p.qty]);

  it('规程 三、4 上报件: the time upstairs is shown as 等待上级 and never counted as overdue', async () => {
    const staff = s.as('staff');
    // 5 working days from Wed 1 Apr 2026 (due 9 Apr), forwarded 2 Apr, answered 20 May
    const { case: c } = await acceptAs('staff', matters.escalated, '2026-04-01');
    await staff.cases.forward({ id: c.id, on: '2026-04-02' });
    const waiting = (await onDay('supervisor', '2026-04-20').cases.alerts()).filter((a) => a.caseId === c.id);
    expect(waiting.map((a) => a.alert.kind)).toStrictEqual(['explanationDue', 'awaitingUpper']);
    expect(waiting.some((a) => a.alert.kind === 'overdue')).toBe(false);
    await staff.cases.upperReply({ id: c.id, on: '2026-05-20' });
    const decided = await staff.cases.decide({ id: c.id, on: '2026-05-20', decision: 'approved' });
    expect(decided).toMatchObject({ overdueDays: 0, deadline: '2026-05-26', handlingDays: 1 });
    expect(await proposalsOf(c.id)).toStrictEqual([]);
  });

  it('规程 三、3 联办件: limits inside the case, only the matter’s departments, a late one recorded against itself', async () => {
    const head = s.as('head');
    // 5 working days from Mon 2 Mar 2026: due 9 Mar
    const { case: c } = await acceptAs('head', matters.joint, '2026-03-02');
    const before = await countAudit(s.t.db);
    const tooLong = await refusal(
      head.cases.copyJoint({
        id: c.id,
        on: '2026-03-02',
        departments: [{ department: '税务局', limitDays: 30 }],
      }),
    );
    expect(tooLong).toMatchObject({ code: 'BAD_REQUEST' });
    expect(tooLong.message).toContain('limitDays');
    const unlisted = await refusal(
      head.cases.copyJoint({
        id: c.id,
        on: '2026-03-02',
        departments: [{ department: '住建局', limitDays: 3 }],
      }),
    );
    expect(unlisted.message).toContain('住建局');
    expect(await countAudit(s.t.db)).toBe(before);
    await head.cases.copyJoint({
      id: c.id,
      on: '2026-03-02',
      departments: [
        { department: '税务局', limitDays: 3 },
        { department: '公安局', limitDays: 3 },
      ],
    });
    await head.cases.jointAnswer({ id: c.id, on: '2026-03-04', department: '公安局' });
    await head.cases.jointAnswer({ id: c.id, on: '2026-03-20', department: '税务局' });
    await head.cases.decide({ id: c.id, on: '2026-03-20', decision: 'approved' });
    const got = await s.as('supervisor').cases.get({ id: c.id });
    expect(got.case).toMatchObject({ overdueDays: 0, isJointDepartmentLate: true });
    expect(got.proposals).toStrictEqual([]);
    expect(got.joint.map((j) => [j.department, j.lateDays])).toStrictEqual([
      ['公安局', 0],
      ['税务局', 11],
    ]);
    expect(got.events.find((e) => e.kind === 'jointAnswer' && e.day === '2026-03-20')?.payload).toMatchObject(
      {
        lateWorkingDays: 11,
        referredTo: '纪检监察',
      },
    );
  });

  it('规程 二、4 补办 after acceptance neither restarts nor erases the clock', async () => {
    const staff = s.as('staff');
    // 3 working days from Mon 1 Jun 2026: due 4 Jun
    const { case: c } = await acceptAs('staff', matters.promised, '2026-06-01');
    await staff.cases.requestMaterials({ id: c.id, on: '2026-06-25', missing: ['委托书'] });
    await staff.cases.materialsComplete({ id: c.id, on: '2026-06-26' });
    const decided = await staff.cases.decide({ id: c.id, on: '2026-06-29', decision: 'approved' });
    // 5, 8–12, 15–18 (端午 19 Jun), 22–26, 29 Jun
    expect(decided).toMatchObject({
      acceptedOn: '2026-06-01',
      deadline: '2026-06-04',
      overdueDays: 16,
      isSupplementAfterAcceptance: true,
    });
    expect(await proposalsOf(c.id)).toStrictEqual([
      ['B5', 16],
      ['F3', 1],
    ]);
  });

  it('规程 二、5 a refusal citing missing materials is refused in any wording, nothing written', async () => {
    const { case: c } = await acceptAs('staff', matters.promised, '2026-07-01');
    const before = await countAudit(s.t.db);
    // one call at a time: a refused call never waits unobserved while another runs
    for (const call of [
      () => s.as('staff').cases.return({ id: c.id, on: '2026-07-01', reasons: ['缺身份证明'] }),
      () =>
        s
          .as('staff')
          .cases.decide({ id: c.id, on: '2026-07-02', decision: 'refused', reasons: ['缺身份证明'] }),
    ]) {
      const r = await refusal(call());
      expect(r.code).toBe('BAD_REQUEST');
      expect(r.message).toContain('补办');
    }
    expect(await countAudit(s.t.db)).toBe(before);
  });

  it('规程 三、2 a case decided on a holiday after its deadline is overdue by a working day', async () => {
    // 3 working days from Thu 24 Sept 2026 (中秋 25–27): due Wed 30 Sept, decided Fri 2 Oct (国庆)
    const { case: c } = await acceptAs('staff', matters.promised, '2026-09-24');
    const decided = await s.as('staff').cases.decide({ id: c.id, on: '2026-10-02', decision: 'approved' });
    expect(decided).toMatchObject({ deadline: '2026-09-30', overdueDays: 1 });
    expect(await proposalsOf(c.id)).toStrictEqual([
      ['B5', 1],
      ['F3', 1],
    ]);
  });
});
