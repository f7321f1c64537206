import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  findSessionUser,
  insertCenter,
  insertSession,
  insertUser,
  migrateToLatest,
  openDatabase,
} from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContextInner } from '../context.ts';
import { createCaller } from '../root.ts';
import { setupApi, type TApiSetup } from '../testing/api-test-setup.ts';
import { SESSION_CACHE_MS, sessionIdOf, sessionTokenFromCookie, sessionUser } from './auth.service.ts';
import { LOGIN_LIMITS } from './login-limit.ts';
import { DEFAULT_PASSWORD_COST, hashPassword, setPasswordCost, verifyPassword } from './password.ts';

describe('hashPassword', () => {
  it('verifies the right password and refuses a wrong one, with a fresh salt each time', async () => {
    const a = await hashPassword('demo1234');
    const b = await hashPassword('demo1234');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$4096\$8\$1\$/);
    expect(await verifyPassword('demo1234', a)).toBe(true);
    expect(await verifyPassword('demo12345', a)).toBe(false);
    expect(await verifyPassword('demo1234', 'garbage')).toBe(false);
  });

  it('hashes at OWASP strength outside the test setup, and a hash keeps verifying after the cost changes', async () => {
    expect(DEFAULT_PASSWORD_COST).toBe(2 ** 17);
    const cheap = await hashPassword('demo1234');
    setPasswordCost(DEFAULT_PASSWORD_COST);
    try {
      const strong = await hashPassword('demo1234');
      expect(strong).toMatch(/^scrypt\$131072\$8\$1\$/);
      expect(await verifyPassword('demo1234', cheap)).toBe(true);
    } finally {
      setPasswordCost(2 ** 12);
    }
  });
});

describe('auth', () => {
  let s: TApiSetup;
  beforeAll(async () => {
    s = await setupApi('sqlite');
    await insertUser(s.t.db, {
      centerId: s.f.centerId,
      username: 'clerk',
      passwordHash: await hashPassword('right-password'),
      role: 'supervisor',
      staffId: null,
      displayName: '审管科',
    });
  });
  afterAll(async () => {
    await s?.t.destroy();
  });

  it('login sets an httpOnly SameSite=Lax cookie whose session finds the user; logout ends it', async () => {
    const headers: [string, string][] = [];
    const caller = createCaller(
      createContextInner({ db: s.t.db, setHeader: (k, v) => headers.push([k, v]) }),
    );
    const { user } = await caller.auth.login({ username: 'clerk', password: 'right-password' });
    expect(user.role).toBe('supervisor');
    const [name, cookie] = headers[0]!;
    expect(name).toBe('Set-Cookie');
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Max-Age=43200/);
    const token = sessionTokenFromCookie(cookie.split(';')[0]);
    const sessionId = sessionIdOf(token!);
    const found = await findSessionUser(s.t.db, sessionId, new Date().toISOString());
    expect(found?.username).toBe('clerk');

    const signedIn = createCaller(
      createContextInner({ db: s.t.db, user: found!, sessionId, setHeader: (k, v) => headers.push([k, v]) }),
    );
    await signedIn.auth.logout();
    expect(headers.at(-1)![1]).toMatch(/Max-Age=0/);
    expect(await findSessionUser(s.t.db, sessionId, new Date().toISOString())).toBeUndefined();
  });

  it('refuses a wrong password and an unknown user with the same message', async () => {
    const caller = createCaller(createContextInner({ db: s.t.db }));
    await expect(caller.auth.login({ username: 'clerk', password: 'wrong' })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: '用户名或密码错误',
    });
    await expect(caller.auth.login({ username: 'nobody', password: 'wrong' })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: '用户名或密码错误',
    });
  });

  it('does not accept an expired session', async () => {
    await insertSession(s.t.db, {
      id: sessionIdOf('old'),
      userId: s.users.leader.id,
      expiresAt: '2026-01-01T00:00:00.000Z',
    });
    expect(await findSessionUser(s.t.db, sessionIdOf('old'), new Date().toISOString())).toBeUndefined();
  });

  it('keeps a session in memory briefly, and forgets it at logout, at expiry and when the user is disabled', async () => {
    const now = Date.now();
    const cached = async (token: string, userId: number, expiresAt: number) => {
      await insertSession(s.t.db, {
        id: sessionIdOf(token),
        userId,
        expiresAt: new Date(expiresAt).toISOString(),
      });
      return sessionIdOf(token);
    };
    // served from memory: the row is gone, the cache still answers until it rechecks
    const a = await cached('cache-a', s.users.supervisor.id, now + 3600_000);
    expect((await sessionUser(s.t.db, a, now))?.id).toBe(s.users.supervisor.id);
    await s.t.db.deleteFrom('sessions').where('id', '=', a).execute();
    expect((await sessionUser(s.t.db, a, now + 1000))?.id).toBe(s.users.supervisor.id);
    expect(await sessionUser(s.t.db, a, now + SESSION_CACHE_MS + 1)).toBeNull();

    // logout forgets it at once
    const b = await cached('cache-b', s.users.supervisor.id, now + 3600_000);
    const user = (await sessionUser(s.t.db, b, now))!;
    await createCaller(createContextInner({ db: s.t.db, user, sessionId: b })).auth.logout();
    expect(await sessionUser(s.t.db, b, now + 1)).toBeNull();

    // never past the session's own expiry
    const c = await cached('cache-c', s.users.supervisor.id, now + 5000);
    expect(await sessionUser(s.t.db, c, now)).not.toBeNull();
    expect(await sessionUser(s.t.db, c, now + 5000)).toBeNull();

    // disabling the user ends their cached sessions
    const d = await cached('cache-d', s.users.staff.id, now + 3600_000);
    expect(await sessionUser(s.t.db, d, now)).not.toBeNull();
    await s.as('admin').users.setDisabled({ id: s.users.staff.id, isDisabled: true });
    expect(await sessionUser(s.t.db, d, now + 1)).toBeNull();
    await s.as('admin').users.setDisabled({ id: s.users.staff.id, isDisabled: false });
  });

  it('refuses sign-in after 5 failures of a username from one address, even with the right password, in Chinese', async () => {
    await insertUser(s.t.db, {
      centerId: s.f.centerId,
      username: 'target',
      passwordHash: await hashPassword('right-password'),
      role: 'staff',
      staffId: null,
      displayName: '目标',
    });
    const from = (clientAddress: string) => createCaller(createContextInner({ db: s.t.db, clientAddress }));
    // a success clears earlier failures of the pair
    await expect(from('10.1.1.1').auth.login({ username: 'target', password: 'nope' })).rejects.toMatchObject(
      {
        code: 'UNAUTHORIZED',
      },
    );
    await from('10.1.1.1').auth.login({ username: 'target', password: 'right-password' });
    for (let i = 0; i < 5; i++) {
      await expect(
        from('10.1.1.1').auth.login({ username: 'Target', password: 'wrong' }),
      ).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: '用户名或密码错误' });
    }
    const sessions = await s.t.db.selectFrom('sessions').select('id').execute();
    await expect(
      from('10.1.1.1').auth.login({ username: 'target', password: 'right-password' }),
    ).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: expect.stringMatching(/^登录失败次数过多，请15分钟后再试/),
    });
    expect(await s.t.db.selectFrom('sessions').select('id').execute()).toEqual(sessions);
    // the user at another address is not locked out by the failures from this one
    await from('10.9.9.9').auth.login({ username: 'target', password: 'right-password' });
    // another user is not held back
    await from('10.1.2.1').auth.login({ username: 'clerk', password: 'right-password' });
  });

  it('locks an account from every address once failures spread over many addresses pass the slower backstop', async () => {
    await insertUser(s.t.db, {
      centerId: s.f.centerId,
      username: 'spread',
      passwordHash: await hashPassword('right-password'),
      role: 'staff',
      staffId: null,
      displayName: '分散',
    });
    const from = (clientAddress: string) => createCaller(createContextInner({ db: s.t.db, clientAddress }));
    // four per address stays under the pair's limit of five everywhere
    for (let i = 0; i < LOGIN_LIMITS.key.limit; i++) {
      await expect(
        from(`10.3.${Math.floor(i / 4)}.1`).auth.login({ username: 'spread', password: 'wrong' }),
      ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    }
    await expect(
      from('10.3.200.1').auth.login({ username: 'spread', password: 'right-password' }),
    ).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    // refused attempts were never checked: the backstop counts the checked failures only
    const checked = await s.t.db
      .selectFrom('login_attempts')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('username', '=', 'spread')
      .where('is_checked', '=', 1)
      .executeTakeFirstOrThrow();
    expect(Number(checked.n)).toBe(LOGIN_LIMITS.key.limit);
  });
});

describe('the login limit lives in the database', () => {
  it('is remembered after a restart and shared by two servers on one database', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ck-login-'));
    // two handles on one file: two server processes, or one before and after a restart
    const a = openDatabase({ dataDir: dir });
    const b = openDatabase({ dataDir: dir });
    try {
      await migrateToLatest(a.db);
      const center = await insertCenter(a.db, { code: 'L1', name: '登录测试中心', city: '测试市' });
      await insertUser(a.db, {
        centerId: center.id,
        username: 'clerk',
        passwordHash: await hashPassword('right-password'),
        role: 'supervisor',
        staffId: null,
        displayName: '审管科',
      });
      const on = (db: typeof a.db, clientAddress: string) =>
        createCaller(createContextInner({ db, clientAddress }));
      for (let i = 0; i < 3; i++)
        await expect(
          on(a.db, '10.2.0.1').auth.login({ username: 'clerk', password: 'x' }),
        ).rejects.toMatchObject({
          code: 'UNAUTHORIZED',
        });
      for (let i = 0; i < 2; i++)
        await expect(
          on(b.db, '10.2.0.1').auth.login({ username: 'Clerk', password: 'x' }),
        ).rejects.toMatchObject({
          code: 'UNAUTHORIZED',
        });
      // five failures over the two handles: both refuse the right password from that address now
      for (const db of [a.db, b.db])
        await expect(
          on(db, '10.2.0.1').auth.login({ username: 'clerk', password: 'right-password' }),
        ).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
      const rows = await b.db.selectFrom('login_attempts').select(['username', 'is_ok']).execute();
      // five failures and the two refused attempts, all recorded
      expect(rows).toHaveLength(7);
      expect(rows.every((r) => r.username === 'clerk' && r.is_ok === 0)).toBe(true);
    } finally {
      await a.close();
      await b.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
