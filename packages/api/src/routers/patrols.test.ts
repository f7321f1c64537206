import { countAudit, listRecords, TEST_DIALECTS } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApi, type TApiSetup } from '../testing/api-test-setup.ts';

/** 巡查表 (处罚办法 二1–2): one sheet a day, 上午 and 下午, signed by the duty leader and the inspectors. */
describe.each(TEST_DIALECTS)('patrols: the day’s sheet on %s', (dialect) => {
  let s: TApiSetup;
  beforeAll(async () => {
    s = await setupApi(dialect);
  });
  afterAll(async () => {
    await s?.t.destroy();
  });

  it('adds the afternoon’s findings and more of the morning’s to the one sheet of the day', async () => {
    const sup = s.as('supervisor');
    const [a, b] = s.f.staff;
    const signers = { dutyLeader: '周主任', inspectors: '吴科长、郑干事' };
    await sup.patrols.create({
      date: '2026-09-03',
      session: 'morning',
      ...signers,
      findings: [{ clause: 'F8', finding: '玩手机', staffId: a!.id }],
    });
    // a second visit of the morning, then the afternoon: neither is refused as "已存在"
    await sup.patrols.create({
      date: '2026-09-03',
      session: 'morning',
      ...signers,
      findings: [{ clause: 'C4', finding: '迟到10分钟', staffId: b!.id }],
    });
    await sup.patrols.create({
      date: '2026-09-03',
      session: 'afternoon',
      ...signers,
      findings: [{ clause: 'F6', finding: '窗口摆放电饭煲', staffId: b!.id }],
    });
    const day = await sup.patrols.sheet({ date: '2026-09-03' });
    expect(day?.sheet).toMatchObject({ date: '2026-09-03', ...signers, filedAt: null });
    expect(day?.sessions).toEqual(['morning', 'afternoon']);
    expect(day?.findings.map((f) => [f.session, f.clause, f.staffName, f.status])).toEqual([
      ['morning', 'F8', a!.name, 'active'],
      ['morning', 'C4', b!.name, 'active'],
      ['afternoon', 'F6', b!.name, 'active'],
    ]);
    const list = await sup.patrols.sheets({ from: '2026-09-01', to: '2026-09-30' });
    expect(list.map((d) => [d.date, d.sessions, d.activeFindings])).toEqual([
      ['2026-09-03', ['morning', 'afternoon'], 3],
    ]);
  });

  it('corrects a finding by revoking its record with the reason, audited, and keeps it on the sheet', async () => {
    const sup = s.as('supervisor');
    const before = await sup.patrols.sheet({ date: '2026-09-03' });
    const wrong = before!.findings.find((f) => f.clause === 'C4')!;
    await expect(sup.patrols.revokeFinding({ id: wrong.id, reason: '' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const audits = await countAudit(s.t.db);
    await sup.patrols.revokeFinding({ id: wrong.id, reason: '认错人，实为邻窗人员' });
    expect(await countAudit(s.t.db)).toBeGreaterThan(audits);
    const after = await sup.patrols.sheet({ date: '2026-09-03' });
    expect(after!.findings).toHaveLength(3);
    expect(after!.findings.find((f) => f.id === wrong.id)).toMatchObject({
      status: 'revoked',
      revokeReason: '认错人，实为邻窗人员',
    });
    const records = await listRecords(s.t.db, {
      centerId: s.f.centerId,
      from: '2026-09-03',
      to: '2026-09-03',
    });
    expect(records.find((r) => r.id === wrong.recordId)).toMatchObject({ status: 'revoked' });
    // the sheet in force (patrols.list, and so the printed 巡查值班记录表) no longer carries it
    const inForce = await sup.patrols.list({ from: '2026-09-03', to: '2026-09-03' });
    expect(inForce.flatMap((p) => p.findings.map((f) => f.clause)).sort()).toEqual(['F6', 'F8']);
    await expect(sup.patrols.revokeFinding({ id: wrong.id, reason: '再撤一次' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('files the signed paper copy, and a change to the sheet afterwards marks it not filed', async () => {
    const sup = s.as('supervisor');
    const filed = await sup.patrols.file({ date: '2026-09-03' });
    expect(filed.filedAt).not.toBeNull();
    expect(filed.filedByName).toBe(s.users.supervisor.displayName);
    await expect(sup.patrols.file({ date: '2026-09-03' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(sup.patrols.file({ date: '2026-09-04' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await sup.patrols.create({
      date: '2026-09-03',
      session: 'afternoon',
      dutyLeader: '孙副主任',
      inspectors: '吴科长、郑干事',
      findings: [],
    });
    const day = await sup.patrols.sheet({ date: '2026-09-03' });
    expect(day!.sheet).toMatchObject({ dutyLeader: '孙副主任', filedAt: null });
  });

  it('opens a past day’s sheet, answers null for a day without one and refuses a future day', async () => {
    const sup = s.as('supervisor');
    expect(await sup.patrols.sheet({ date: '2026-09-05' })).toBeNull();
    await expect(sup.patrols.sheet({ date: '2099-01-01' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
