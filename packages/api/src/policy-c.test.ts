import { TEST_DIALECTS } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApi, type TApiSetup } from './testing/api-test-setup.ts';

/**
 * Policy C (规范化服务通知) and the guards' fine: the uniform rule recorded from the forms and counted in
 * the month, the complaint ladder with its complaints, the internal channel, F10 from the patrol form.
 */
describe.each(TEST_DIALECTS)('policy C, F10 and the internal channel on %s', (dialect) => {
  let s: TApiSetup;
  let guard: number;
  beforeAll(async () => {
    s = await setupApi(dialect);
    const created = await s.as('admin').org.createStaff({
      name: '周强',
      unitId: null,
      windowId: null,
      post: 'security',
      abRole: null,
      from: '2026-01-01',
    });
    guard = created.id;
  });
  afterAll(async () => {
    await s?.t.destroy();
  });

  const patrol = (date: string, session: 'morning' | 'afternoon', findings: object[]) =>
    s.as('supervisor').patrols.create({
      date,
      session,
      dutyLeader: '值日领导',
      inspectors: '巡查员',
      findings: findings as never,
    });

  it('规范化服务通知 三(二)1 不着工作服: U1 is recorded from the entry form and the patrol form, 10 yuan a time', async () => {
    const wang = s.f.staff[2]!.id;
    const typed = await s
      .as('supervisor')
      .records.create({ staffId: wang, item: 'U1', date: '2026-10-09', note: '未着工作服' });
    expect(typed).toMatchObject({ item: 'U1', scheme: 'fine', status: 'active' });
    const found = await patrol('2026-10-12', 'morning', [
      { clause: 'U1', finding: '未着工作服', staffId: wang },
    ]);
    expect(found.findings).toHaveLength(1);
    const list = await s.as('leader').records.list({ staffId: wang });
    expect(list.filter((r) => r.item === 'U1').map((r) => r.fine)).toEqual([10, 10]);
  });

  it('规范化服务通知 三(二)1 罚款直接从当月工资中扣除: the month’s summary counts the uniform fines', async () => {
    const october = await s.as('supervisor').fines.monthly({ year: 2026, month: 10 });
    const wang = october.staff.find((r) => r.staffId === s.f.staff[2]!.id);
    expect(wang?.lines).toContainEqual({
      item: 'U1',
      count: 2,
      amount: 20,
      dates: ['2026-10-09', '2026-10-12'],
    });
    expect(october.uniform?.confiscations).toEqual([]);
  });

  it('规范化服务通知 三(二)1 一个月连续违反3次及以上者，没收工作服: the third time in the month confiscates', async () => {
    const wang = s.f.staff[2]!.id;
    await patrol('2026-10-14', 'afternoon', [{ clause: 'U1', finding: '未着工作服', staffId: wang }]);
    const october = await s.as('supervisor').fines.monthly({ year: 2026, month: 10 });
    expect(october.uniform).toMatchObject({ item: 'U1', confiscateAt: 3, requiresConsecutive: false });
    expect(october.uniform?.confiscations).toEqual([
      expect.objectContaining({ staffId: wang, staffName: '王五', count: 3, fine: 30 }),
    ]);
    expect(october.staff.find((r) => r.staffId === wang)?.total).toBe(30);
  });

  it('处罚办法 一、10 一次处罚值日保安人员5元: F10 is recorded from the patrol form against a guard, refused for a clerk', async () => {
    const staff = await s.as('supervisor').org.staff();
    expect(staff.find((p) => p.id === guard)).toMatchObject({ name: '周强', post: 'security' });
    const found = await patrol('2026-11-02', 'morning', [
      { clause: 'F10', finding: '大门口抽烟', staffId: guard },
    ]);
    expect(found.findings[0]).toMatchObject({ scheme: 'fine' });
    const november = await s.as('supervisor').fines.monthly({ year: 2026, month: 11 });
    expect(november.staff.find((r) => r.staffId === guard)?.lines).toEqual([
      { item: 'F10', count: 1, amount: 5, dates: ['2026-11-02'] },
    ]);
    await expect(
      patrol('2026-11-02', 'afternoon', [{ clause: 'F10', finding: '车辆乱停', staffId: s.f.staff[1]!.id }]),
    ).rejects.toThrow('只适用于保安人员');
  });

  it('规范化服务通知 一(一) 内、外部投诉: a complaint from inside is taken, listed with its channel and counted on the ladder', async () => {
    const sup = s.as('supervisor');
    const zhao = s.f.staff[3]!.id;
    const internal = await sup.complaints.create({
      channel: 'internal',
      date: '2026-06-03',
      staffId: zhao,
      content: '后台反映：材料流转拖拉三天',
    });
    expect(internal.channel).toBe('internal');
    await sup.complaints.verify({ id: internal.id, isValid: true, cause: 'procrastination' });
    const external = await sup.complaints.create({
      channel: 'hotline12345',
      date: '2026-08-20',
      staffId: zhao,
      content: '咨询无人答复',
    });
    await sup.complaints.verify({ id: external.id, isValid: true, cause: 'responsibility' });
    const listed = await sup.complaints.list({ staffId: zhao });
    expect(listed.find((c) => c.id === internal.id)?.channel).toBe('internal');

    const ladder = await sup.complaints.ladder({ year: 2026 });
    expect(ladder.clause).toBe('规范化服务通知 一(一)');
    expect(ladder.text).toContain('内、外部投诉一次，扣除工资100元');
    const row = ladder.rows.find((r) => r.staffId === zhao);
    expect(row?.steps.map((step) => [step.count, step.complaint?.id, step.complaint?.channel])).toEqual([
      [1, internal.id, 'internal'],
      [2, external.id, 'hotline12345'],
    ]);
    expect(row?.current).toMatchObject({ standDownDays: 7, forfeitsMonthlyBonus: true });
  });

  it('refuses an unknown channel naming the field', async () => {
    await expect(
      s.as('supervisor').complaints.create({
        channel: 'gossip' as never,
        date: '2026-06-03',
        staffId: s.f.staff[3]!.id,
        content: '……',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
