import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SESSION_COOKIE, sessionIdOf } from '@chuangkou/api';
import {
  createTestDatabase,
  generateDemo,
  insertSession,
  insertUser,
  type TRole,
  type TTestDatabase,
} from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BULLETIN_PATH, handleBulletinDownload } from './bulletin-download.ts';

const TODAY = '2026-11-26';

describe('handleBulletinDownload', () => {
  let t: TTestDatabase;
  let base: string;
  let close: () => Promise<void>;
  const cookies = new Map<TRole, string>();

  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    const { centerId } = await generateDemo(t.db, { today: TODAY, caseFraction: 0.01 });
    for (const role of ['leader', 'staff'] as const) {
      const user = await insertUser(t.db, {
        centerId,
        username: `bulletin_${role}`,
        passwordHash: 'x',
        role,
        staffId: null,
        displayName: role,
      });
      const token = `token-${role}`;
      await insertSession(t.db, {
        id: sessionIdOf(token),
        userId: user.id,
        expiresAt: '2999-01-01T00:00:00Z',
      });
      cookies.set(role, `${SESSION_COOKIE}=${token}`);
    }
    const server = http.createServer((req, res) => {
      void handleBulletinDownload(req, res, { db: t.db, today: () => TODAY });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${BULLETIN_PATH}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  }, 120_000);
  afterAll(async () => {
    await close?.();
    await t?.destroy();
  });

  const get = (path: string, role?: TRole) =>
    fetch(`${base}${path}`, { headers: role ? { cookie: cookies.get(role)! } : {} });

  it('sends the results of a quarter as an xlsx attachment named after the period', async () => {
    const res = await get('results?year=2026&quarter=3', 'staff');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toContain(
      encodeURIComponent('2026年第三季度考核结果公示.xlsx'),
    );
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.subarray(0, 2).toString()).toBe('PK');
  });

  it('asks for a login, and keeps the sign-off summary from window staff', async () => {
    expect((await get('results?year=2026&quarter=3')).status).toBe(401);
    const forbidden = await get('fines?year=2026&month=10', 'staff');
    expect(forbidden.status).toBe(403);
    expect((await get('fines?year=2026&month=10', 'leader')).status).toBe(200);
  });

  it('answers a bad period, kind or parameter with 400 and a Chinese message', async () => {
    const empty = await get('results?year=2027&quarter=2', 'leader');
    expect(empty.status).toBe(400);
    expect(await empty.json()).toEqual({ error: '2027年第二季度没有已公布或草稿的考核结果' });
    expect((await get('minutes', 'leader')).status).toBe(400);
    const bad = await get('results?year=2026&quarter=9', 'leader');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain('quarter');
  });
});
