import { countAudit, insertUser, listAudit, TEST_DIALECTS } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupApi, type TApiSetup } from './testing/api-test-setup.ts';

describe.each(TEST_DIALECTS)('fines sign-off on %s', (dialect) => {
  let s: TApiSetup;
  let deputy: TApiSetup['users']['leader'];
  beforeAll(async () => {
    s = await setupApi(dialect);
    deputy = await insertUser(s.t.db, {
      centerId: s.f.centerId,
      username: 'deputy',
      passwordHash: 'x',
      role: 'leader',
      staffId: null,
      displayName: '分管领导周副主任',
      signoffPosition: 'deputy',
    });
    // each test reads its own month: September (signing), August (signed, then changed), July
    // (two centers)
    const sup = s.as('supervisor');
    const zhao = s.f.staff[3]!.id;
    for (const month of ['09', '08', '07'])
      for (const day of ['02', '09', '16'])
        await sup.records.create({ staffId: zhao, item: 'F8', date: `2026-${month}-${day}` });
    const otherSupervisor = await insertUser(s.t.db, {
      centerId: s.f.otherCenterId,
      username: 'other_supervisor',
      passwordHash: 'x',
      role: 'supervisor',
      staffId: null,
      displayName: '另一中心审管科',
    });
    await s
      .asUser(otherSupervisor)
      .records.create({ staffId: s.f.otherStaff.id, item: 'F8', date: '2026-07-02' });
  });
  afterAll(async () => {
    await s?.t.destroy();
  });

  it('signs a month line by line: 审管科 first, then each leader the line of the position on their account', async () => {
    const zhao = s.f.staff[3]!.id;
    const before = await s.as('supervisor').fines.monthly({ year: 2026, month: 9 });
    expect(before.signOff).toEqual({
      state: 'unsigned',
      signatures: [],
      pending: ['supervision', 'deputy', 'principal'],
      isChangedSinceSigned: false,
    });
    expect(before.staff.find((x) => x.staffId === zhao)?.total).toBe(30);
    expect(before.reportToUnit.map((r) => r.staffId)).toEqual([zhao]);

    // leaders sign what 审管科 compiled: not before
    const audits = await countAudit(s.t.db);
    await expect(s.as('leader').fines.signOff({ year: 2026, month: 9 })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('审管科'),
    });
    expect(await countAudit(s.t.db)).toBe(audits);

    const afterSupervision = await s.as('supervisor').fines.signOff({ year: 2026, month: 9 });
    expect(afterSupervision.state).toBe('partial');
    expect(afterSupervision.signatures).toEqual([
      { role: 'supervision', userName: 'supervisor', signedAt: expect.any(String) },
    ]);
    // a line is signed once; 审管科 does not sign for a leader
    await expect(s.as('supervisor').fines.signOff({ year: 2026, month: 9 })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(
      s.as('supervisor').fines.signOff({ year: 2026, month: 9, line: 'deputy' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // the line follows the position on the account: the deputy cannot sign the principal's line
    await expect(
      s.asUser(deputy).fines.signOff({ year: 2026, month: 9, line: 'principal' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('只能签署分管领导一栏') });
    // without a line, the 中心主任 (principal) gets the principal line, not the first open one
    const principal = await s.as('leader').fines.signOff({ year: 2026, month: 9 });
    expect(principal.signatures.map((x) => x.role)).toEqual(['supervision', 'principal']);
    await expect(
      s.as('leader').fines.signOff({ year: 2026, month: 9, line: 'deputy' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('不能代签分管领导') });
    // a leader whose account has no position signs no line
    const unplaced = await insertUser(s.t.db, {
      centerId: s.f.centerId,
      username: 'unplaced',
      passwordHash: 'x',
      role: 'leader',
      staffId: null,
      displayName: '未设职务',
    });
    await expect(s.asUser(unplaced).fines.signOff({ year: 2026, month: 9 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('未设置领导职务'),
    });
    // the administrator sets positions, on leaders' accounts only
    expect(
      (await s.as('admin').users.update({ id: unplaced.id, signoffPosition: 'deputy' })).signoffPosition,
    ).toBe('deputy');
    await expect(
      s.as('admin').users.update({ id: s.users.supervisor.id, signoffPosition: 'deputy' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    const done = await s.asUser(deputy).fines.signOff({ year: 2026, month: 9 });
    expect(done).toMatchObject({ state: 'signed', pending: [] });
    expect(done.signatures.map((x) => [x.role, x.userName])).toEqual([
      ['supervision', 'supervisor'],
      ['principal', 'leader'],
      ['deputy', '分管领导周副主任'],
    ]);
    await expect(s.asUser(deputy).fines.signOff({ year: 2026, month: 9 })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const entries = await listAudit(s.t.db, {
      centerId: s.f.centerId,
      entity: 'fineSignOff',
      entityId: '2026-09',
    });
    expect(entries.map((e) => (e.after as { line: string }).line).sort()).toEqual([
      'deputy',
      'principal',
      'supervision',
    ]);
  });

  it('keeps a signed month’s summary as signed and says when the records changed since', async () => {
    const zhao = s.f.staff[3]!.id;
    await s.as('supervisor').fines.signOff({ year: 2026, month: 8 });
    await s.as('leader').fines.signOff({ year: 2026, month: 8 });
    await s.asUser(deputy).fines.signOff({ year: 2026, month: 8 });
    const signed = await s.as('leader').fines.monthly({ year: 2026, month: 8 });
    expect(signed.signOff).toMatchObject({ state: 'signed', isChangedSinceSigned: false });
    expect(signed.staff.find((x) => x.staffId === zhao)?.total).toBe(30);
    await s.as('supervisor').records.create({
      staffId: zhao,
      item: 'F2',
      date: '2026-08-20',
      correctionReason: '巡查记录补录',
    });
    const later = await s.as('leader').fines.monthly({ year: 2026, month: 8 });
    expect(later.signOff).toMatchObject({ state: 'signed', isChangedSinceSigned: true });
    expect(later.staff).toEqual(signed.staff);
    expect(later.staff.find((x) => x.staffId === zhao)?.total).toBe(30);
    expect(later.policy).toEqual(signed.policy);
  });

  it('refuses a month that has not ended and writes nothing', async () => {
    const audits = await countAudit(s.t.db);
    await expect(s.as('supervisor').fines.signOff({ year: 2026, month: 11 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('尚未结束'),
    });
    await expect(s.as('supervisor').fines.signOff({ year: 2026, month: 13 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await countAudit(s.t.db)).toBe(audits);
    expect((await s.as('supervisor').fines.monthly({ year: 2026, month: 10 })).signOff.state).toBe(
      'unsigned',
    );
  });

  it('keeps each center’s sign-off and fines to itself', async () => {
    const zhao = s.f.staff[3]!.id;
    await s.as('supervisor').fines.signOff({ year: 2026, month: 7 });
    const own = await s.as('leader').fines.monthly({ year: 2026, month: 7 });
    expect(own.signOff.state).toBe('partial');
    expect(own.staff.map((x) => x.staffId)).toEqual([zhao]);
    const other = await s.asUser(s.otherLeader).fines.monthly({ year: 2026, month: 7 });
    expect(other.signOff.state).toBe('unsigned');
    expect(other.staff.map((x) => x.staffId)).toEqual([s.f.otherStaff.id]);
  });
});
