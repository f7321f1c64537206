import { findSessionUser, insertUser, listAudit, TEST_DIALECTS, type TUser } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContextInner } from '../context.ts';
import { createCaller } from '../root.ts';
import { sessionIdOf, sessionTokenFromCookie } from '../services/auth.service.ts';
import { setupApi, type TApiSetup, TODAY } from '../testing/api-test-setup.ts';
import { refusal } from '../testing/case-test-setup.ts';

describe.each(TEST_DIALECTS)('accounts on %s', (dialect) => {
  let s: TApiSetup;
  let otherAdmin: TUser;
  /** Signs in as a person would: the cookie's session, its user as the server reads it. */
  const signIn = async (username: string, password: string) => {
    const headers: string[] = [];
    const anon = createCaller(createContextInner({ db: s.t.db, setHeader: (_k, v) => headers.push(v) }));
    const { user } = await anon.auth.login({ username, password });
    const sessionId = sessionIdOf(sessionTokenFromCookie(headers[0]!.split(';')[0])!);
    const found = (await findSessionUser(s.t.db, sessionId, new Date().toISOString()))!;
    return {
      user,
      caller: createCaller(createContextInner({ db: s.t.db, user: found, sessionId, today: () => TODAY })),
    };
  };
  beforeAll(async () => {
    s = await setupApi(dialect);
    otherAdmin = await insertUser(s.t.db, {
      centerId: s.f.otherCenterId,
      username: 't2.admin',
      passwordHash: 'x',
      role: 'admin',
      staffId: null,
      displayName: '另一中心管理员',
    });
  });
  afterAll(async () => {
    await s?.t.destroy();
  });

  it('creates an account with a one-time password shown once; the person must set their own (≥ 8) before anything else', async () => {
    const admin = s.as('admin');
    expect(await admin.users.usernamePrefix()).toBe('t1.');
    const wang = s.f.staff[2]!;
    const { user, oneTimePassword } = await admin.users.create({
      username: 't1.wang',
      role: 'staff',
      staffId: wang.id,
      displayName: wang.name,
    });
    expect(oneTimePassword).toMatch(/^[a-z2-9]{10}$/);
    expect(user).toMatchObject({ mustChangePassword: true, staffId: wang.id });
    expect(JSON.stringify(await admin.users.list())).not.toContain(oneTimePassword);

    const first = await signIn('t1.wang', oneTimePassword);
    expect(first.user.mustChangePassword).toBe(true);
    expect(await refusal(first.caller.peerRatings.mine({ year: 2026, quarter: 4 }))).toStrictEqual({
      code: 'FORBIDDEN',
      message: '请先修改初始密码（至少8位）',
    });
    expect(
      (await refusal(first.caller.auth.changePassword({ current: oneTimePassword, next: 'short' }))).message,
    ).toBe('next：新密码至少8位');
    expect(
      (await refusal(first.caller.auth.changePassword({ current: 'wrong-one', next: 'my-own-pass' })))
        .message,
    ).toBe('current：原密码不正确');
    const changed = await first.caller.auth.changePassword({ current: oneTimePassword, next: 'my-own-pass' });
    expect(changed.user.mustChangePassword).toBe(false);
    const again = await signIn('t1.wang', 'my-own-pass');
    expect(again.user.mustChangePassword).toBe(false);
    await expect(again.caller.peerRatings.mine({ year: 2026, quarter: 4 })).resolves.toBeDefined();
    await expect(signIn('t1.wang', oneTimePassword)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('resets a password (one-time again), disables and re-enables an account', async () => {
    const admin = s.as('admin');
    const { user } = await admin.users.create({
      username: 't1.zhao',
      role: 'supervisor',
      staffId: null,
      displayName: '赵审管',
    });
    const reset = await admin.users.resetPassword({ id: user.id });
    expect(reset.user.mustChangePassword).toBe(true);
    const { caller } = await signIn('t1.zhao', reset.oneTimePassword);
    await caller.auth.changePassword({ current: reset.oneTimePassword, next: 'zhao-secret-1' });
    await admin.users.setDisabled({ id: user.id, isDisabled: true });
    await expect(signIn('t1.zhao', 'zhao-secret-1')).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await admin.users.setDisabled({ id: user.id, isDisabled: false });
    await expect(signIn('t1.zhao', 'zhao-secret-1')).resolves.toBeDefined();
    const actions = (
      await listAudit(s.t.db, { centerId: s.f.centerId, entity: 'user', entityId: String(user.id) })
    ).map((e) => e.action);
    // newest first
    expect(actions).toStrictEqual(['enable', 'disable', 'changePassword', 'resetPassword', 'create']);
  });

  it("never tells whether a username exists in another center: a center's names carry its own prefix", async () => {
    const admin = s.as('admin');
    // 't2.admin' exists in the other center; this center may not even ask for it
    const r = await refusal(
      admin.users.create({ username: 't2.admin', role: 'leader', staffId: null, displayName: '试探' }),
    );
    expect(r).toStrictEqual({
      code: 'BAD_REQUEST',
      message: 'username：用户名须以本中心代码 t1. 开头，例如 t1.zhangsan',
    });
    const plain = await refusal(
      admin.users.create({ username: 'admin', role: 'leader', staffId: null, displayName: '试探' }),
    );
    expect(plain.message).toBe('username：用户名须以本中心代码 t1. 开头，例如 t1.zhangsan');
    // another center's administrator finds no account of this center, nor lists it
    const other = s.asUser(otherAdmin);
    expect((await refusal(other.users.resetPassword({ id: s.users.staff.id }))).code).toBe('NOT_FOUND');
    expect((await other.users.list()).map((u) => u.username).sort()).toStrictEqual(
      [s.otherLeader.username, 't2.admin'].sort(),
    );
    // a center administrator sees their own center only, and creates none
    expect((await admin.org.centers()).map((c) => c.id)).toStrictEqual([s.f.centerId]);
    expect(
      (await refusal(admin.org.createCenter({ code: 'X9', name: '试探中心', city: '测试市' }))).code,
    ).toBe('FORBIDDEN');
  });

  it('creates accounts for every staff member of a unit at once, one slip each, and none twice', async () => {
    const admin = s.as('admin');
    const without = await admin.users.withoutAccount({ unitId: s.f.unitId });
    const slips = await admin.users.createForUnit({ unitId: s.f.unitId });
    expect(slips.map((x) => x.staffId)).toStrictEqual(without.map((x) => x.id));
    expect(slips.length).toBeGreaterThan(0);
    for (const slip of slips) {
      expect(slip.username).toBe(`t1.s${slip.staffId}`);
      expect(slip.oneTimePassword).toMatch(/^[a-z2-9]{10}$/);
    }
    const { user } = await signIn(slips[0]!.username, slips[0]!.oneTimePassword);
    expect(user).toMatchObject({ staffId: slips[0]!.staffId, mustChangePassword: true });
    expect(await admin.users.createForUnit({ unitId: s.f.unitId })).toStrictEqual([]);
  });

  it("sets a leader's sign-off position, and only a leader's", async () => {
    const admin = s.as('admin');
    const leader = await admin.users.update({ id: s.users.leader.id, signoffPosition: 'principal' });
    expect(leader.signoffPosition).toBe('principal');
    expect(
      (await refusal(admin.users.update({ id: s.users.staff.id, signoffPosition: 'deputy' }))).message,
    ).toBe('signoffPosition：只有中心领导账号可设签批职务');
    // linking an account to another staff member
    const linked = await admin.users.update({ id: s.users.staff.id, staffId: s.f.staff[1]!.id });
    expect(linked.staffId).toBe(s.f.staff[1]!.id);
  });
});
