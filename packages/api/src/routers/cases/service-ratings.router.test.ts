import { TEST_DIALECTS } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUERY_LIMITS, WRONG_CODE_OR_PASSWORD } from '../../services/cases/applicant-status.service.ts';
import { type TApiSetup, TODAY } from '../../testing/api-test-setup.ts';
import { refusal, setupCases, type TCaseSetup } from '../../testing/case-test-setup.ts';

describe.each(TEST_DIALECTS)(
  'the applicant: status query, rate limit, service ratings (好差评) on %s',
  (dialect) => {
    let s: TApiSetup;
    let matters: TCaseSetup['matters'];
    let acceptAs: TCaseSetup['acceptAs'];
    let applicantAt: TCaseSetup['applicantAt'];
    beforeAll(async () => {
      ({ s, matters, acceptAs, applicantAt } = await setupCases(dialect));
    });
    afterAll(async () => {
      await s?.t.destroy();
    });

    it('shows the matter, status, deadline and handler of that case and nothing else', async () => {
      const { receipt } = await acceptAs('staff', matters.promised, '2026-11-20', {
        handlerPhone: '0571-88000003',
      });
      const status = await applicantAt('198.51.100.1').cases.publicStatus({
        code: receipt.acceptanceCode,
        password: receipt.queryPassword!.toLowerCase(),
      });
      expect(status).toEqual({
        matter: '不动产转移登记',
        stage: 'accepted',
        decision: null,
        reviewRequestedOn: null,
        deadline: '2026-11-25',
        handler: { name: '李四', phone: '0571-88000003' },
        serviceRating: { canRate: false, level: null },
      });
      // nothing of the applicant or any other case
      const text = JSON.stringify(status);
      for (const secret of ['王小明', '13800000000', receipt.acceptanceCode])
        expect(text).not.toContain(secret);
    });

    it('gives the same answer for a wrong code and a wrong password', async () => {
      const { receipt } = await acceptAs('staff', matters.promised, '2026-11-20');
      const a = applicantAt('198.51.100.2');
      const wrongPassword = await refusal(
        a.cases.publicStatus({ code: receipt.acceptanceCode, password: 'ZZZZZZZZ' }),
      );
      const wrongCode = await refusal(
        a.cases.publicStatus({ code: '2026112099999999', password: receipt.queryPassword! }),
      );
      expect(wrongPassword).toEqual({ code: 'UNAUTHORIZED', message: WRONG_CODE_OR_PASSWORD });
      expect(wrongCode).toEqual(wrongPassword);
      // another case's password does not open this case
      const other = await acceptAs('staff', matters.promised, '2026-11-20');
      expect(
        await refusal(
          a.cases.publicStatus({ code: receipt.acceptanceCode, password: other.receipt.queryPassword! }),
        ),
      ).toEqual(wrongPassword);
    });

    it('locks a code for the address that guessed wrong, even for the right one, but not the applicant elsewhere', async () => {
      const { receipt } = await acceptAs('staff', matters.promised, '2026-11-20');
      const a = applicantAt('198.51.100.3');
      for (let i = 0; i < QUERY_LIMITS.pair.limit; i++) {
        expect(
          (await refusal(a.cases.publicStatus({ code: receipt.acceptanceCode, password: `WRONG${i}` }))).code,
        ).toBe('UNAUTHORIZED');
      }
      expect(
        (
          await refusal(
            a.cases.publicStatus({ code: receipt.acceptanceCode, password: receipt.queryPassword! }),
          )
        ).code,
      ).toBe('TOO_MANY_REQUESTS');
      // the applicant at another address is not locked out by the stranger's guesses
      const b = applicantAt('198.51.100.4');
      expect(
        (await b.cases.publicStatus({ code: receipt.acceptanceCode, password: receipt.queryPassword! }))
          .stage,
      ).toBe('accepted');
      // an unknown code is limited exactly like a known one (the limit tells nothing)
      for (let i = 0; i < QUERY_LIMITS.pair.limit; i++)
        await refusal(b.cases.publicStatus({ code: '2026112000000001', password: 'X' }));
      expect((await refusal(b.cases.publicStatus({ code: '2026112000000001', password: 'X' }))).code).toBe(
        'TOO_MANY_REQUESTS',
      );

      // per address: wrong guesses spread over many codes
      const fresh = await acceptAs('staff', matters.promised, '2026-11-20');
      const c = applicantAt('198.51.100.5');
      for (let i = 0; i < QUERY_LIMITS.address.limit; i++)
        await refusal(c.cases.publicStatus({ code: `20261119${String(i).padStart(8, '0')}`, password: 'X' }));
      expect(
        (
          await refusal(
            c.cases.publicStatus({
              code: fresh.receipt.acceptanceCode,
              password: fresh.receipt.queryPassword!,
            }),
          )
        ).code,
      ).toBe('TOO_MANY_REQUESTS');
      // the same case from another address is fine
      expect(
        (
          await applicantAt('198.51.100.6').cases.publicStatus({
            code: fresh.receipt.acceptanceCode,
            password: fresh.receipt.queryPassword!,
          })
        ).stage,
      ).toBe('accepted');
    });

    it('rates a decided case once; a poor rating opens a follow-up with a deadline until it is closed', async () => {
      const staff = s.as('staff');
      const a = applicantAt('198.51.100.7');
      const good = await acceptAs('staff', matters.immediate, '2026-11-20');
      const poor = await acceptAs('staff', matters.immediate, '2026-11-20');
      const cred = (r: typeof good) => ({
        code: r.receipt.acceptanceCode,
        password: r.receipt.queryPassword!,
      });
      expect(
        (await refusal(a.cases.serviceRatings.publicRate({ ...cred(good), rating: 'verySatisfied' })))
          .message,
      ).toContain('办结后');
      await staff.cases.decide({ id: good.case.id, on: '2026-11-20', decision: 'approved' });
      await staff.cases.decide({ id: poor.case.id, on: '2026-11-20', decision: 'approved' });
      expect((await a.cases.publicStatus(cred(good))).serviceRating).toEqual({ canRate: true, level: null });
      expect(
        (await a.cases.serviceRatings.publicRate({ ...cred(good), rating: 'verySatisfied' })).serviceRating,
      ).toEqual({
        canRate: false,
        level: 1,
      });
      expect(
        (await refusal(a.cases.serviceRatings.publicRate({ ...cred(good), rating: 'satisfied' }))).code,
      ).toBe('CONFLICT');
      expect(
        (
          await refusal(
            a.cases.serviceRatings.publicRate({ ...cred(poor), rating: 'excellent' as 'satisfied' }),
          )
        ).code,
      ).toBe('BAD_REQUEST');
      await a.cases.serviceRatings.publicRate({
        ...cred(poor),
        rating: 'veryDissatisfied',
        comment: '等候时间太长',
      });

      const sup = s.as('supervisor');
      const open = (await sup.cases.serviceRatings.followUps({ status: 'open' })).filter(
        (f) => f.caseId === poor.case.id,
      );
      // rated Thursday 26 Nov (TODAY) + 15 working days → Thursday 17 Dec
      expect(open.map((f) => [f.level, f.comment, f.openedOn, f.dueOn])).toEqual([
        [5, '等候时间太长', TODAY, '2026-12-17'],
      ]);
      expect((await sup.cases.serviceRatings.followUps()).map((f) => f.caseId)).not.toContain(good.case.id);
      expect((await refusal(s.as('staff').cases.serviceRatings.followUps())).code).toBe('FORBIDDEN');
      const closed = await sup.cases.serviceRatings.closeFollowUp({
        id: open[0]!.id,
        note: '已电话回访，优化叫号流程',
      });
      expect(closed).toMatchObject({ status: 'closed', closedOn: TODAY });
      expect(
        (await refusal(sup.cases.serviceRatings.closeFollowUp({ id: open[0]!.id, note: '再次办结' }))).code,
      ).toBe('CONFLICT');

      const rates = await sup.cases.serviceRatings.satisfaction({ year: 2026, windowId: s.f.windowIds[0] });
      expect(rates).toEqual([
        {
          windowId: s.f.windowIds[0],
          windowName: '不动产登记1号窗口',
          month: '2026-11',
          counts: {
            verySatisfied: 1,
            satisfied: 0,
            basicallySatisfied: 0,
            dissatisfied: 0,
            veryDissatisfied: 1,
          },
          total: 2,
          satisfied: 1,
          rate: 0.5,
        },
      ]);
    });

    it('keeps a clerk from rating their own case: a reset needs a reason, a later rating counts once 审管科 checks it', async () => {
      const staff = s.as('staff');
      const sup = s.as('supervisor');
      const c = await acceptAs('staff', matters.immediate, '2026-11-20');
      await staff.cases.decide({ id: c.case.id, on: '2026-11-20', decision: 'approved' });
      const totalOf = async () =>
        (await sup.cases.serviceRatings.satisfaction({ year: 2026, windowId: c.case.windowId })).find(
          (r) => r.month === '2026-11',
        )?.total ?? 0;
      const before = await totalOf();
      // the applicant must be present: no reason, no new password
      expect((await refusal(staff.cases.resetQueryPassword({ id: c.case.id } as never))).code).toBe(
        'BAD_REQUEST',
      );
      const reissued = await staff.cases.resetQueryPassword({
        id: c.case.id,
        reason: '申请人遗失受理通知书，本人持身份证到窗口',
      });
      const cred = { code: c.receipt.acceptanceCode, password: reissued.queryPassword! };
      const events = (await staff.cases.get({ id: c.case.id })).events.filter(
        (e) => e.kind === 'resetQueryPassword',
      );
      expect(events.map((e) => [e.day, e.payload])).toEqual([
        [TODAY, { reason: '申请人遗失受理通知书，本人持身份证到窗口' }],
      ]);
      // whoever handled the case cannot rate it, signed in
      expect(
        (await refusal(staff.cases.serviceRatings.publicRate({ ...cred, rating: 'verySatisfied' }))).code,
      ).toBe('FORBIDDEN');
      // anonymously with the reissued password: recorded, marked, and not counted until checked
      await applicantAt('198.51.100.30').cases.serviceRatings.publicRate({
        ...cred,
        rating: 'verySatisfied',
        comment: '非常好',
      });
      expect(await totalOf()).toBe(before);
      await sup.cases.serviceRatings.checkAfterReset({ caseId: c.case.id, note: '已电话联系申请人本人核实' });
      expect(await totalOf()).toBe(before + 1);
      expect(
        (await refusal(sup.cases.serviceRatings.checkAfterReset({ caseId: c.case.id, note: '再次核实' })))
          .code,
      ).toBe('CONFLICT');
      // a rating with the receipt's own password is not held back
      const plain = await acceptAs('staff', matters.immediate, '2026-11-20');
      await staff.cases.decide({ id: plain.case.id, on: '2026-11-20', decision: 'approved' });
      await applicantAt('198.51.100.31').cases.serviceRatings.publicRate({
        code: plain.receipt.acceptanceCode,
        password: plain.receipt.queryPassword!,
        rating: 'satisfied',
      });
      expect(await totalOf()).toBe(before + 2);
      expect(
        (await refusal(sup.cases.serviceRatings.checkAfterReset({ caseId: plain.case.id, note: '核实' })))
          .code,
      ).toBe('CONFLICT');
    });
  },
);
