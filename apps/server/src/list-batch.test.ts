import type { AddressInfo } from 'node:net';
import { hashPassword, setPasswordCost } from '@chuangkou/api';
import { createTestDatabase, insertUser, seedFixture, type TTestDatabase } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from './server.ts';

/**
 * 问题 15 · one request froze the server: `GET /trpc/cases.list,…×20?batch=1` with `{"limit":1000}`.
 * Over HTTP now, a page above 200 is refused 400 and a batch's pages together stop at 1000 rows: the
 * calls past it are answered 413 naming `limit`, whatever the batch holds.
 */
describe('the worst batch of list pages over HTTP', () => {
  let t: TTestDatabase;
  let base: string;
  let cookie: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
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
      webDist: '/nonexistent',
      maxBodyBytes: 64 * 1024,
      maxBatchSize: 20,
      isSecure: false,
      today: () => '2026-11-26',
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
    const login = await fetch(`${base}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'leader', password: 'demo1234' }),
    });
    cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  });
  afterAll(async () => {
    await close?.();
    await t?.destroy();
  });

  type TAnswer = { result?: { data: unknown[] }; error?: { message: string; data: { httpStatus: number } } };
  const batch = async (paths: string[], input: unknown) => {
    const inputs = Object.fromEntries(paths.map((_, i) => [i, input]));
    const res = await fetch(
      `${base}/trpc/${paths.join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify(inputs))}`,
      { headers: { cookie } },
    );
    return { status: res.status, answers: (await res.json()) as TAnswer[] };
  };

  it('refuses a page of 1000 with 400 on every call of the batch', async () => {
    const { status, answers } = await batch(Array(20).fill('cases.list'), { limit: 1000 });
    expect(status).toBe(400);
    expect(answers).toHaveLength(20);
    expect(answers.every((a) => a.error?.data.httpStatus === 400)).toBe(true);
  });

  it('answers the first 1000 rows of 20 pages of 200 and refuses the rest with 413 naming limit', async () => {
    const paths = Array.from(
      { length: 20 },
      (_, i) => ['cases.list', 'records.list', 'complaints.list', 'audit.list'][i % 4]!,
    );
    const { status, answers } = await batch(paths, { limit: 200 });
    expect(status).toBe(207);
    expect(answers.filter((a) => a.result)).toHaveLength(5);
    const refused = answers.filter((a) => a.error);
    expect(refused).toHaveLength(15);
    for (const a of refused) {
      expect(a.error!.data.httpStatus).toBe(413);
      expect(a.error!.message).toMatch(/^limit：一次请求的列表合计最多 1000 行/);
    }
    // the next request has its own budget
    const next = await batch(['audit.list'], { limit: 200 });
    expect(next.status).toBe(200);
  });
});
