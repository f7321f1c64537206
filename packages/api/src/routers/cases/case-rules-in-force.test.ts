import { TEST_DIALECTS } from '@chuangkou/db';
import { POLICY_D } from '@chuangkou/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContextInner } from '../../context.ts';
import { createCaller } from '../../root.ts';
import type { TApiSetup } from '../../testing/api-test-setup.ts';
import { refusal, setupCases, type TCaseSetup } from '../../testing/case-test-setup.ts';

/**
 * The case rules are policy D of the center, read from the version in force: a center that writes its
 * rules differently changes a policy version, and the proposals, alerts and follow-ups follow it.
 */
describe.each(TEST_DIALECTS)('the case rules of the version in force on %s', (dialect) => {
  let s: TApiSetup;
  let matters: TCaseSetup['matters'];
  let acceptAs: TCaseSetup['acceptAs'];
  let applicantAt: TCaseSetup['applicantAt'];
  beforeAll(async () => {
    ({ s, matters, acceptAs, applicantAt } = await setupCases(dialect));
    // from 1 October: only B5 for an overdue case, yellow three working days ahead, 上报 after 10
    // working days, poor ratings followed up within 5 working days
    await s.as('admin').policies.create({
      code: 'D',
      effectiveFrom: '2026-10-01',
      body: {
        ...POLICY_D,
        version: 2,
        cases: {
          escalation: { replyDays: 10, dayKind: 'working' },
          warnWorkingDays: 3,
          overdueSanctions: [{ item: 'B5', per: 'overdueWorkingDay' }],
          serviceRatings: { followUpWorkingDays: 5 },
        },
      },
    });
  });
  /** The staff member on a server whose "today" is `today`. */
  const staffOn = (today: string) =>
    createCaller(createContextInner({ db: s.t.db, user: s.users.staff, today: () => today }));
  afterAll(async () => {
    await s?.t.destroy();
  });

  it('proposes what the version in force on the decision day names', async () => {
    const staff = s.as('staff');
    const before = await acceptAs('staff', matters.promised, '2026-09-21');
    const after = await acceptAs('staff', matters.promised, '2026-10-12');
    // due Thursday 24 Sept, decided Tuesday 29 Sept after 中秋 (version 1): B5 × 2 (28, 29) and F3
    await staff.cases.decide({ id: before.case.id, on: '2026-09-29', decision: 'approved' });
    // due 15 Oct, decided 19 Oct (version 2): B5 × 2 only
    await staff.cases.decide({ id: after.case.id, on: '2026-10-19', decision: 'approved' });
    const proposals = async (id: number) =>
      (await s.as('supervisor').cases.get({ id })).proposals.map((p) => [p.item, p.qty]);
    expect(await proposals(before.case.id)).toEqual([
      ['B5', 2],
      ['F3', 1],
    ]);
    expect(await proposals(after.case.id)).toEqual([['B5', 2]]);
  });

  it('warns as many working days ahead as the version in force says', async () => {
    const { case: c } = await acceptAs('staff', matters.promised, '2026-11-16');
    expect(c.deadline).toBe('2026-11-19');
    const alerts = (await staffOn('2026-11-16').cases.alerts()).filter((a) => a.caseId === c.id);
    expect(alerts.map((a) => a.alert)).toEqual([
      { kind: 'deadlineNear', level: 'yellow', deadline: '2026-11-19', workingDaysLeft: 3 },
    ]);
  });

  it('asks for the 上报 explanation after the days of the version in force', async () => {
    const staff = s.as('staff');
    const { case: c } = await acceptAs('staff', matters.escalated, '2026-11-02');
    await staff.cases.forward({ id: c.id, on: '2026-11-02' });
    const due = async (today: string) =>
      (await staffOn(today).cases.alerts()).filter(
        (a) => a.caseId === c.id && a.alert.kind === 'explanationDue',
      );
    // 10 working days after Monday 2 Nov is Monday 16 Nov; the 11th, Tuesday 17 Nov, is past it
    expect(await due('2026-11-16')).toEqual([]);
    expect((await due('2026-11-17')).map((a) => a.alert)).toEqual([
      { kind: 'explanationDue', level: 'red', forwardedOn: '2026-11-02', daysWaiting: 11 },
    ]);
  });

  it('follows up a poor service rating within the working days of the version in force', async () => {
    const { case: c, receipt } = await acceptAs('staff', matters.immediate, '2026-11-20');
    await s.as('staff').cases.decide({ id: c.id, on: '2026-11-20', decision: 'approved' });
    await applicantAt('198.51.100.9').cases.serviceRatings.publicRate({
      code: receipt.acceptanceCode,
      password: receipt.queryPassword!,
      rating: 'dissatisfied',
    });
    const followUps = await s.as('supervisor').cases.serviceRatings.followUps({ status: 'open' });
    // rated Thursday 26 Nov (today in the tests) + 5 working days → Thursday 3 Dec
    expect(followUps.filter((f) => f.caseId === c.id).map((f) => [f.openedOn, f.dueOn])).toEqual([
      ['2026-11-26', '2026-12-03'],
    ]);
  });

  it('refuses a version of policy D without its case rules, writing nothing', async () => {
    const { cases: _, ...withoutCases } = POLICY_D;
    const before = await s.as('admin').policies.list();
    const r = await refusal(
      s.as('admin').policies.create({ code: 'D', effectiveFrom: '2026-12-01', body: withoutCases }),
    );
    expect(r.code).toBe('BAD_REQUEST');
    expect(r.message).toContain('cases');
    expect(await s.as('admin').policies.list()).toEqual(before);
  });
});
