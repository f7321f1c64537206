import { countAudit, TEST_DIALECTS } from '@chuangkou/db';
import { reserveStandingText } from '@chuangkou/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApi, type TApiSetup } from './testing/api-test-setup.ts';

/**
 * 考核细则 二(四): 符合后备干部条件的，推荐列入后备干部人才库管理. The leader confirms a proposed candidate
 * into the pool (后备干部人才库); a removal is a dated revocation with its reason; every change audited.
 */
describe.each(TEST_DIALECTS)('后备干部人才库 (cadres.*) on %s', (dialect) => {
  let s: TApiSetup;
  beforeAll(async () => {
    s = await setupApi(dialect);
    const sup = s.as('supervisor');
    const [zhang, , , zhao] = s.f.staff;
    for (const date of ['2025-02-10', '2025-05-12', '2025-08-11', '2025-11-11'])
      await sup.records.create({ staffId: zhang!.id, item: 'D1', date });
    // 赵六 不称职 in 2025 Q2: never proposed
    await sup.records.create({ staffId: zhao!.id, item: 'A1', date: '2025-05-13', qty: 6 });
    await sup.records.create({ staffId: zhao!.id, item: 'B4', date: '2025-05-13', qty: 14 });
  });
  afterAll(async () => {
    await s?.t.destroy();
  });

  it('考核细则 二(四): confirms a proposed candidate into the pool, audited, once', async () => {
    const zhang = s.f.staff[0]!.id;
    const audits = await countAudit(s.t.db);
    const entry = await s
      .as('leader')
      .cadres.confirm({ year: 2025, staffId: zhang, basis: '符合后备干部条件' });
    expect(entry).toMatchObject({
      staffName: '张三',
      year: 2025,
      status: 'active',
      confirmedOn: '2026-11-26',
    });
    expect(await countAudit(s.t.db)).toBe(audits + 1);
    await expect(s.as('leader').cadres.confirm({ year: 2025, staffId: zhang })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: '该工作人员已在后备干部人才库中',
    });
    expect((await s.as('leader').cadres.pool()).map((e) => e.staffName)).toEqual(['张三']);
  });

  it('refuses a person the year’s recommendation does not propose, writing nothing', async () => {
    const audits = await countAudit(s.t.db);
    await expect(
      s.as('leader').cadres.confirm({ year: 2025, staffId: s.f.staff[3]!.id }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'staffId：该工作人员不在2025年度后备干部推荐人选中，不能确认',
    });
    // a running year proposes nobody yet
    await expect(
      s.as('leader').cadres.confirm({ year: 2026, staffId: s.f.staff[0]!.id }),
    ).rejects.toMatchObject({
      message: 'year：2026年尚未结束（2026-12-31），不能推荐后备干部',
    });
    expect(await countAudit(s.t.db)).toBe(audits);
  });

  it('考核细则 二(四) 推荐列入后备干部人才库: the 后备干部推荐名单 gives each candidate’s place in the pool, from the pool itself', async () => {
    const zhang = s.f.staff[0]!.id;
    const inPool = await s.as('leader').bulletins.cadres({ year: 2025 });
    expect(inPool.candidates.find((c) => c.staff === String(zhang))?.reserve).toEqual({
      status: 'inPool',
      date: '2026-11-26',
    });
    // everyone else proposed is not in the pool yet
    const others = inPool.candidates.filter((c) => c.staff !== String(zhang));
    expect(others.map((c) => c.reserve)).toEqual(others.map(() => ({ status: 'notYet', date: null })));
  });

  it('removes from the pool only by a dated revocation with a reason, kept in the list', async () => {
    const [entry] = await s.as('leader').cadres.pool();
    await expect(
      s.as('leader').cadres.revoke({ id: entry!.id, date: '2026-11-26', reason: '' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      s.as('leader').cadres.revoke({ id: entry!.id, date: '2026-12-30', reason: '调离本中心' }),
    ).rejects.toMatchObject({ message: 'date：日期 2026-12-30 晚于今天 2026-11-26' });
    const revoked = await s
      .as('leader')
      .cadres.revoke({ id: entry!.id, date: '2026-11-26', reason: '调离本中心' });
    expect(revoked).toMatchObject({ status: 'revoked', revokedOn: '2026-11-26', revokeReason: '调离本中心' });
    // still listed; and confirmable again later
    expect((await s.as('leader').cadres.pool()).map((e) => [e.staffName, e.status])).toEqual([
      ['张三', 'revoked'],
    ]);
    await expect(
      s.as('leader').cadres.revoke({ id: entry!.id, date: '2026-11-26', reason: '重复' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('考核细则 二(四): a person removed from the pool is printed 已移出 with the date, and 已入库 again once confirmed again', async () => {
    const zhang = s.f.staff[0]!.id;
    const removed = await s.as('leader').bulletins.cadres({ year: 2025 });
    const row = removed.candidates.find((c) => c.staff === String(zhang))!;
    expect(row.reserve).toEqual({ status: 'removed', date: '2026-11-26' });
    expect(reserveStandingText(row.reserve)).toBe('已移出（2026-11-26）');
    await s.as('leader').cadres.confirm({ year: 2025, staffId: zhang, basis: '重新审定' });
    const again = await s.as('leader').bulletins.cadres({ year: 2025 });
    const back = again.candidates.find((c) => c.staff === String(zhang))!;
    expect(reserveStandingText(back.reserve)).toBe('已入库（2026-11-26起）');
  });

  it('is for leaders only', async () => {
    for (const role of ['supervisor', 'head', 'staff', 'admin'] as const) {
      await expect(s.as(role).cadres.pool()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    await expect(s.as(null).cadres.pool()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
