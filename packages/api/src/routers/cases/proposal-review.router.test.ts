import { countRecords, TEST_DIALECTS } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TApiSetup } from '../../testing/api-test-setup.ts';
import { refusal, setupCases, type TCaseSetup } from '../../testing/case-test-setup.ts';

describe.each(TEST_DIALECTS)('reviewing overdue proposals on %s', (dialect) => {
  let s: TApiSetup;
  let matters: TCaseSetup['matters'];
  let acceptAs: TCaseSetup['acceptAs'];
  beforeAll(async () => {
    ({ s, matters, acceptAs } = await setupCases(dialect));
  });
  afterAll(async () => {
    await s?.t.destroy();
  });
  /** A case of 3 days accepted Mon 12 Oct (due Thu 15 Oct), decided Thu 22 Oct: B5 × 5 and F3. */
  const lateCase = async (on = '2026-10-12') => {
    const { case: c } = await acceptAs('staff', matters.promised, on);
    await s.as('staff').cases.decide({ id: c.id, on: '2026-10-22', decision: 'approved' });
    return { c, proposals: (await s.as('supervisor').cases.get({ id: c.id })).proposals };
  };

  it('confirms fewer overdue days than proposed with a reason, and refuses fewer without one', async () => {
    const sup = s.as('supervisor');
    const { c, proposals } = await lateCase();
    const b5 = proposals.find((p) => p.item === 'B5')!;
    expect(b5.qty).toBe(5);
    const noReason = await refusal(sup.cases.sanctionProposals.confirm({ id: b5.id, qty: 2 }));
    expect(noReason).toMatchObject({ code: 'BAD_REQUEST' });
    expect(noReason.message).toContain('qtyReason');
    expect(
      (await refusal(sup.cases.sanctionProposals.confirm({ id: b5.id, qty: 6, qtyReason: 'x' }))).message,
    ).toContain('qty');
    const confirmed = await sup.cases.sanctionProposals.confirm({
      id: b5.id,
      qty: 2,
      qtyReason: '申请人补正材料延误3个工作日',
    });
    expect(confirmed).toMatchObject({ status: 'confirmed', qty: 5, confirmedQty: 2 });
    const record = (await sup.records.list({ staffId: s.f.staff[1]!.id })).find(
      (r) => r.id === confirmed.recordId,
    )!;
    expect(record).toMatchObject({ item: 'B5', qty: 2, sourceId: c.id });
    // the case by its code and matter, never a bare number
    expect(record.note).toContain(`办件 ${c.acceptanceCode}（不动产转移登记）`);
    expect(record.note).toContain('核减为 2：申请人补正材料延误3个工作日');
  });

  it('confirms several proposals not in doubt at once, and refuses a batch holding one in doubt', async () => {
    const sup = s.as('supervisor');
    const a = await lateCase('2026-10-13');
    const b = await lateCase('2026-10-14');
    const ids = [...a.proposals, ...b.proposals].map((p) => p.id);
    // an escalated case: the split between upstairs and the window deserves its own look
    const { case: up } = await acceptAs('staff', matters.escalated, '2026-10-12');
    await s.as('staff').cases.forward({ id: up.id, on: '2026-10-26' });
    await s.as('staff').cases.upperReply({ id: up.id, on: '2026-10-27' });
    await s.as('staff').cases.decide({ id: up.id, on: '2026-10-27', decision: 'approved' });
    const doubtful = (await sup.cases.get({ id: up.id })).proposals;
    expect(doubtful.length).toBeGreaterThan(0);
    const listed = await sup.cases.sanctionProposals.list({ status: 'proposed' });
    expect(listed.find((p) => p.id === doubtful[0]!.id)).toMatchObject({
      doubts: ['escalated'],
      receivedOn: '2026-10-12',
    });
    expect(listed.find((p) => p.id === ids[0])).toMatchObject({
      doubts: [],
      receivedOn: '2026-10-13',
      day: '2026-10-22',
    });
    const before = await countRecords(s.t.db);
    const refused = await refusal(
      sup.cases.sanctionProposals.confirmMany({ ids: [...ids, doubtful[0]!.id] }),
    );
    expect(refused).toMatchObject({ code: 'BAD_REQUEST' });
    expect(refused.message).toContain(up.acceptanceCode!);
    expect(await countRecords(s.t.db)).toBe(before);
    expect(await sup.cases.sanctionProposals.confirmMany({ ids })).toEqual({ confirmed: 4 });
    expect(await countRecords(s.t.db)).toBe(before + 4);
    expect((await refusal(s.as('staff').cases.sanctionProposals.confirmMany({ ids }))).code).toBe(
      'FORBIDDEN',
    );
  });
});
