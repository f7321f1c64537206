import { countRecords, TEST_DIALECTS } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TApiSetup } from '../../testing/api-test-setup.ts';
import { refusal, setupCases, type TCaseSetup } from '../../testing/case-test-setup.ts';

describe.each(TEST_DIALECTS)('cases.sanctionProposals on %s', (dialect) => {
  let s: TApiSetup;
  let matters: TCaseSetup['matters'];
  let acceptAs: TCaseSetup['acceptAs'];
  beforeAll(async () => {
    ({ s, matters, acceptAs } = await setupCases(dialect));
  });
  afterAll(async () => {
    await s?.t.destroy();
  });

  it('proposes B5 per overdue working day and F3, and records nothing until a supervisor confirms', async () => {
    const staff = s.as('staff');
    const sup = s.as('supervisor');
    const { case: c } = await acceptAs('staff', matters.promised, '2026-09-30');
    const recordsBefore = await countRecords(s.t.db);
    // deadline Saturday 10 Oct (调休); decided Tuesday 13 Oct: Mon 12 and Tue 13 are 2 working days late
    const d = await staff.cases.decide({ id: c.id, on: '2026-10-13', decision: 'approved' });
    expect(d).toMatchObject({ overdueDays: 2, handlingDays: 5 });
    const proposals = (await sup.cases.get({ id: c.id })).proposals;
    expect(proposals.map((p) => [p.item, p.qty, p.status, p.staffId])).toEqual([
      ['B5', 2, 'proposed', s.f.staff[1]!.id],
      ['F3', 1, 'proposed', s.f.staff[1]!.id],
    ]);
    expect(await countRecords(s.t.db)).toBe(recordsBefore);
    const rollup = await s.t.db
      .selectFrom('case_daily')
      .selectAll()
      .where('window_id', '=', s.f.windowIds[0])
      .where('day', '=', '2026-09-30')
      .executeTakeFirstOrThrow();
    expect([rollup.cases, rollup.completed, rollup.overdue, rollup.overdue_days].map(Number)).toEqual([
      1, 1, 1, 2,
    ]);
    const waiting = await sup.cases.sanctionProposals.list({ status: 'proposed' });
    expect(waiting.filter((p) => p.caseId === c.id).map((p) => p.id)).toEqual(proposals.map((p) => p.id));

    // staff cannot confirm; the supervisor confirms B5 and rejects F3 with a reason
    expect((await refusal(staff.cases.sanctionProposals.confirm({ id: proposals[0]!.id }))).code).toBe(
      'FORBIDDEN',
    );
    const b5 = await sup.cases.sanctionProposals.confirm({ id: proposals[0]!.id });
    expect(b5).toMatchObject({ status: 'confirmed' });
    expect(b5.recordId).not.toBeNull();
    const f3 = await sup.cases.sanctionProposals.reject({
      id: proposals[1]!.id,
      reason: '系统故障所致，非本人原因',
    });
    expect(f3).toMatchObject({
      status: 'rejected',
      recordId: null,
      decisionReason: '系统故障所致，非本人原因',
    });
    expect(await countRecords(s.t.db)).toBe(recordsBefore + 1);
    const records = await sup.records.list({ staffId: s.f.staff[1]!.id });
    expect(records.find((r) => r.id === b5.recordId)).toMatchObject({
      item: 'B5',
      qty: 2,
      source: 'case',
      sourceId: c.id,
      scheme: 'points',
    });
    expect((await refusal(sup.cases.sanctionProposals.confirm({ id: proposals[0]!.id }))).code).toBe(
      'CONFLICT',
    );
    expect((await refusal(sup.cases.sanctionProposals.confirm({ id: proposals[1]!.id }))).code).toBe(
      'CONFLICT',
    );
  });

  it('refuses to decide a proposal of another center, or one that does not exist', async () => {
    const { case: c } = await acceptAs('staff', matters.promised, '2026-10-12');
    await s.as('staff').cases.decide({ id: c.id, on: '2026-10-19', decision: 'approved' });
    const [b5] = (await s.as('supervisor').cases.get({ id: c.id })).proposals;
    expect(b5).toMatchObject({ item: 'B5', status: 'proposed' });
    const other = s.asUser(s.otherLeader);
    expect((await refusal(other.cases.sanctionProposals.confirm({ id: b5!.id }))).code).toBe('NOT_FOUND');
    expect(
      (await refusal(other.cases.sanctionProposals.reject({ id: b5!.id, reason: '不是本中心的' }))).code,
    ).toBe('NOT_FOUND');
    expect((await refusal(s.as('supervisor').cases.sanctionProposals.confirm({ id: 999_999 }))).code).toBe(
      'NOT_FOUND',
    );
  });
});
