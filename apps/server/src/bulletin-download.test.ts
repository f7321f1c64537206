import type { AddressInfo } from 'node:net';
import path from 'node:path';
import {
  CALLERS,
  createCaller,
  createContextInner,
  DOWNLOADS,
  publicMessageOf,
  SESSION_COOKIE,
  sessionIdOf,
  type TCaller,
} from '@chuangkou/api';
import { renderBulletin, type TBulletin, type TBulletinKind } from '@chuangkou/bulletin';
import {
  createTestDatabase,
  findUser,
  generateDemo,
  insertSession,
  listStaff,
  type TTestDatabase,
  type TUser,
} from '@chuangkou/db';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BULLETIN_PATH } from './bulletin-download.ts';
import { createServer } from './server.ts';
import { xlsxText } from './testing/xlsx-text.ts';

const TODAY = '2026-11-26';

/** The queries asked of every download: a period with data and one that has not begun. */
const QUERIES: Record<TBulletinKind, string[]> = {
  results: ['year=2026&quarter=3', 'year=2099&quarter=1'],
  behaviours: ['year=2026&month=10', 'year=2099&month=1'],
  fines: ['year=2026&month=10', 'year=2099&month=1'],
  patrol: ['', 'date=2099-01-05'],
  awards: ['year=2025', 'year=2099&month=1'],
  yearend: ['year=2025', 'year=2099'],
  cadres: ['year=2025', 'year=2099'],
  complaintLadder: ['year=2026&staffId=1', 'year=2099&staffId=1'],
  uniform: ['year=2026&month=10', 'year=2099&month=1'],
  yellowcard: ['year=2025', 'year=2099&month=1'],
  unitletters: ['year=2026&month=8', 'year=2099&month=1'],
  ballot: ['year=2026&quarter=4', 'year=2099&quarter=1'],
};

// rendering workbooks of a 128-person center: room on a busy machine
describe('GET /api/bulletins/<kind>', { timeout: 60_000 }, () => {
  let t: TTestDatabase;
  let base: string;
  let close: () => Promise<void>;
  const users = new Map<TCaller, TUser | null>([['anonymous', null]]);
  const cookies = new Map<TCaller, string>();

  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    // the demo accounts (their passwords are never checked here: sessions are made directly)
    await generateDemo(t.db, { today: TODAY, caseFraction: 0.01, hashPassword: async () => 'x' });
    for (const role of CALLERS) {
      if (role === 'anonymous') continue;
      const row = await t.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', role)
        .executeTakeFirstOrThrow();
      const user = (await findUser(t.db, row.id))!;
      users.set(role, user);
      const token = `token-${role}`;
      await insertSession(t.db, {
        id: sessionIdOf(token),
        userId: user.id,
        expiresAt: '2999-01-01T00:00:00Z',
      });
      cookies.set(role, `${SESSION_COOKIE}=${token}`);
    }
    const server = createServer({
      db: t.db,
      webDist: path.join(import.meta.dirname, 'missing'),
      maxBodyBytes: 64 * 1024,
      maxBatchSize: 5,
      isSecure: false,
      today: () => TODAY,
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${BULLETIN_PATH}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  }, 120_000);
  afterAll(async () => {
    await close?.();
    await t?.destroy();
  });

  const get = (query: string, caller: TCaller = 'anonymous') => {
    const cookie = cookies.get(caller);
    return fetch(`${base}${query}`, { headers: cookie ? { cookie } : {} });
  };
  const errorOf = async (res: Response) => ((await res.json()) as { error: string }).error;

  /** What the API answers the same user through the procedure, as a status and a message. */
  async function apiAnswer(caller: TCaller, kind: TBulletinKind, query: string) {
    const api = createCaller(
      createContextInner({ db: t.db, user: users.get(caller) ?? null, today: () => TODAY }),
    );
    const input = Object.fromEntries(
      [...new URLSearchParams(query)].map(([k, v]) => [k, /^\d+$/.test(v) ? Number(v) : v]),
    );
    try {
      const bulletin = await (api.bulletins[kind] as (i: unknown) => Promise<TBulletin>)(input);
      return await renderBulletin(bulletin).then(
        () => ({ status: 200, message: null }),
        (e: Error) => ({ status: 400, message: e.message }),
      );
    } catch (e) {
      if (!(e instanceof TRPCError)) throw e;
      return { status: getHTTPStatusCodeFromError(e), message: publicMessageOf(e) };
    }
  }

  it('answers every kind and caller with the status and the message of its procedure', async () => {
    const statuses = new Set<number>();
    for (const kind of Object.keys(DOWNLOADS) as TBulletinKind[]) {
      for (const query of QUERIES[kind]) {
        for (const caller of CALLERS) {
          const res = await get(`${kind}?${query}`, caller);
          const got = { status: res.status, message: res.status === 200 ? null : await errorOf(res) };
          const where = { kind, query, caller };
          expect({ ...where, ...got }).toEqual({ ...where, ...(await apiAnswer(caller, kind, query)) });
          statuses.add(res.status);
        }
      }
    }
    expect([...statuses].sort()).toEqual([200, 400, 401, 403]);
  }, 180_000);

  it('sends the results of a quarter as an xlsx attachment named after the period', async () => {
    const res = await get('results?year=2026&quarter=3', 'leader');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toContain(
      encodeURIComponent('2026年第三季度考核结果公示.xlsx'),
    );
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.subarray(0, 2).toString()).toBe('PK');
  });

  it('gives window staff the results row of their own, as assessment.quarter does', async () => {
    const staff = await listStaff(t.db, { centerId: users.get('leader')!.centerId });
    const me = staff.find((s) => s.id === users.get('staff')!.staffId)!;
    const others = staff.filter((s) => s.id !== me.id && s.post !== 'security');
    expect(others.length).toBeGreaterThan(50);
    const named = async (caller: TCaller) => {
      const res = await get('results?year=2026&quarter=3', caller);
      expect(res.status).toBe(200);
      const text = xlsxText(Buffer.from(await res.arrayBuffer()));
      return { me: text.includes(me.name), others: others.filter((s) => text.includes(s.name)).length };
    };
    expect(await named('staff')).toEqual({ me: true, others: 0 });
    const all = await named('leader');
    expect(all.me).toBe(true);
    expect(all.others).toBeGreaterThan(50);
  });

  it('keeps the fines summary from the administrator, as fines.monthly does', async () => {
    const res = await get('fines?year=2026&month=10', 'admin');
    expect(res.status).toBe(403);
    expect(await errorOf(res)).toBe('此操作需要审管科或中心领导权限');
    expect((await get('fines?year=2026&month=10', 'leader')).status).toBe(200);
    expect((await get('fines?year=2026&month=10', 'staff')).status).toBe(403);
  });

  it('refuses a month that has not begun with the API message', async () => {
    const res = await get('fines?year=2099&month=1', 'leader');
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toBe(`month：所选期间尚未开始（今天是 ${TODAY}）`);
  });

  it('asks for a login, and answers a bad kind or parameter with 400 and a Chinese message', async () => {
    const anonymous = await get('results?year=2026&quarter=3');
    expect(anonymous.status).toBe(401);
    expect(await errorOf(anonymous)).toBe('请先登录');
    const unknown = await get('minutes', 'leader');
    expect(unknown.status).toBe(400);
    expect(await errorOf(unknown)).toMatch(/^未知的通报类型“minutes”/);
    const bad = await get('results?year=2026&quarter=9', 'leader');
    expect(bad.status).toBe(400);
    expect(await errorOf(bad)).toMatch(/^输入有误：quarter：/);
    const empty = await get('awards?year=2026&month=11', 'leader');
    expect(empty.status).toBe(400);
    expect(await errorOf(empty)).toBe('2026年11月没有评出红旗窗口');
  });
});
