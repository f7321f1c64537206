import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCaller, createContextInner, setPasswordCost, verifyPassword } from '@chuangkou/api';
import {
  findPasswordHash,
  insertUser,
  listAudit,
  listUsers,
  migrateToLatest,
  openDatabase,
  seedFixture,
  type TUser,
} from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runPlatformAdmin } from './platform-admin.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'cli-platform-admin-'));
const env = { DATA_DIR: dataDir, INIT_CWD: dataDir };

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out += String(s);
    return true;
  });
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err += String(s);
    return true;
  });
  try {
    return { code: await runPlatformAdmin(argv, env), out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

async function inDb<T>(f: (db: ReturnType<typeof openDatabase>['db']) => Promise<T>): Promise<T> {
  const h = openDatabase({ dataDir });
  try {
    return await f(h.db);
  } finally {
    await h.close();
  }
}

const callerOf = (db: ReturnType<typeof openDatabase>['db'], user: TUser) =>
  createCaller(createContextInner({ db, user, today: () => '2026-12-02' }));

describe('platform-admin create', () => {
  let centerId = 0;
  beforeAll(async () => {
    setPasswordCost(2 ** 10);
    await inDb(async (db) => {
      await migrateToLatest(db);
      centerId = (await seedFixture(db)).centerId;
    });
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates a platform administrator, prints the one-time password once, and writes the audit entry', async () => {
    const r = await run(['create', 'ops', '--center', 'T1', '--name', '省平台运维']);
    expect(r).toMatchObject({ code: 0, err: '' });
    const password = /一次性密码：(\S+)/.exec(r.out)?.[1] ?? '';
    expect(password).toMatch(/^[a-z2-9]{10}$/);
    await inDb(async (db) => {
      const user = (await listUsers(db, centerId)).find((u) => u.username === 'ops')!;
      expect(user).toMatchObject({
        role: 'admin',
        isPlatformAdmin: true,
        mustChangePassword: true,
        displayName: '省平台运维',
      });
      // only the hash is kept
      const hash = (await findPasswordHash(db, user.id))!;
      expect(hash).not.toContain(password);
      expect(await verifyPassword(password, hash)).toBe(true);
      const entry = (await listAudit(db, { centerId, entity: 'user', entityId: String(user.id) }))[0];
      expect(entry).toMatchObject({ action: 'createPlatformAdmin', userId: null });
      expect(JSON.stringify(entry?.after)).not.toContain(password);
    });
  });

  it('lets the platform administrator create centers and see them all; a center administrator sees its own only', async () => {
    await inDb(async (db) => {
      const users = await listUsers(db, centerId);
      const platform = { ...users.find((u) => u.username === 'ops')!, mustChangePassword: false };
      const center = await insertUser(db, {
        centerId,
        username: 't1.admin',
        passwordHash: 'x',
        role: 'admin',
        staffId: null,
        displayName: '中心管理员',
      });
      const made = await callerOf(db, platform).org.createCenter({
        code: 'T3',
        name: '第三中心',
        city: '测试市',
      });
      expect((await callerOf(db, platform).org.centers()).map((c) => c.code)).toEqual(['T1', 'T2', 'T3']);
      expect(made.code).toBe('T3');
      expect((await callerOf(db, center).org.centers()).map((c) => c.code)).toEqual(['T1']);
      await expect(
        callerOf(db, center).org.createCenter({ code: 'T4', name: '第四中心', city: '测试市' }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });
  });

  it('refuses a taken or malformed username, an unknown center and a missing name with one line, writing nothing', async () => {
    const count = () => inDb(async (db) => (await listUsers(db, centerId)).length);
    const before = await count();
    expect(await run(['create', 'ops'])).toMatchObject({ code: 1, out: '', err: '用户名 ops 已存在\n' });
    expect(await run(['create', 'Ops!'])).toMatchObject({
      code: 1,
      err: '用户名为3–40位小写字母、数字或 _ . -\n',
    });
    expect(await run(['create', 'ops2', '--center', 'ZZ'])).toMatchObject({
      code: 1,
      err: '没有代码为 ZZ 的服务中心\n',
    });
    expect(await run(['create'])).toMatchObject({
      code: 1,
      err: '缺少用户名：platform-admin create USERNAME\n',
    });
    expect(await run(['remove', 'ops'])).toMatchObject({
      code: 1,
      err: '未知的操作 "remove"（可用：create）\n',
    });
    expect(await count()).toBe(before);
  });
});
