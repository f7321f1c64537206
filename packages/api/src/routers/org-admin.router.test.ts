import { countAudit, listAudit, TEST_DIALECTS } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApi, type TApiSetup, TODAY } from '../testing/api-test-setup.ts';

/** Units, windows, matters and people kept from the dashboard: edited, disabled with a reason, never deleted. */
describe.each(TEST_DIALECTS)('people and places on %s', (dialect) => {
  let s: TApiSetup;
  beforeAll(async () => {
    s = await setupApi(dialect);
  });
  afterAll(async () => {
    await s?.t.destroy();
  });
  const actions = async (entity: string, id: number) =>
    (await listAudit(s.t.db, { centerId: s.f.centerId, entity, entityId: String(id) }))
      .map((a) => a.action)
      .reverse();

  it('renames a unit, disables it with a reason only once its windows are closed, and enables it again', async () => {
    const admin = s.as('admin');
    const unit = await admin.org.createUnit({ name: '市场监管局' });
    await expect(admin.org.createUnit({ name: '市场监管局' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: '单位名称「市场监管局」已存在',
    });
    await expect(admin.org.updateUnit({ id: unit.id, name: '  ' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('请填写单位名称'),
    });
    const renamed = await admin.org.updateUnit({ id: unit.id, name: '市场监督管理局' });
    expect(renamed).toMatchObject({ name: '市场监督管理局', isActive: true });

    const w = await admin.org.createWindow({ unitId: unit.id, code: 'SJ1', name: '市场监管1号窗口' });
    await expect(
      admin.org.setUnitActive({ id: unit.id, isActive: false, reason: '机构改革并入' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('市场监管1号窗口') });
    await expect(admin.org.setUnitActive({ id: unit.id, isActive: false, reason: '' })).rejects.toMatchObject(
      {
        code: 'BAD_REQUEST',
        message: expect.stringContaining('请填写原因'),
      },
    );
    await admin.org.setWindowActive({ id: w.id, isActive: false, reason: '机构改革并入' });
    const off = await admin.org.setUnitActive({ id: unit.id, isActive: false, reason: '机构改革并入' });
    expect(off).toMatchObject({ isActive: false, inactiveReason: '机构改革并入' });
    // never deleted: still listed, marked
    expect((await s.as('leader').org.units()).find((u) => u.id === unit.id)).toMatchObject({
      isActive: false,
    });
    // a disabled unit takes no new window
    await expect(
      admin.org.createWindow({ unitId: unit.id, code: 'SJ2', name: '市场监管2号窗口' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: '单位：市场监督管理局 已停用，请先恢复' });
    const on = await admin.org.setUnitActive({ id: unit.id, isActive: true, reason: '恢复设立' });
    expect(on).toMatchObject({ isActive: true, inactiveReason: null });
    expect(await actions('unit', unit.id)).toEqual(['create', 'update', 'disable', 'enable']);
  });

  it('edits a window; refuses to close it while someone serves there, until that person is moved', async () => {
    const admin = s.as('admin');
    const [w1, w2] = s.f.windowIds;
    await expect(admin.org.updateWindow({ id: w2!, code: 'W01' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: '窗口编号 W01 已存在',
    });
    await expect(admin.org.updateWindow({ id: w2!, code: '二号' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('窗口编号为1–20位字母、数字或 _ -'),
    });
    const edited = await admin.org.updateWindow({ id: w2!, name: '不动产登记二号窗口' });
    expect(edited).toMatchObject({ code: 'W02', name: '不动产登记二号窗口' });

    const before = await countAudit(s.t.db);
    await expect(
      admin.org.setWindowActive({ id: w2!, isActive: false, reason: '窗口撤并' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/2 名在岗人员（王五、赵六）/),
    });
    expect(await countAudit(s.t.db)).toBe(before);

    for (const p of [s.f.staff[2]!, s.f.staff[3]!])
      await admin.org.assignStaff({ staffId: p.id, windowId: w1!, from: '2026-11-20', reason: '窗口撤并' });
    const closed = await admin.org.setWindowActive({ id: w2!, isActive: false, reason: '窗口撤并' });
    expect(closed).toMatchObject({ isActive: false, inactiveReason: '窗口撤并' });
    // nobody new at a closed window, by a new entry or by a move
    await expect(
      admin.org.createStaff({
        name: '孙八',
        unitId: s.f.unitId,
        windowId: w2!,
        post: 'front',
        abRole: null,
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: '窗口：不动产登记二号窗口 已停用，请先恢复' });
    await admin.org.setWindowActive({ id: w2!, isActive: true, reason: '重新启用' });
    expect(await actions('window', w2!)).toEqual(['update', 'disable', 'enable']);
  });

  it('enters a person with a 工号 unique in the center, and disables them with a reason (never deleted)', async () => {
    const admin = s.as('admin');
    const [w1] = s.f.windowIds;
    const p = await admin.org.createStaff({
      name: '孙八',
      staffNo: 'BDC-008',
      unitId: s.f.unitId,
      windowId: w1!,
      post: 'back',
      abRole: null,
      from: '2026-11-02',
    });
    expect(p).toMatchObject({ staffNo: 'BDC-008', post: 'back', isActive: true });
    await expect(
      admin.org.createStaff({
        name: '周九',
        staffNo: 'BDC-008',
        unitId: null,
        windowId: null,
        post: 'front',
        abRole: null,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: '工号 BDC-008 已由 孙八 使用' });
    await expect(
      admin.org.createStaff({
        name: '周九',
        staffNo: '八号',
        unitId: null,
        windowId: null,
        post: 'front',
        abRole: null,
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('工号为1–20位') });
    await expect(
      admin.org.createStaff({ name: '', unitId: null, windowId: null, post: 'front', abRole: null }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('请填写姓名') });
    const renamed = await admin.org.updateStaff({ id: p.id, staffNo: 'BDC-018' });
    expect(renamed.staffNo).toBe('BDC-018');

    // disabling without a reason is refused; with one, the assignment ends today and the history stays
    await expect(admin.org.updateStaff({ id: p.id, isActive: false })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('停用或恢复人员须填写原因'),
    });
    const off = await admin.org.setStaffActive({ id: p.id, isActive: false, reason: '调离本中心' });
    expect(off).toMatchObject({ isActive: false, inactiveReason: '调离本中心' });
    expect((await admin.org.staff()).map((x) => x.id)).not.toContain(p.id);
    expect((await admin.org.staff({ includeInactive: true })).map((x) => x.id)).toContain(p.id);
    const history = await s.as('leader').org.assignments({ staffId: p.id });
    expect(history.map((a) => [a.windowId, a.from, a.to])).toEqual([[w1, '2026-11-02', TODAY]]);
    // the day they leave is theirs: enabling again waits for the next day, nothing past rewritten
    await expect(
      admin.org.setStaffActive({ id: p.id, isActive: true, reason: '返岗' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await actions('staff', p.id)).toEqual(['create', 'update', 'disable']);
  });

  it('lets leaders look and move people, but only the administrator edits', async () => {
    const leader = s.as('leader');
    expect((await leader.org.units()).length).toBeGreaterThan(0);
    expect((await leader.org.windows()).length).toBeGreaterThan(0);
    await expect(leader.org.createUnit({ name: '某局' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      leader.org.setWindowActive({ id: s.f.windowIds[0]!, isActive: false, reason: '测试停用' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // another center's unit does not exist for this administrator
    const other = (await s.asUser(s.otherLeader).org.units())[0]!;
    await expect(s.as('admin').org.updateUnit({ id: other.id, name: '改名' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('keeps the matter catalog from the administrator: a type, promised days and departments; withdrawn and taken back', async () => {
    const admin = s.as('admin');
    const m = await admin.cases.matters.create({
      unitId: s.f.unitId,
      name: '不动产抵押登记',
      type: 'joint',
      promisedDays: 5,
      leadDepartment: '不动产登记中心',
      relatedDepartments: ['税务局'],
    });
    expect(m).toMatchObject({ type: 'joint', promisedDays: 5, relatedDepartments: ['税务局'] });
    await expect(
      admin.cases.matters.update({ id: m.id, type: 'immediate', promisedDays: 3 }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('即办件') });
    await admin.cases.matters.revoke({ id: m.id, reason: '事项取消' });
    const back = await admin.cases.matters.reinstate({ id: m.id, reason: '事项恢复办理' });
    expect(back).toMatchObject({ isActive: true, revokeReason: null });
    await expect(admin.cases.matters.reinstate({ id: m.id, reason: '再次恢复' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await actions('matter', m.id)).toEqual(['create', 'revoke', 'reinstate']);
    await expect(
      s.as('head').cases.matters.reinstate({ id: m.id, reason: '事项恢复办理' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
