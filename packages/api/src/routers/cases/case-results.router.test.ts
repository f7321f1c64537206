import { countAudit, TEST_DIALECTS } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContextInner } from '../../context.ts';
import { createCaller } from '../../root.ts';
import { caseNotice } from '../../services/cases/case-notice.service.ts';
import type { TApiSetup } from '../../testing/api-test-setup.ts';
import { refusal, setupCases, type TCaseSetup } from '../../testing/case-test-setup.ts';

describe.each(TEST_DIALECTS)('results, explanations and reviews on %s', (dialect) => {
  let s: TApiSetup;
  let matters: TCaseSetup['matters'];
  let acceptAs: TCaseSetup['acceptAs'];
  let applicantAt: TCaseSetup['applicantAt'];
  beforeAll(async () => {
    ({ s, matters, acceptAs, applicantAt } = await setupCases(dialect));
  });
  /** The API as `role` on a server whose day is `today` ("today" is the server's, never the caller's). */
  const onDay = (role: keyof TApiSetup['users'], today: string) =>
    createCaller(createContextInner({ db: s.t.db, user: s.users[role], today: () => today }));
  afterAll(async () => {
    await s?.t.destroy();
  });

  it('规程 四、1 prints the 办结通知单 of a decided case, and refuses it before the decision', async () => {
    const staff = s.as('staff');
    const { case: c } = await acceptAs('staff', matters.promised, '2026-03-02');
    expect((await refusal(staff.cases.noticeFile({ id: c.id, kind: 'completionNotice' }))).message).toContain(
      '尚未办结',
    );
    await staff.cases.decide({
      id: c.id,
      on: '2026-03-04',
      decision: 'refused',
      reasons: ['不符合法定条件'],
    });
    expect(await caseNotice(s.t.db, s.users.staff, c.id, 'completionNotice')).toMatchObject({
      kind: 'completionNotice',
      decision: 'refused',
      decidedOn: '2026-03-04',
      reasons: ['不符合法定条件'],
    });
    const file = await staff.cases.noticeFile({ id: c.id, kind: 'completionNotice' });
    expect(file.fileName).toBe(`审批事项办结通知单-${c.acceptanceCode}.xlsx`);
  });

  it('规程 四、2 flags a notification after the limit: decided 5 Mar on time, notified 31 Mar', async () => {
    const staff = s.as('staff');
    // 3 working days from Mon 2 Mar: due Thu 5 Mar; decided Thu 5 Mar
    const { case: c } = await acceptAs('staff', matters.promised, '2026-03-02');
    await staff.cases.decide({ id: c.id, on: '2026-03-05', decision: 'approved' });
    const alerts = (await onDay('supervisor', '2026-03-20').cases.alerts()).filter((a) => a.caseId === c.id);
    expect(alerts.map((a) => a.alert)).toMatchObject([
      { kind: 'notifyDue', level: 'red', decidedOn: '2026-03-05' },
    ]);
    const notified = await staff.cases.notify({ id: c.id, on: '2026-03-31' });
    expect(notified).toMatchObject({ stage: 'notified', isNotifiedLate: true, overdueDays: 0 });
  });

  it('规程 三、4 prints the explanation of a 上报件 and shows it filed on the alerts', async () => {
    const staff = s.as('staff');
    const { case: c } = await acceptAs('staff', matters.escalated, '2026-05-04');
    await staff.cases.forward({ id: c.id, on: '2026-05-06' });
    await staff.cases.fileExplanation({
      id: c.id,
      on: '2026-05-22',
      explanation: '省厅尚在审查，已电话催办',
    });
    const alerts = (await onDay('supervisor', '2026-05-25').cases.alerts()).filter((a) => a.caseId === c.id);
    expect(alerts.map((a) => a.alert)).toStrictEqual([
      {
        kind: 'awaitingUpper',
        level: 'info',
        forwardedOn: '2026-05-06',
        daysWaiting: 19,
        explanationFiledOn: '2026-05-22',
      },
    ]);
    expect(await caseNotice(s.t.db, s.users.staff, c.id, 'escalationExplanation')).toMatchObject({
      forwardedOn: '2026-05-06',
      daysWaiting: 16,
      dayKind: 'calendar',
      explanation: '省厅尚在审查，已电话催办',
    });
  });

  it('规程 四、3 records a 复核 requested from the status page, the reviewer, decision and date', async () => {
    const { case: c, receipt } = await acceptAs('staff', matters.promised, '2026-11-02');
    const applicant = applicantAt('203.0.113.9');
    const credentials = { code: receipt.acceptanceCode, password: receipt.queryPassword! };
    // not refused: nothing to review
    expect((await refusal(applicant.cases.reviews.publicRequest(credentials))).message).toContain('不予批准');
    await s
      .as('staff')
      .cases.decide({ id: c.id, on: '2026-11-05', decision: 'refused', reasons: ['不符合法定条件'] });
    const { review, status } = await applicant.cases.reviews.publicRequest({
      ...credentials,
      request: '我符合条件，请复核',
    });
    expect(status).toMatchObject({ decision: 'refused', reviewRequestedOn: '2026-11-26' });
    expect(review).toMatchObject({
      caseId: c.id,
      channel: 'statusPage',
      outcome: null,
      request: '我符合条件，请复核',
    });
    expect((await refusal(applicant.cases.reviews.publicRequest(credentials))).message).toContain('待复核');
    const before = await countAudit(s.t.db);
    expect(
      (
        await refusal(
          s.as('supervisor').cases.reviews.decide({
            reviewId: review.id,
            on: '2026-11-26',
            reviewer: '赵主任',
            outcome: 'upheld',
            reasons: ' ',
          }),
        )
      ).code,
    ).toBe('BAD_REQUEST');
    expect(await countAudit(s.t.db)).toBe(before);
    const decided = await s.as('supervisor').cases.reviews.decide({
      reviewId: review.id,
      on: '2026-11-26',
      reviewer: '赵主任',
      outcome: 'upheld',
      reasons: '经复核，申请人确不符合法定条件',
    });
    expect(decided).toMatchObject({ reviewer: '赵主任', outcome: 'upheld', decidedOn: '2026-11-26' });
    expect((await s.as('staff').cases.get({ id: c.id })).reviews).toHaveLength(1);
    expect(await caseNotice(s.t.db, s.users.staff, c.id, 'reviewDecision')).toMatchObject({
      kind: 'reviewDecision',
      refusedOn: '2026-11-05',
      reviewer: '赵主任',
      outcome: 'upheld',
    });
    // the counter takes a new request once the first is decided
    const again = await s.as('staff').cases.reviews.request({ id: c.id, on: '2026-11-26' });
    expect(again).toMatchObject({ channel: 'counter', requestedBy: s.users.staff.id });
  });
});
