import { listAudit, TEST_DIALECTS } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContextInner } from '../context.ts';
import { createCaller } from '../root.ts';
import type { TApiSetup } from '../testing/api-test-setup.ts';
import { APPLICANT, refusal, setupCases } from '../testing/case-test-setup.ts';

/** Early January 2027: 2027's schedule not yet entered. */
const JAN_2027 = '2027-01-08';

describe.each(TEST_DIALECTS)('calendar years and 暂定 deadlines on %s', (dialect) => {
  let s: TApiSetup;
  let oneDay: number;
  const as = (role: 'admin' | 'staff' | 'supervisor', today = JAN_2027) =>
    createCaller(createContextInner({ db: s.t.db, user: s.users[role], today: () => today }));
  const accept = (on: string) => as('staff').cases.accept({ matterId: oneDay, on, ...APPLICANT });
  beforeAll(async () => {
    ({ s } = await setupCases(dialect));
    oneDay = (
      await s.as('supervisor').cases.matters.create({
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
  });
  afterAll(async () => {
    await s?.t.destroy();
  });

  it('a 2026-12-31 case with 1 working day: 暂定 deadline 2027-01-01, no sanction on the uncovered date; entering 2027 with 元旦 moves it past the holiday', async () => {
    const { case: c, receipt } = await accept('2026-12-31');
    expect(c).toMatchObject({ deadline: '2027-01-01', isDeadlineProvisional: true });
    expect(receipt).toMatchObject({ pickupOn: '2027-01-01', pickupProvisional: true });
    const d = await as('staff').cases.decide({ id: c.id, on: '2027-01-04', decision: 'approved' });
    expect(d).toMatchObject({ overdueDays: 1, isDeadlineProvisional: true });
    expect((await as('supervisor').cases.get({ id: c.id })).proposals).toStrictEqual([]);
    // decided a day later still: late on any calendar, but nothing is proposed while 2027 is unknown
    const { case: late } = await accept('2026-12-31');
    await as('staff').cases.decide({ id: late.id, on: '2027-01-05', decision: 'approved' });
    expect((await as('supervisor').cases.get({ id: late.id })).proposals).toStrictEqual([]);

    const before = await as('admin').calendar.years();
    expect(before.missingYear).toBe(2027);
    expect(before.provisionalCases).toBe(2);
    expect(before.years.find((y) => y.year === 2026)).toMatchObject({ source: 'official' });
    expect(before.years.map((y) => y.year).at(-1)).toBe(2026);

    const r = await as('admin').calendar.enterYear({
      year: 2027,
      holidays: [{ date: '2027-01-01', name: '元旦' }],
      workdays: [],
    });
    expect(r).toStrictEqual({
      year: 2027,
      recounted: 2,
      changed: 2,
      proposals: 2,
      withdrawn: 0,
      adjusted: 0,
      flagged: 0,
    });
    const after = (await as('supervisor').cases.get({ id: c.id })).case;
    expect(after).toMatchObject({ deadline: '2027-01-04', isDeadlineProvisional: false, overdueDays: 0 });
    // the later one is now a working day late on a known calendar: B5 and F3 proposed once
    const lateAfter = await as('supervisor').cases.get({ id: late.id });
    expect(lateAfter.case).toMatchObject({ deadline: '2027-01-04', overdueDays: 1 });
    expect(lateAfter.proposals.map((p) => [p.item, p.qty])).toStrictEqual([
      ['B5', 1],
      ['F3', 1],
    ]);
    const rollup = await s.t.db
      .selectFrom('case_daily')
      .select(['overdue', 'overdue_days'])
      .where('window_id', '=', c.windowId)
      .where('day', '=', '2026-12-31')
      .executeTakeFirstOrThrow();
    expect([Number(rollup.overdue), Number(rollup.overdue_days)]).toStrictEqual([1, 1]);

    const covered = await as('admin').calendar.years();
    expect(covered).toMatchObject({ missingYear: null, provisionalCases: 0 });
    expect(covered.years.find((y) => y.year === 2027)).toMatchObject({ source: 'center', holidays: 1 });
    const entries = await listAudit(s.t.db, { centerId: s.f.centerId, entity: 'calendarYear' });
    expect(entries.map((e) => [e.entityId, e.action])).toStrictEqual([['2027', 'enter']]);

    // the same year entered again counts nothing twice
    const again = await as('admin').calendar.enterYear({
      year: 2027,
      holidays: [{ date: '2027-01-01', name: '元旦' }],
      workdays: [],
      reason: '核对国务院通知',
    });
    expect(again).toMatchObject({ changed: 0, proposals: 0 });
    expect((await as('admin').calendar.year({ year: 2027 })).holidays).toStrictEqual([
      { date: '2027-01-01', name: '元旦' },
    ]);
  });

  it('refuses a schedule with a weekday made a working day, naming the field, and writes nothing', async () => {
    const r = await refusal(
      as('admin').calendar.enterYear({
        year: 2028,
        holidays: [{ date: '2028-01-01', name: '元旦' }],
        workdays: [{ date: '2028-01-04', name: '元旦' }],
      }),
    );
    expect(r).toMatchObject({ code: 'BAD_REQUEST' });
    expect(r.message).toContain('2028-01-04 是工作日');
    expect((await as('admin').calendar.year({ year: 2028 })).source).toBe(null);
  });

  it('tells administrators from November 1 while next year is missing', async () => {
    const fresh = await as('admin', '2027-10-31').calendar.years();
    expect(fresh.missingYear).toBe(null);
    expect((await as('admin', '2027-11-01').calendar.years()).missingYear).toBe(2028);
  });
});
