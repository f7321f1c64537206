import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setPasswordCost, verifyPassword } from '@chuangkou/api';
import {
  findPasswordHash,
  insertUser,
  listAudit,
  listCenters,
  listPolicies,
  listUsers,
  openDatabase,
} from '@chuangkou/db';
import { DEFAULT_POLICIES } from '@chuangkou/rules';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runInit } from './init.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'cli-init-'));
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
    return { code: await runInit(argv, env), out, err };
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

/** centers and accounts, to show a refusal wrote nothing */
const everything = () =>
  inDb(async (db) => {
    const centers = await listCenters(db);
    const users = (await Promise.all(centers.map((c) => listUsers(db, c.id)))).flat();
    return { centers: centers.map((c) => c.code), users: users.map((u) => u.username) };
  });

describe('init --center NAME --admin USER', () => {
  beforeAll(() => {
    setPasswordCost(2 ** 10);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('makes a new center on an empty database with its first center administrator, the one-time password printed once, audited', async () => {
    const r = await run([
      '--center',
      '上城区行政服务中心',
      '--code',
      'SC',
      '--admin',
      'admin',
      '--name',
      '张主任',
    ]);
    expect(r).toMatchObject({ code: 0, err: '' });
    const password = /一次性密码：(\S+)/.exec(r.out)?.[1] ?? '';
    expect(password).toMatch(/^[a-z2-9]{10}$/);
    expect(r.out.split(password)).toHaveLength(2);
    expect(r.out).toContain('已创建服务中心 上城区行政服务中心（代码 SC）及中心管理员 sc.admin');
    await inDb(async (db) => {
      const [center, ...others] = await listCenters(db);
      expect(others).toEqual([]);
      expect(center).toMatchObject({ code: 'SC', name: '上城区行政服务中心' });
      const [user, ...moreUsers] = await listUsers(db, center!.id);
      expect(moreUsers).toEqual([]);
      // a center's administrator, not a platform's, who must set a password of their own
      expect(user).toMatchObject({
        username: 'sc.admin',
        role: 'admin',
        isPlatformAdmin: false,
        mustChangePassword: true,
        displayName: '张主任',
      });
      const hash = (await findPasswordHash(db, user!.id))!;
      expect(hash).not.toContain(password);
      expect(await verifyPassword(password, hash)).toBe(true);
      expect((await listPolicies(db, center!.id)).map((p) => p.code).sort()).toEqual(
        Object.values(DEFAULT_POLICIES)
          .map((p) => p.code)
          .sort(),
      );
      const audit = await listAudit(db, { centerId: center!.id });
      expect(audit.map((a) => [a.entity, a.action, a.userId]).sort()).toEqual([
        ['center', 'init', null],
        ['user', 'create', null],
      ]);
      expect(JSON.stringify(audit)).not.toContain(password);
    });
  });

  it('refuses a center that exists, by name or by code, in one line, writing nothing', async () => {
    const before = await everything();
    expect(await run(['--center', '上城区行政服务中心', '--admin', 'admin2'])).toEqual({
      code: 1,
      out: '',
      err: '服务中心「上城区行政服务中心」已存在，未作任何更改\n',
    });
    expect(await run(['--center', '另一个中心', '--code', 'sc', '--admin', 'admin'])).toEqual({
      code: 1,
      out: '',
      err: '中心代码 sc 已存在，未作任何更改\n',
    });
    expect(await everything()).toEqual(before);
  });

  it('gives a second center its own prefix: a username of another center is neither refused nor told', async () => {
    // an account named plainly `admin` elsewhere (as the demo center has) and the first center's sc.admin
    await inDb(async (db) => {
      const [sc] = await listCenters(db);
      await insertUser(db, {
        centerId: sc!.id,
        username: 'admin',
        passwordHash: 'x',
        role: 'admin',
        staffId: null,
        displayName: '管理员',
      });
    });
    const r = await run(['--center', '西湖区行政服务中心', '--code', 'XH', '--admin', 'admin']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('中心管理员 xh.admin');
    expect(r.out).not.toContain('已存在');
    // a username taken in the new center's prefix (a platform administrator named so) is refused
    // without a word of whose it is, and nothing is written
    await inDb(async (db) => {
      const [sc] = await listCenters(db);
      await insertUser(db, {
        centerId: sc!.id,
        username: 'gs.admin',
        passwordHash: 'x',
        role: 'admin',
        staffId: null,
        displayName: '平台运维',
        isPlatformAdmin: true,
      });
    });
    const before = await everything();
    expect(await run(['--center', '拱墅区行政服务中心', '--code', 'GS', '--admin', 'admin'])).toEqual({
      code: 1,
      out: '',
      err: '用户名 gs.admin 不可用，请另选\n',
    });
    expect(await everything()).toEqual(before);
  });

  it('refuses a missing or unknown flag and a malformed username or code with one line', async () => {
    const before = await everything();
    expect(await run(['--center', '滨江区行政服务中心'])).toMatchObject({
      code: 1,
      err: '缺少 --admin 用户名\n',
    });
    expect(await run(['--admin', 'admin'])).toMatchObject({ code: 1, err: '缺少 --center 中心名称\n' });
    expect(await run(['--center', '滨江', '--admin', 'admin', '--force'])).toMatchObject({
      code: 1,
      err: '未知参数 "--force"（init --help 查看用法）\n',
    });
    expect(await run(['--center', '滨江', '--admin', 'Admin!'])).toMatchObject({
      code: 1,
      err: '--admin：用户名须为1–32位小写字母、数字或 _ . -，收到「Admin!」\n',
    });
    expect(await run(['--center', '滨江', '--code', 'B J', '--admin', 'admin'])).toMatchObject({
      code: 1,
      err: '--code：中心代码须为1–20位字母、数字、_或-，收到「B J」\n',
    });
    expect(await everything()).toEqual(before);
    const help = await run(['--help']);
    expect([help.code, help.out]).toEqual([
      0,
      expect.stringContaining('init --center 中心名称 --admin 用户名'),
    ]);
  });

  it('gives a center without --code the next free code C1, C2, …', async () => {
    const r = await run(['--center', '滨江区行政服务中心', '--admin', 'admin']);
    expect(r.out).toContain('（代码 C3）及中心管理员 c3.admin');
  });
});
