import { type DbRoot, TEST_DIALECTS } from '@chuangkou/db';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApi, type TApiSetup } from './testing/api-test-setup.ts';

const TABLES = [
  'conduct_records',
  'complaints',
  'peer_ratings',
  'patrols',
  'patrol_findings',
  'window_awards',
  'published_assessments',
  'audit_log',
  'staff',
  'users',
  'policies',
] as const;

/** Row counts of every table a mutation could touch. */
async function counts(db: DbRoot): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) {
    const row = await db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    out[t] = Number(row.n);
  }
  return out;
}

describe.each(TEST_DIALECTS)('bad input on %s', (dialect) => {
  let s: TApiSetup;
  beforeAll(async () => {
    s = await setupApi(dialect);
    await s
      .as('staff')
      .peerRatings.submit({ year: 2026, quarter: 3, ratings: [{ rateeId: s.f.staff[0]!.id, tier: 'good' }] });
    await s.as('leader').assessment.publish({ year: 2026, quarter: 2 });
  });
  afterAll(async () => {
    await s?.t.destroy();
  });

  /** Runs a call that must fail with `code`, naming `field` when given, and checks that nothing was written. */
  async function refused(run: () => Promise<unknown>, code: TRPCError['code'], message?: RegExp) {
    const before = await counts(s.t.db);
    const error = await run().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe(code);
    if (message) expect((error as TRPCError).message).toMatch(message);
    expect(await counts(s.t.db)).toEqual(before);
  }

  it('refuses wrong types', async () => {
    const sup = s.as('supervisor');
    await refused(
      () => sup.records.create({ staffId: '1' as unknown as number, item: 'C4', date: '2026-10-01' }),
      'BAD_REQUEST',
      /staffId/,
    );
    await refused(
      () => sup.records.create({ staffId: s.f.staff[0]!.id, item: 'C4', date: '2026-02-30' }),
      'BAD_REQUEST',
      /date/,
    );
    await refused(
      () => sup.records.create({ staffId: s.f.staff[0]!.id, item: 'C4', qty: 0, date: '2026-10-01' }),
      'BAD_REQUEST',
      /qty/,
    );
    await refused(
      () => s.as('leader').assessment.publish({ year: 2026, quarter: 5 as 1 }),
      'BAD_REQUEST',
      /quarter/,
    );
  });

  it('refuses unknown ids and unknown items', async () => {
    const sup = s.as('supervisor');
    await refused(
      () => sup.records.create({ staffId: 999_999, item: 'C4', date: '2026-10-01' }),
      'NOT_FOUND',
      /工作人员/,
    );
    await refused(() => sup.records.revoke({ id: 999_999, reason: '不存在的记录' }), 'NOT_FOUND');
    await refused(
      () => sup.complaints.verify({ id: 999_999, isValid: true, cause: 'attitude' }),
      'NOT_FOUND',
    );
    await refused(
      () => sup.awards.grant({ windowId: 999_999, kind: 'yellowCard', year: 2026, month: 10 }),
      'NOT_FOUND',
    );
    await refused(
      () => sup.records.create({ staffId: s.f.staff[0]!.id, item: 'Z9', date: '2026-10-01' }),
      'BAD_REQUEST',
      /Z9/,
    );
  });

  it('refuses dates in the future and periods not yet begun or ended', async () => {
    const sup = s.as('supervisor');
    await refused(
      () => sup.records.create({ staffId: s.f.staff[0]!.id, item: 'C4', date: '2026-11-27' }),
      'BAD_REQUEST',
      /晚于今天/,
    );
    await refused(
      () =>
        sup.complaints.create({
          channel: 'online',
          date: '2027-01-01',
          staffId: s.f.staff[0]!.id,
          content: '未来的投诉',
        }),
      'BAD_REQUEST',
    );
    await refused(
      () =>
        sup.patrols.create({
          date: '2026-12-01',
          session: 'morning',
          dutyLeader: '周',
          inspectors: '吴',
          findings: [],
        }),
      'BAD_REQUEST',
    );
    await refused(
      () => s.as('leader').assessment.publish({ year: 2026, quarter: 4 }),
      'BAD_REQUEST',
      /尚未结束/,
    );
    await refused(
      () =>
        s.as('staff').peerRatings.submit({
          year: 2027,
          quarter: 1,
          ratings: [{ rateeId: s.f.staff[0]!.id, tier: 'good' }],
        }),
      'BAD_REQUEST',
    );
  });

  it('refuses a duplicate peer rating and a self-rating', async () => {
    const me = s.as('staff');
    await refused(
      () =>
        me.peerRatings.submit({
          year: 2026,
          quarter: 3,
          ratings: [{ rateeId: s.f.staff[0]!.id, tier: 'poor' }],
        }),
      'CONFLICT',
      /重复/,
    );
    await refused(
      () =>
        me.peerRatings.submit({
          year: 2026,
          quarter: 3,
          ratings: [
            { rateeId: s.f.staff[2]!.id, tier: 'good' },
            { rateeId: s.f.staff[1]!.id, tier: 'good' },
          ],
        }),
      'BAD_REQUEST',
      /自己/,
    );
  });

  it('refuses a change to a published quarter without a correction reason', async () => {
    const sup = s.as('supervisor');
    await refused(
      () => sup.records.create({ staffId: s.f.staff[0]!.id, item: 'C4', date: '2026-05-06' }),
      'PRECONDITION_FAILED',
      /已公示/,
    );
    await refused(() => s.as('leader').assessment.publish({ year: 2026, quarter: 2 }), 'PRECONDITION_FAILED');
    await refused(
      () =>
        s.as('staff').peerRatings.submit({
          year: 2026,
          quarter: 2,
          ratings: [{ rateeId: s.f.staff[0]!.id, tier: 'good' }],
        }),
      'PRECONDITION_FAILED',
    );
    await refused(
      () =>
        sup.patrols.create({
          date: '2026-05-07',
          session: 'morning',
          dutyLeader: '周',
          inspectors: '吴',
          findings: [{ clause: 'C4', finding: '迟到', staffId: s.f.staff[0]!.id }],
        }),
      'PRECONDITION_FAILED',
      /findings\[0\]|第1条/,
    );
  });

  it('refuses a record for a person or window of another center', async () => {
    const sup = s.as('supervisor');
    await refused(
      () => sup.records.create({ staffId: s.f.otherStaff.id, item: 'C4', date: '2026-10-01' }),
      'NOT_FOUND',
    );
    await refused(
      () => sup.records.create({ windowId: s.f.otherWindowId, item: 'B8', date: '2026-10-01' }),
      'NOT_FOUND',
    );
    await refused(
      () =>
        s.as('staff').peerRatings.submit({
          year: 2026,
          quarter: 3,
          ratings: [{ rateeId: s.f.otherStaff.id, tier: 'good' }],
        }),
      'NOT_FOUND',
    );
  });

  it('refuses an oversized text or list', async () => {
    const sup = s.as('supervisor');
    await refused(
      () =>
        sup.complaints.create({
          channel: 'online',
          date: '2026-10-01',
          staffId: s.f.staff[0]!.id,
          content: '长'.repeat(5000),
        }),
      'BAD_REQUEST',
      /content/,
    );
    const ratings = Array.from({ length: 501 }, () => ({ rateeId: s.f.staff[0]!.id, tier: 'good' as const }));
    await refused(
      () => s.as('staff').peerRatings.submit({ year: 2026, quarter: 3, ratings }),
      'BAD_REQUEST',
      /ratings/,
    );
  });
});
