import { countAudit, countRecords, insertUser, TEST_DIALECTS } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApi, type TApiSetup } from './testing/api-test-setup.ts';

describe.each(TEST_DIALECTS)('routers on %s', (dialect) => {
  let s: TApiSetup;
  beforeAll(async () => {
    s = await setupApi(dialect);
  });
  afterAll(async () => {
    await s?.t.destroy();
  });

  it('records.create validates against the policy and records.revoke keeps the row with its reason', async () => {
    const sup = s.as('supervisor');
    const r = await sup.records.create({
      staffId: s.f.staff[0]!.id,
      item: 'A4',
      qty: 1,
      aggravated: true,
      date: '2026-07-03',
    });
    expect(r).toMatchObject({
      scheme: 'points',
      item: 'A4',
      aggravated: true,
      status: 'active',
      source: 'manual',
    });
    const fine = await sup.records.create({ staffId: s.f.staff[0]!.id, item: 'F8', date: '2026-07-04' });
    expect(fine.scheme).toBe('fine');
    await expect(
      sup.records.create({ staffId: s.f.staff[0]!.id, item: 'D2', date: '2026-07-05' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(
      sup.records.create({ staffId: s.f.staff[0]!.id, item: 'D2', level: 'galactic', date: '2026-07-05' }),
    ).rejects.toThrow(/级别/);
    await expect(
      sup.records.create({ staffId: s.f.staff[0]!.id, item: 'A1', aggravated: true, date: '2026-07-05' }),
    ).rejects.toThrow(/情节严重/);
    await expect(
      sup.records.create({ staffId: s.f.staff[0]!.id, item: 'C7', date: '2026-07-05' }),
    ).rejects.toThrow(/互评/);
    const revoked = await sup.records.revoke({ id: r.id, reason: '当事人申辩成立' });
    expect(revoked).toMatchObject({ status: 'revoked', revokeReason: '当事人申辩成立' });
    await expect(sup.records.revoke({ id: r.id, reason: '再撤一次' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const audit = await s.as('leader').audit.list({ entity: 'record', entityId: String(r.id) });
    expect(audit.map((a) => a.action)).toEqual(['revoke', 'create']);
  });

  it('records.list shows staff only their own records and heads only their window', async () => {
    const [zhang, li, wang] = s.f.staff;
    const sup = s.as('supervisor');
    await sup.records.create({ staffId: wang!.id, item: 'C4', date: '2026-08-03' });
    await sup.records.create({ staffId: li!.id, item: 'C4', date: '2026-08-03' });
    const mine = await s.as('staff').records.list();
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.staffId === li!.id)).toBe(true);
    const head = await s.as('head').records.list();
    expect(head.some((r) => r.staffId === li!.id)).toBe(true);
    expect(head.some((r) => r.staffId === wang!.id)).toBe(false);
    await expect(s.as('staff').records.list({ staffId: zhang!.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('complaints.verify as valid with cause attitude creates the linked A3 record', async () => {
    const sup = s.as('supervisor');
    const c = await sup.complaints.create({
      channel: 'hotline12345',
      date: '2026-08-15',
      staffId: s.f.staff[2]!.id,
      content: '工作人员态度生硬',
    });
    expect(c.windowId).toBe(s.f.windowIds[1]);
    const v = await sup.complaints.verify({ id: c.id, isValid: true, cause: 'attitude' });
    expect(v.isValid).toBe(true);
    expect(v.recordId).not.toBeNull();
    const records = await s.as('leader').records.list({ staffId: s.f.staff[2]!.id });
    expect(records.find((r) => r.id === v.recordId)).toMatchObject({
      item: 'A3',
      source: 'complaint',
      sourceId: c.id,
    });
    await expect(sup.complaints.verify({ id: c.id, isValid: false })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const q3 = await s.as('leader').assessment.draft({ year: 2026, quarter: 3 });
    expect(q3.results.find((r) => r.staffId === s.f.staff[2]!.id)?.vetoed).toBe(true);
  });

  it('complaints.ladder counts valid complaints of the counted causes per person (policy C)', async () => {
    const sup = s.as('supervisor');
    for (const [date, cause] of [
      ['2026-03-02', 'procrastination'],
      ['2026-04-07', 'responsibility'],
      ['2026-05-11', 'other'],
    ] as const) {
      const c = await sup.complaints.create({
        channel: 'phone',
        date,
        staffId: s.f.staff[3]!.id,
        content: '办件拖拉',
      });
      await sup.complaints.verify({ id: c.id, isValid: true, cause });
    }
    const ladder = await sup.complaints.ladder({ year: 2026 });
    const zhao = ladder.rows.find((r) => r.staffId === s.f.staff[3]!.id);
    expect(zhao).toMatchObject({ staffName: '赵六', count: 2 });
    expect(zhao?.current.count).toBe(2);
  });

  it('peerRatings.submit refuses self-ratings and duplicates and writes nothing then', async () => {
    const me = s.as('staff');
    const [zhang, li, wang] = s.f.staff;
    await me.peerRatings.submit({ year: 2026, quarter: 3, ratings: [{ rateeId: zhang!.id, tier: 'good' }] });
    const before = await countAudit(s.t.db);
    await expect(
      me.peerRatings.submit({
        year: 2026,
        quarter: 3,
        ratings: [
          { rateeId: wang!.id, tier: 'good' },
          { rateeId: zhang!.id, tier: 'poor' },
        ],
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      me.peerRatings.submit({ year: 2026, quarter: 3, ratings: [{ rateeId: li!.id, tier: 'good' }] }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await countAudit(s.t.db)).toBe(before);
    expect(await me.peerRatings.mine({ year: 2026, quarter: 3 })).toHaveLength(1);
  });

  it('patrols.create turns findings into records and fines linked to the patrol', async () => {
    const p = await s.as('supervisor').patrols.create({
      date: '2026-09-02',
      session: 'morning',
      dutyLeader: '周主任',
      inspectors: '吴科长, 郑干事',
      findings: [
        { clause: 'C4', finding: '迟到10分钟', staffId: s.f.staff[3]!.id },
        { clause: 'F6', finding: '窗口摆放电饭煲', staffId: s.f.staff[3]!.id },
      ],
    });
    expect(p.findings.map((x) => x.scheme)).toEqual(['points', 'fine']);
    const list = await s.as('supervisor').patrols.list({ from: '2026-09-01', to: '2026-09-30' });
    expect(list[0]?.findings.map((x) => x.recordId)).toEqual(p.findings.map((x) => x.recordId));
  });

  it('awards.grant refuses the monthly red flag to a window with an F5 exposure that month', async () => {
    const sup = s.as('supervisor');
    await sup.records.create({
      staffId: s.f.staff[0]!.id,
      item: 'F5',
      date: '2026-06-10',
      note: '电视台曝光',
    });
    await expect(
      sup.awards.grant({ windowId: s.f.windowIds[0], kind: 'redFlagMonthly', year: 2026, month: 6 }),
    ).rejects.toThrow(/F5/);
    const ok = await sup.awards.grant({
      windowId: s.f.windowIds[1],
      kind: 'redFlagMonthly',
      year: 2026,
      month: 6,
    });
    expect(ok.recordId).not.toBeNull();
    await expect(
      sup.awards.grant({ windowId: s.f.windowIds[1], kind: 'redFlagMonthly', year: 2026, month: 6 }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(
      sup.awards.grant({ windowId: s.f.windowIds[1], kind: 'redFlagMonthly', year: 2026, month: 12 }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    // D6 monthly applies +2 to every person of window 2 in Q2
    const q2 = await s.as('leader').assessment.draft({ year: 2026, quarter: 2 });
    expect(q2.results.find((r) => r.staffId === s.f.staff[3]!.id)?.bonus).toBe(2);
  });

  it('assessment.publish freezes a quarter; a change needs a correction reason; a correction is a new revision', async () => {
    const leader = s.as('leader');
    const published = await leader.assessment.publish({ year: 2026, quarter: 1 });
    expect(published).toMatchObject({ status: 'published', revision: 1 });
    await expect(leader.assessment.publish({ year: 2026, quarter: 1 })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    await expect(leader.assessment.publish({ year: 2026, quarter: 4 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const zhang = s.f.staff[0]!.id;
    const records = await countRecords(s.t.db);
    await expect(
      s.as('supervisor').records.create({ staffId: zhang, item: 'C4', date: '2026-02-10' }),
    ).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    expect(await countRecords(s.t.db)).toBe(records);
    await s.as('supervisor').records.create({
      staffId: zhang,
      item: 'C4',
      qty: 3,
      date: '2026-02-10',
      correctionReason: '漏录考勤',
    });
    // the published quarter does not move
    const view = await leader.assessment.quarter({ year: 2026, quarter: 1 });
    expect(view.results.find((r) => r.staffId === zhang)?.total).toBe(100);
    const corrected = await leader.assessment.correct({ year: 2026, quarter: 1, reason: '补录2月考勤记录' });
    expect(corrected).toMatchObject({ revision: 2, reason: '补录2月考勤记录' });
    expect(corrected.results.find((r) => r.staffId === zhang)?.total).toBe(97);
    const revisions = await leader.assessment.revisions({ year: 2026, quarter: 1 });
    expect(revisions.map((r) => r.results.find((x) => x.staffId === zhang)?.total)).toEqual([100, 97]);
    const staffView = await s.as('staff').assessment.quarter({ year: 2026, quarter: 1 });
    expect(staffView.results.map((r) => r.staffId)).toEqual([s.f.staff[1]!.id]);
  });

  it('assessment.yearEnd and cadreCandidates run over the year', async () => {
    const y = await s.as('leader').assessment.yearEnd({ year: 2026 });
    expect(y.results.length).toBe(4);
    expect(y.isProvisional).toBe(true);
    const c = await s.as('leader').assessment.cadreCandidates({ year: 2025 });
    expect(Array.isArray(c)).toBe(true);
  });

  it('fines.monthly sums the month’s fines per person', async () => {
    // February is this test's own month: no other test of the suite records anything in it
    const sup = s.as('supervisor');
    await sup.records.create({ staffId: s.f.staff[3]!.id, item: 'F6', date: '2026-02-12' });
    await sup.records.create({ staffId: s.f.staff[3]!.id, item: 'F6', date: '2026-02-19' });
    const m = await sup.fines.monthly({ year: 2026, month: 2 });
    expect(m.staff.map((x) => [x.staffName, x.total])).toEqual([['赵六', 20]]);
  });

  it('assessment.quarter shows a head only the people of their window, with the center’s ranks', async () => {
    const all = await s.as('leader').assessment.quarter({ year: 2026, quarter: 3 });
    const head = await s.as('head').assessment.quarter({ year: 2026, quarter: 3 });
    const window1 = all.results.filter((r) => r.windowId === s.f.windowIds[0]);
    expect(head.results).toEqual(window1);
    expect(head.results.length).toBe(2);
  });

  it('org.createCenter (a platform administrator) stores the default policies and the new center’s first administrator', async () => {
    const platform = await insertUser(s.t.db, {
      centerId: s.f.centerId,
      username: 'platform',
      passwordHash: 'x',
      role: 'admin',
      staffId: null,
      displayName: '平台管理员',
      isPlatformAdmin: true,
    });
    expect((await s.asUser(platform).org.centers()).length).toBe(2);
    const center = await s.asUser(platform).org.createCenter({
      code: 'NEW1',
      name: '新区政务服务中心',
      city: '测试市',
      firstAdmin: { username: 'newadmin', password: 'long-enough', displayName: '新区管理员' },
    });
    const admin = await s.t.db
      .selectFrom('users')
      .select(['center_id', 'role', 'must_change_password'])
      .where('username', '=', 'newadmin')
      .executeTakeFirst();
    expect(admin).toEqual({ center_id: center.id, role: 'admin', must_change_password: 1 });
    const policies = await s.t.db
      .selectFrom('policies')
      .select('code')
      .where('center_id', '=', center.id)
      .orderBy('code')
      .execute();
    expect(policies.map((p) => p.code)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('a leader of another center sees none of this center', async () => {
    const other = s.asUser(s.otherLeader);
    expect(await other.records.list()).toEqual([]);
    await expect(other.records.list({ staffId: s.f.staff[0]!.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const q = await other.assessment.quarter({ year: 2026, quarter: 3 });
    expect(q.results.map((r) => r.staffName)).toEqual(['钱七']);
    await expect(
      other.analytics.windowEfficiency({ year: 2026, windowId: s.f.windowIds[0] }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
