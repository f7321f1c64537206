import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hashPassword, setPasswordCost } from '@chuangkou/api';
import { createTestDatabase, insertUser, seedFixture, type TTestDatabase } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, clientAddressOf, createServer, securityHeaders } from './server.ts';

describe('createServer', () => {
  let t: TTestDatabase;
  let base: string;
  let close: () => Promise<void>;
  const dist = mkdtempSync(path.join(tmpdir(), 'ck-web-'));

  beforeAll(async () => {
    // a cheap cost keeps the sign-ins of this suite within its time on a busy machine
    setPasswordCost(2 ** 12);
    t = await createTestDatabase('sqlite');
    const f = await seedFixture(t.db);
    await insertUser(t.db, {
      centerId: f.centerId,
      username: 'leader',
      passwordHash: await hashPassword('demo1234'),
      role: 'leader',
      staffId: null,
      displayName: '中心主任',
    });
    const server = createServer({
      db: t.db,
      webDist: path.join(dist, 'missing'),
      maxBodyBytes: 64 * 1024,
      maxBatchSize: 5,
      isSecure: false,
      today: () => '2026-11-26',
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  });
  afterAll(async () => {
    await close?.();
    await t?.destroy();
    rmSync(dist, { recursive: true, force: true });
  });

  it('answers the health check', async () => {
    const res = await fetch(`${base}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{"ok":true}');
  });

  it('logs in over HTTP with a cookie and serves assessment.quarter in the engine’s shape', async () => {
    const login = await fetch(`${base}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'leader', password: 'demo1234' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^ck_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax/);
    const input = encodeURIComponent(JSON.stringify({ year: 2026, quarter: 3 }));
    const res = await fetch(`${base}/trpc/assessment.quarter?input=${input}`, {
      headers: { cookie: cookie.split(';')[0]! },
    });
    const body = (await res.json()) as {
      result: { data: { period: unknown; results: Record<string, unknown>[] } };
    };
    expect(body.result.data.period).toEqual({ year: 2026, quarter: 3 });
    expect(Object.keys(body.result.data.results[0]!)).toEqual(
      expect.arrayContaining([
        'staff',
        'categories',
        'bonus',
        'total',
        'rank',
        'grade',
        'vetoed',
        'flags',
        'staffName',
      ]),
    );
  });

  it('takes the client address from the socket, or from X-Forwarded-For only behind a trusted proxy', () => {
    const req = (forwarded?: string) =>
      ({
        headers: forwarded ? { 'x-forwarded-for': forwarded } : {},
        socket: { remoteAddress: '127.0.0.1' },
      }) as unknown as IncomingMessage;
    expect(clientAddressOf(req('203.0.113.7, 10.0.0.1'), false)).toBe('127.0.0.1');
    expect(clientAddressOf(req('203.0.113.7, 10.0.0.1'), true)).toBe('203.0.113.7');
    expect(clientAddressOf(req(), true)).toBe('127.0.0.1');
  });

  it('refuses without a session, with a Chinese message and no stack trace', async () => {
    const input = encodeURIComponent(JSON.stringify({ year: 2026, quarter: 3 }));
    const res = await fetch(`${base}/trpc/assessment.quarter?input=${input}`);
    expect(res.status).toBe(401);
    const text = await res.text();
    expect(text).toContain('请先登录');
    expect(text).not.toMatch(/stack|at \//);
  });

  it('names the field of a bad input in Chinese', async () => {
    const res = await fetch(`${base}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 5, password: 'x' }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string; data: { field: string } } };
    expect(body.error.data.field).toBe('username');
    expect(body.error.message).toMatch(/^输入有误：username：/);
  });

  it('carries the domain code and the field of a refused change', async () => {
    const login = await fetch(`${base}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'leader', password: 'demo1234' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const res = await fetch(`${base}/trpc/assessment.publish`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ year: 2026, quarter: 4 }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: { message: string; data: { code: string; domainCode: string; field: string } };
    };
    expect(body.error.data).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'BAD_INPUT', field: 'quarter' });
    expect(body.error.message).toMatch(/尚未结束/);
  });

  it('counts every call of parallel batched logins: wrong passwords then the right one open no session', async () => {
    await insertUser(t.db, {
      centerId: (await t.db.selectFrom('centers').select('id').executeTakeFirstOrThrow()).id,
      username: 'batched',
      passwordHash: await hashPassword('right-password'),
      role: 'staff',
      staffId: null,
      displayName: '批量',
    });
    // four batches of five in parallel: nineteen wrong passwords, the right one last
    const batches = Array.from({ length: 4 }, (_, b) => {
      const body: Record<string, { username: string; password: string }> = {};
      for (let i = 0; i < 5; i++) {
        const n = b * 5 + i;
        body[i] = { username: 'batched', password: n === 19 ? 'right-password' : `wrong-${n}` };
      }
      return fetch(`${base}/trpc/${Array(5).fill('auth.login').join(',')}?batch=1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    });
    const responses = await Promise.all(batches);
    const statuses: number[] = [];
    for (const res of responses) {
      expect(res.headers.get('set-cookie')).toBeNull();
      for (const item of (await res.json()) as { error?: { data: { httpStatus: number } } }[])
        statuses.push(item.error?.data.httpStatus ?? 200);
    }
    expect(statuses).toHaveLength(20);
    expect(statuses.filter((x) => x === 401)).toHaveLength(5);
    expect(statuses.filter((x) => x === 429)).toHaveLength(15);
  });

  it('sends the security headers on every response: health, tRPC, a download, the dashboard, a refusal', async () => {
    for (const target of [
      '/api/health',
      '/trpc/auth.me',
      '/api/bulletins/results?year=2026&quarter=3',
      '/',
      '/%zz',
    ]) {
      const res = await fetch(`${base}${target}`);
      expect({ target, csp: res.headers.get('content-security-policy') }).toEqual({
        target,
        csp: CONTENT_SECURITY_POLICY,
      });
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      // plain HTTP: no HSTS
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(securityHeaders(true)['Strict-Transport-Security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('answers 400, not 500, to a malformed URL anywhere', async () => {
    for (const target of ['/%zz', '/%E0%A4%A', '/api/bulletins/%zz', '/assets/%E0']) {
      const res = await fetch(`${base}${target}`);
      expect({ target, status: res.status }).toEqual({ target, status: 400 });
    }
    // tRPC decodes its own paths and inputs: never a 5xx there either
    for (const target of ['/trpc/auth.me?input=%zz', '/trpc/analytics%E0awards?input=%7B%7D']) {
      const res = await fetch(`${base}${target}`);
      expect({ target, isServerError: res.status >= 500 }).toEqual({ target, isServerError: false });
    }
  });

  it('refuses an oversized body and a batch over the limit', async () => {
    const big = await fetch(`${base}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'x'.repeat(100_000), password: 'y' }),
    });
    expect(big.status).toBe(413);
    const paths = Array.from({ length: 6 }, () => 'auth.me').join(',');
    const batch = await fetch(`${base}/trpc/${paths}?batch=1&input=%7B%7D`);
    expect(batch.status).toBe(400);
    expect(await batch.text()).toContain('请求无效');
  });

  it('serves a placeholder page until the dashboard is built, then the dashboard with client routes', async () => {
    const placeholder = await fetch(`${base}/`);
    expect(await placeholder.text()).toContain('窗口考核系统');
  });
});

describe('createServer with a built dashboard', () => {
  it('serves index.html for client routes and never a file outside the dist directory', async () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'ck-web-'));
    writeFileSync(path.join(dist, 'index.html'), '<html>dashboard</html>');
    writeFileSync(path.join(dist, 'app.js'), 'console.log(1)');
    const t = await createTestDatabase('sqlite');
    const server = createServer({
      db: t.db,
      webDist: dist,
      maxBodyBytes: 1024,
      maxBatchSize: 5,
      isSecure: false,
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect(await (await fetch(`${base}/records/42`)).text()).toBe('<html>dashboard</html>');
      const js = await fetch(`${base}/app.js`);
      expect(js.headers.get('content-type')).toMatch(/javascript/);
      expect(await (await fetch(`${base}/..%2f..%2f..%2fetc%2fpasswd`)).text()).toBe(
        '<html>dashboard</html>',
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await t.destroy();
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
