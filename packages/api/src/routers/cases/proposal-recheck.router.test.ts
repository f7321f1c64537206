import { listAudit, TEST_DIALECTS } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContextInner } from '../../context.ts';
import { createCaller } from '../../root.ts';
import type { TApiSetup } from '../../testing/api-test-setup.ts';
import { refusal, setupCases, type TCaseSetup } from '../../testing/case-test-setup.ts';

// A confirmed overdue proposal a calendar correction no longer bears out is flagged 日历更正后需复核;
// the supervisor settles it: the record stands ('keep'), or fewer days ('adjust'): the record is
// revoked with the reason and made anew. Always a reason, always audited, nothing deleted.

describe.each(TEST_DIALECTS)('the recheck of a flagged confirmed proposal on %s', (dialect) => {
  let s: TApiSetup;
  let matters: TCaseSetup['matters'];
  let acceptAs: TCaseSetup['acceptAs'];
  /** B5 confirmed (1 day late), no longer late after the correction */
  let notLate: { id: number; recordId: number };
  /** B5 confirmed (3 days late), 2 after the correction */
  let fewer: { id: number; recordId: number };
  /** B5 confirmed after the correction: not flagged */
  let unflagged: { id: number; recordId: number };
  const as = (role: 'admin' | 'staff' | 'supervisor', today = '2026-11-26') =>
    createCaller(createContextInner({ db: s.t.db, user: s.users[role], today: () => today }));
  const confirmedB5 = async (decidedOn: string) => {
    // 承诺件 of 3 working days from Thu 5 Mar 2026: Fri 6, Mon 9, Tue 10 → due 10 Mar
    const { case: c } = await acceptAs('staff', matters.promised, '2026-03-05');
    await as('staff').cases.decide({ id: c.id, on: decidedOn, decision: 'approved' });
    const b5 = (await as('supervisor').cases.get({ id: c.id })).proposals.find((p) => p.item === 'B5')!;
    const p = await as('supervisor').cases.sanctionProposals.confirm({ id: b5.id });
    return { id: p.id, recordId: p.recordId! };
  };
  const proposal = async (id: number) =>
    (await as('supervisor').cases.sanctionProposals.list({ status: 'confirmed' })).find((p) => p.id === id)!;
  const record = async (id: number) =>
    (await as('supervisor').records.list({ staffId: s.f.staff[1]!.id })).find((r) => r.id === id);
  const recheckAudits = async () =>
    (await listAudit(s.t.db, { centerId: s.f.centerId, entity: 'caseSanctionProposal' })).filter(
      (a) => a.action === 'recheck',
    );

  beforeAll(async () => {
    ({ s, matters, acceptAs } = await setupCases(dialect));
    notLate = await confirmedB5('2026-03-11');
    fewer = await confirmedB5('2026-03-13');
    // the center was closed Mon 9 Mar: due Wed 11 Mar
    await as('admin').calendar.set({ date: '2026-03-09', isWorking: false, note: '停电闭馆' });
    unflagged = await confirmedB5('2026-03-13');
  });
  afterAll(async () => {
    await s?.t.destroy();
  });

  it('refuses a recheck without a reason, naming reason, and writes nothing', async () => {
    const before = await proposal(fewer.id);
    expect(before.recheckReason).toBe('按更正后的工作日历应为 2（已确认 3）');
    const audits = (await recheckAudits()).length;
    for (const reason of [undefined, '  ']) {
      const r = await refusal(
        as('supervisor').cases.sanctionProposals.recheck({ id: fewer.id, outcome: 'adjust', qty: 2, reason }),
      );
      expect(r).toEqual({ code: 'BAD_REQUEST', message: expect.stringMatching(/^reason：请填写复核理由/) });
    }
    expect(await proposal(fewer.id)).toEqual(before);
    expect((await record(fewer.recordId))?.status).toBe('active');
    expect((await recheckAudits()).length).toBe(audits);
  });

  it('refuses a proposal that is not flagged', async () => {
    const before = await proposal(unflagged.id);
    expect(before.recheckReason).toBeNull();
    const r = await refusal(
      as('supervisor').cases.sanctionProposals.recheck({
        id: unflagged.id,
        outcome: 'keep',
        reason: '核对无误',
      }),
    );
    expect(r).toEqual({ code: 'CONFLICT', message: '该建议未标记“日历更正后需复核”，无需复核' });
    expect(await proposal(unflagged.id)).toEqual(before);
  });

  it('refuses an adjustment that is not fewer than confirmed, naming qty', async () => {
    const r = await refusal(
      as('supervisor').cases.sanctionProposals.recheck({
        id: fewer.id,
        outcome: 'adjust',
        qty: 3,
        reason: '按更正后日历',
      }),
    );
    expect(r).toEqual({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/^qty：核减后的数量须在 1 至 2 之间/),
    });
  });

  it('keep: the record stands, the flag is cleared, the recheck noted and audited', async () => {
    const before = await proposal(notLate.id);
    expect(before.recheckReason).toBe('按更正后的工作日历不再超期（已确认 1）');
    const after = await as('supervisor').cases.sanctionProposals.recheck({
      id: notLate.id,
      outcome: 'keep',
      reason: '3月9日闭馆前已通知申请人，延误在窗口',
    });
    expect(after).toMatchObject({
      status: 'confirmed',
      recheckReason: null,
      recordId: notLate.recordId,
      confirmedQty: null,
      decisionReason: '日历更正后复核：维持 1：3月9日闭馆前已通知申请人，延误在窗口',
    });
    expect((await record(notLate.recordId))?.status).toBe('active');
    const [audit] = (await recheckAudits()).filter((a) => Number(a.entityId) === notLate.id);
    expect(audit).toBeDefined();
    // a second recheck is refused: the flag is gone
    expect(
      (
        await refusal(
          as('supervisor').cases.sanctionProposals.recheck({
            id: notLate.id,
            outcome: 'keep',
            reason: '再次',
          }),
        )
      ).code,
    ).toBe('CONFLICT');
  });

  it('adjust: the record is revoked with the reason and made anew with fewer days', async () => {
    const after = await as('supervisor').cases.sanctionProposals.recheck({
      id: fewer.id,
      outcome: 'adjust',
      qty: 2,
      reason: '按更正后的工作日历超期 2 日',
    });
    expect(after).toMatchObject({
      status: 'confirmed',
      recheckReason: null,
      qty: 3,
      confirmedQty: 2,
      decisionReason: '日历更正后复核：核减为 2：按更正后的工作日历超期 2 日',
    });
    expect(after.recordId).not.toBe(fewer.recordId);
    const old = await record(fewer.recordId);
    expect(old).toMatchObject({ status: 'revoked', item: 'B5', qty: 3 });
    const made = await record(after.recordId!);
    expect(made).toMatchObject({ status: 'active', item: 'B5', qty: 2, source: 'case', date: old!.date });
    expect(made!.points).toBe((old!.points! / 3) * 2);
    const audits = await listAudit(s.t.db, { centerId: s.f.centerId });
    const actions = audits
      .filter(
        (a) =>
          (a.entity === 'record' && [fewer.recordId, after.recordId].includes(Number(a.entityId))) ||
          (a.entity === 'caseSanctionProposal' && Number(a.entityId) === fewer.id),
      )
      .map((a) => `${a.entity}:${a.action}`);
    expect(actions).toEqual(
      expect.arrayContaining(['record:revoke', 'record:create', 'caseSanctionProposal:recheck']),
    );
  });
});
