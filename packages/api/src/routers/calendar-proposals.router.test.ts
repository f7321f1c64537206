import { listAudit, TEST_DIALECTS } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContextInner } from '../context.ts';
import { createCaller } from '../root.ts';
import type { TApiSetup } from '../testing/api-test-setup.ts';
import { APPLICANT, setupCases, type TCaseSetup } from '../testing/case-test-setup.ts';

// A calendar correction (one date set, or a year entered or corrected) counts a decided case's days
// late again, and with them the overdue proposals (B5 / F3) already made: a waiting one no longer due
// is withdrawn (已驳回, 日历更正), one due with other days is adjusted, a confirmed one is left as it is
// and flagged 日历更正后需复核. Nothing is deleted.

describe.each(TEST_DIALECTS)('a calendar correction recounts overdue proposals on %s', (dialect) => {
  let s: TApiSetup;
  let matters: TCaseSetup['matters'];
  let acceptAs: TCaseSetup['acceptAs'];
  beforeAll(async () => {
    ({ s, matters, acceptAs } = await setupCases(dialect));
  });
  afterAll(async () => {
    await s?.t.destroy();
  });
  const as = (role: 'admin' | 'staff' | 'supervisor', today = '2026-11-26') =>
    createCaller(createContextInner({ db: s.t.db, user: s.users[role], today: () => today }));
  const proposalsOf = async (id: number) =>
    (await as('supervisor').cases.get({ id })).proposals.map((p) => ({
      id: p.id,
      item: p.item,
      qty: p.qty,
      status: p.status,
      decisionReason: p.decisionReason,
      recheckReason: p.recheckReason,
      recordId: p.recordId,
    }));
  const decidedCase = async (on: string) => {
    // 承诺件 of 3 working days from Thu 5 Mar 2026: Fri 6, Mon 9, Tue 10 → due 10 Mar
    const { case: c } = await acceptAs('staff', matters.promised, '2026-03-05');
    await as('staff').cases.decide({ id: c.id, on, decision: 'approved' });
    return c.id;
  };

  it('calendar.set: a waiting proposal no longer due is withdrawn, one with other days adjusted, a confirmed one flagged', async () => {
    const gone = await decidedCase('2026-03-11'); // 1 day late
    const fewer = await decidedCase('2026-03-12'); // 2 days late
    const confirmed = await decidedCase('2026-03-11'); // 1 day late, B5 confirmed by the supervisor
    expect((await proposalsOf(fewer)).map((p) => [p.item, p.qty, p.status])).toEqual([
      ['B5', 2, 'proposed'],
      ['F3', 1, 'proposed'],
    ]);
    const [b5] = await proposalsOf(confirmed);
    const record = await as('supervisor').cases.sanctionProposals.confirm({ id: b5!.id });
    expect(record.recordId).not.toBeNull();
    const before = {
      gone: await proposalsOf(gone),
      fewer: await proposalsOf(fewer),
      confirmed: await proposalsOf(confirmed),
    };

    // the center was closed Mon 9 Mar: due Wed 11 Mar
    const r = await as('admin').calendar.set({ date: '2026-03-09', isWorking: false, note: '停电闭馆' });
    expect(r).toMatchObject({ changed: 3, proposals: 0, withdrawn: 3, adjusted: 2, flagged: 1 });

    const withdrawn = {
      status: 'rejected',
      decisionReason: expect.stringMatching(/^日历更正/),
      recheckReason: null,
      recordId: null,
    };
    // not late any more: both withdrawn, still there
    expect(await proposalsOf(gone)).toEqual(before.gone.map((p) => ({ ...p, ...withdrawn })));
    // a day late: B5 now 1, F3 still 1 on the new reading, both waiting
    const adjusted = await proposalsOf(fewer);
    expect(adjusted.map((p) => [p.id, p.item, p.qty, p.status])).toEqual([
      [before.fewer[0]!.id, 'B5', 1, 'proposed'],
      [before.fewer[1]!.id, 'F3', 1, 'proposed'],
    ]);
    const reasons = (await as('supervisor').cases.sanctionProposals.list({ status: 'proposed' }))
      .filter((p) => p.caseId === fewer)
      .map((p) => p.reason);
    expect(reasons).toEqual([
      expect.stringContaining('超期 1 个工作日'),
      expect.stringContaining('超期 1 个工作日'),
    ]);
    // the confirmed B5 is left as it was (its record too), flagged for a recheck; the waiting F3 withdrawn
    const [cb5, cf3] = await proposalsOf(confirmed);
    expect(cb5).toEqual({
      ...before.confirmed[0],
      status: 'confirmed',
      recheckReason: '按更正后的工作日历不再超期（已确认 1）',
    });
    expect(cf3).toEqual({ ...before.confirmed[1], ...withdrawn });
    const listed = await as('supervisor').cases.sanctionProposals.list({ status: 'confirmed' });
    expect(listed.find((p) => p.id === cb5!.id)?.recheckReason).toBe(
      '按更正后的工作日历不再超期（已确认 1）',
    );
    expect((await as('supervisor').records.list({ staffId: s.f.staff[1]!.id })).map((r) => r.id)).toContain(
      record.recordId,
    );

    const audited = (await listAudit(s.t.db, { centerId: s.f.centerId, entity: 'caseSanctionProposal' }))
      .filter((a) => a.action.startsWith('calendar'))
      .map((a) => [Number(a.entityId), a.action])
      .sort(([x], [y]) => Number(x) - Number(y));
    expect(audited).toEqual(
      [
        [before.gone[0]!.id, 'calendarWithdraw'],
        [before.gone[1]!.id, 'calendarWithdraw'],
        [before.fewer[0]!.id, 'calendarAdjust'],
        [before.fewer[1]!.id, 'calendarAdjust'],
        [before.confirmed[0]!.id, 'calendarRecheck'],
        [before.confirmed[1]!.id, 'calendarWithdraw'],
      ].sort(([x], [y]) => Number(x) - Number(y)),
    );

    // the closure was a mistake: late again, the withdrawn items are proposed anew, the flag cleared
    await as('admin').calendar.set({ date: '2026-03-09', isWorking: true, note: '更正：正常上班' });
    expect((await proposalsOf(gone)).map((p) => [p.item, p.qty, p.status])).toEqual([
      ['B5', 1, 'rejected'],
      ['F3', 1, 'rejected'],
      ['B5', 1, 'proposed'],
      ['F3', 1, 'proposed'],
    ]);
    expect((await proposalsOf(fewer)).map((p) => [p.item, p.qty, p.status])).toEqual([
      ['B5', 2, 'proposed'],
      ['F3', 1, 'proposed'],
    ]);
    expect((await proposalsOf(confirmed)).map((p) => [p.item, p.status, p.recheckReason])).toEqual([
      ['B5', 'confirmed', null],
      ['F3', 'rejected', null],
      ['F3', 'proposed', null],
    ]);
  });

  it('correcting a year withdraws the proposals its first entry made', async () => {
    const jan = '2027-01-08';
    const oneDay = (
      await as('supervisor').cases.matters.create({
        unitId: s.f.unitId,
        name: '个体工商户变更登记',
        type: 'promised',
        promisedDays: 1,
        legalBasis: '《促进个体工商户发展条例》',
        materials: ['变更登记申请书'],
        procedure: '受理—审核—发证',
        fees: '免费',
        feeBasis: '无',
        inquiryPhone: '0571-88000002',
        complaintPhone: '12345',
      })
    ).id;
    // 2027 entered first without 元旦: 1 Jan is a working day
    await as('admin', jan).calendar.enterYear({
      year: 2027,
      holidays: [{ date: '2027-02-11', name: '春节' }],
      workdays: [],
    });
    const { case: c } = await as('staff', jan).cases.accept({
      matterId: oneDay,
      on: '2026-12-31',
      ...APPLICANT,
    });
    expect(c).toMatchObject({ deadline: '2027-01-01', isDeadlineProvisional: false });
    await as('staff', jan).cases.decide({ id: c.id, on: '2027-01-04', decision: 'approved' });
    expect((await proposalsOf(c.id)).map((p) => [p.item, p.qty, p.status])).toEqual([
      ['B5', 1, 'proposed'],
      ['F3', 1, 'proposed'],
    ]);

    const r = await as('admin', jan).calendar.enterYear({
      year: 2027,
      holidays: [
        { date: '2027-01-01', name: '元旦' },
        { date: '2027-02-11', name: '春节' },
      ],
      workdays: [],
      reason: '补录元旦',
    });
    expect(r).toMatchObject({ year: 2027, changed: 1, proposals: 0, withdrawn: 2, adjusted: 0, flagged: 0 });
    expect((await as('supervisor').cases.get({ id: c.id })).case).toMatchObject({
      deadline: '2027-01-04',
      overdueDays: 0,
    });
    expect((await proposalsOf(c.id)).map((p) => [p.item, p.status, p.decisionReason?.slice(0, 4)])).toEqual([
      ['B5', 'rejected', '日历更正'],
      ['F3', 'rejected', '日历更正'],
    ]);
  });
});
