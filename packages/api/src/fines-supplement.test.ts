import { bulletinSheets } from '@chuangkou/bulletin';
import { countAudit, insertUser, TEST_DIALECTS, type TUser } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centerBulletinOf } from './services/bulletin.service.ts';
import { setupApi, type TApiSetup, TODAY } from './testing/api-test-setup.ts';

/** domain.md "Time": a signed month that changes afterwards gets a supplement (补充汇总), signed on the same lines. */
describe.each(TEST_DIALECTS)('changes after signing on %s', (dialect) => {
  let s: TApiSetup;
  let principal: TUser;
  const october = { year: 2026, month: 10 };
  beforeAll(async () => {
    s = await setupApi(dialect);
    principal = await insertUser(s.t.db, {
      centerId: s.f.centerId,
      username: 'principal',
      passwordHash: 'x',
      role: 'leader',
      staffId: null,
      displayName: '主要领导周主任',
      signoffPosition: 'principal',
    });
    // the set-up's leader signs as 分管领导 here, the line of the position on the account
    const deputy = await s.as('admin').users.update({ id: s.users.leader.id, signoffPosition: 'deputy' });
    s.users.leader = { ...s.users.leader, signoffPosition: deputy.signoffPosition };
    const zhao = s.f.staff[3]!.id;
    for (const day of ['02', '09'])
      await s.as('supervisor').records.create({ staffId: zhao, item: 'F8', date: `2026-10-${day}` });
    await s.as('supervisor').fines.signOff(october);
    await s.as('leader').fines.signOff(october);
    await s.asUser(principal).fines.signOff(october);
  });
  afterAll(async () => {
    await s?.t.destroy();
  });

  it('a record in a signed month needs a reason, added or revoked; nothing is written without one', async () => {
    const wang = s.f.staff[2]!.id;
    const audits = await countAudit(s.t.db);
    const refusal = { message: expect.stringContaining('须填写原因') };
    await expect(
      s.as('supervisor').records.create({ staffId: wang, item: 'F2', date: '2026-10-20' }),
    ).rejects.toMatchObject(refusal);
    const [signedRecord] = await s.as('supervisor').records.list({ from: '2026-10-01', to: '2026-10-31' });
    await expect(
      s.as('supervisor').records.revoke({ id: signedRecord!.id, reason: '录入错误' }),
    ).rejects.toMatchObject(refusal);
    expect(await countAudit(s.t.db)).toBe(audits);
  });

  it('a new F2 ¥30 after all three signed forms a supplement with the change only, signed on the same three lines', async () => {
    const wang = s.f.staff[2]!.id;
    const first = await s.as('leader').fines.monthly(october);
    await s.as('supervisor').records.create({
      staffId: wang,
      item: 'F2',
      date: '2026-10-20',
      correctionReason: '巡查记录补录',
    });
    const changed = await s.as('leader').fines.monthly(october);
    expect(changed.signOff).toEqual({ ...first.signOff, isChangedSinceSigned: true });
    expect(changed.staff).toEqual(first.staff);
    expect(changed.pendingChanges).toEqual([
      expect.objectContaining({ staffId: wang, staffName: '王五', before: null, difference: 30 }),
    ]);

    // leaders sign after 审管科, as for the summary
    await expect(s.as('leader').fines.signOff(october)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('补充汇总尚未经审管科签字'),
    });
    expect(await s.as('supervisor').fines.signOff(october)).toMatchObject({
      supplement: 1,
      state: 'partial',
    });
    await s.as('leader').fines.signOff(october);
    expect(await s.asUser(principal).fines.signOff(october)).toMatchObject({
      supplement: 1,
      state: 'signed',
    });

    const after = await s.as('leader').fines.monthly(october);
    expect(after.signOff.signatures).toEqual(first.signOff.signatures);
    expect(after.pendingChanges).toEqual([]);
    expect(after.supplements).toHaveLength(1);
    expect(after.supplements[0]!.changes.map((c) => [c.staffName, c.difference])).toEqual([['王五', 30]]);
    expect(after.supplements[0]!.signOff.signatures.map((x) => x.userName)).toEqual([
      'supervisor',
      'leader',
      '主要领导周主任',
    ]);
    await expect(s.as('supervisor').fines.signOff(october)).rejects.toMatchObject({
      message: expect.stringContaining('签批后没有变动'),
    });
  });

  it('the printed sheet shows who signed and when, marks 签字后有变动, and prints the supplement', async () => {
    const bulletin = await centerBulletinOf(s.t.db, s.f.centerId, { kind: 'fines', ...october }, TODAY);
    const sheets = bulletinSheets(bulletin);
    expect(sheets.map((x) => x.name)).toEqual(['月度处罚汇总', '补充汇总1']);
    expect(sheets[0]!.title).toContain('签字后有变动');
    const lines = JSON.stringify(sheets[0]!.after);
    expect(lines).toContain('审管科（签字）：supervisor');
    expect(lines).toContain('主要领导（签字）：主要领导周主任');
    expect(lines).not.toContain('＿＿');
    expect(JSON.stringify(sheets[1]!.table)).toContain('王五');
  });

  it('an unsigned month prints 未签 on its lines, and a running month is a draft without lines', async () => {
    const sep = await centerBulletinOf(s.t.db, s.f.centerId, { kind: 'fines', year: 2026, month: 9 }, TODAY);
    expect(JSON.stringify(bulletinSheets(sep)[0]!.after)).toContain('审管科（签字）：未签');
    const nov = await centerBulletinOf(s.t.db, s.f.centerId, { kind: 'fines', year: 2026, month: 11 }, TODAY);
    const [sheet] = bulletinSheets(nov);
    expect(sheet!.title).toContain('征求意见稿');
    expect(JSON.stringify(sheet!.after)).not.toContain('签字');
  });
});
