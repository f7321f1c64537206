import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { hashPassword } from '@chuangkou/api';
import { createTestDatabase, generateDemo, insertUser, type TTestDatabase } from '@chuangkou/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from './server.ts';

interface TAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A GET with the given cookie, answered in full (a new connection each time: nothing carries over). */
function get(
  base: string,
  path: string,
  cookie: string | null,
  headers: Record<string, string> = {},
): Promise<TAnswer> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}${path}`, { headers: { ...headers, ...(cookie ? { cookie } : {}) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      })
      .on('error', reject);
  });
}

/** A batch as `httpBatchLink` sends it: paths joined by commas, inputs keyed by index. */
const batch = (calls: [string, unknown?][]) =>
  `/trpc/${calls.map(([path]) => path).join(',')}?batch=1&input=${encodeURIComponent(
    JSON.stringify(Object.fromEntries(calls.map(([, input], i) => [i, input]))),
  )}`;

const q = (path: string, input?: unknown) =>
  `/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`;

/**
 * The GET path for queries must answer exactly as tRPC's standalone handler does. Two servers on one
 * database, one with the GET path and one with only the standalone handler, get the same requests:
 * every kind of answer (data, each error class, what the GET path hands to the standalone handler)
 * must come back with the same status, headers that matter and bytes.
 */
describe('the GET path answers as tRPC’s standalone handler does', () => {
  let t: TTestDatabase;
  let lean: string;
  let standard: string;
  const cookies: Record<string, string> = {};
  const servers: http.Server[] = [];
  let windowId = 0;

  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    const demo = await generateDemo(t.db, { today: '2026-11-26', scale: 0.01 });
    const staffRow = await t.db
      .selectFrom('staff')
      .select(['id', 'window_id'])
      .where('center_id', '=', demo.centerId)
      .where('window_id', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    windowId = staffRow.window_id!;
    const passwordHash = await hashPassword('demo1234');
    for (const [username, role, staffId] of [
      ['leader', 'leader', null],
      ['staff', 'staff', staffRow.id],
    ] as const) {
      await insertUser(t.db, {
        centerId: demo.centerId,
        username,
        passwordHash,
        role,
        staffId,
        displayName: username,
      });
    }
    for (const standardOnly of [false, true]) {
      const server = createServer({
        db: t.db,
        webDist: '/nonexistent',
        maxBodyBytes: 64 * 1024,
        maxBatchSize: 5,
        isSecure: false,
        today: () => '2026-11-26',
        standardOnly,
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      servers.push(server);
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      if (standardOnly) standard = base;
      else lean = base;
    }
    for (const username of ['leader', 'staff']) {
      const login = await fetch(`${standard}/trpc/auth.login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'demo1234' }),
      });
      cookies[username] = login.headers.get('set-cookie')!.split(';')[0]!;
    }
  }, 60_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    await t?.destroy();
  });

  const cases: {
    name: string;
    path: () => string;
    as: 'leader' | 'staff' | null;
    /** answered by the GET path (else handed to the standalone handler) */
    isLean: boolean;
    headers?: Record<string, string>;
  }[] = [
    {
      name: 'window efficiency',
      path: () => q('analytics.windowEfficiency', { year: 2026, quarter: 3 }),
      as: 'leader',
      isLean: true,
    },
    {
      name: 'complaint rate of a window',
      path: () => q('analytics.complaintRate', { year: 2026, month: 10, windowId }),
      as: 'leader',
      isLean: true,
    },
    { name: 'trends', path: () => q('analytics.trends', { year: 2026 }), as: 'leader', isLean: true },
    { name: 'awards', path: () => q('analytics.awards', { year: 2026 }), as: 'leader', isLean: true },
    {
      name: 'peer tiers',
      path: () => q('analytics.peerTiers', { year: 2026, quarter: 3 }),
      as: 'leader',
      isLean: true,
    },
    { name: 'a query without input', path: () => q('auth.me'), as: 'leader', isLean: true },
    {
      name: 'the path URL-encoded',
      path: () => `/trpc/analytics%2Eawards?input=${encodeURIComponent('{"year":2026}')}`,
      as: 'leader',
      isLean: true,
    },
    {
      name: 'not signed in (401)',
      path: () => q('analytics.awards', { year: 2026 }),
      as: null,
      isLean: true,
    },
    {
      name: 'a role without the right (403)',
      path: () => q('analytics.awards', { year: 2026 }),
      as: 'staff',
      isLean: true,
    },
    {
      name: 'wrong input type (400, field named)',
      path: () => q('analytics.awards', { year: 'x' }),
      as: 'leader',
      isLean: true,
    },
    { name: 'input missing (400)', path: () => q('analytics.awards'), as: 'leader', isLean: true },
    {
      name: 'input not JSON (400)',
      path: () => '/trpc/analytics.awards?input=%7Byear',
      as: 'leader',
      isLean: true,
    },
    {
      name: 'a period in the future (domain error)',
      path: () => q('analytics.trends', { year: 2031 }),
      as: 'leader',
      isLean: true,
    },
    {
      name: 'an unknown window (404)',
      path: () => q('analytics.awards', { year: 2026, windowId: 999_999 }),
      as: 'leader',
      isLean: true,
    },
    {
      name: 'an unknown procedure (404): handed on',
      path: () => q('analytics.nothing', {}),
      as: 'leader',
      isLean: false,
    },
    {
      name: 'a mutation over GET (405): handed on',
      path: () => q('auth.logout'),
      as: 'leader',
      isLean: false,
    },
    {
      name: 'a batch, as the dashboard sends it',
      path: () =>
        batch([['analytics.awards', { year: 2026 }], ['analytics.trends', { year: 2026 }], ['auth.me']]),
      as: 'leader',
      isLean: true,
    },
    {
      name: 'a batch with one error among data (207)',
      path: () => batch([['analytics.awards', { year: 'x' }], ['auth.me']]),
      as: 'leader',
      isLean: true,
    },
    {
      name: 'a batch refused as a whole (403 each)',
      path: () =>
        batch([
          ['analytics.awards', { year: 2026 }],
          ['analytics.trends', { year: 2026 }],
        ]),
      as: 'staff',
      isLean: true,
    },
    {
      name: 'a batch without input',
      path: () => '/trpc/auth.me,auth.me?batch=1',
      as: 'leader',
      isLean: true,
    },
    {
      name: 'a batch whose input is not an object',
      path: () => `/trpc/auth.me,analytics.awards?batch=1&input=${encodeURIComponent('[1]')}`,
      as: 'leader',
      isLean: true,
    },
    {
      name: 'a batch whose input is not JSON',
      path: () => '/trpc/auth.me,analytics.awards?batch=1&input=%7B',
      as: 'leader',
      isLean: true,
    },
    {
      name: 'a batch with an unknown procedure: handed on',
      path: () =>
        batch([
          ['analytics.awards', { year: 2026 }],
          ['analytics.nothing', {}],
        ]),
      as: 'leader',
      isLean: false,
    },
    {
      name: 'a batch with a mutation: handed on',
      path: () => batch([['auth.me'], ['auth.logout']]),
      as: 'leader',
      isLean: false,
    },
    {
      name: 'a batch over the limit: handed on',
      path: () => `/trpc/${Array(6).fill('auth.me').join(',')}?batch=1`,
      as: 'leader',
      isLean: false,
    },
    {
      name: 'a path with a broken URL-encoding: handed on',
      path: () => '/trpc/analytics%E0awards?input=%7B%7D',
      as: 'leader',
      isLean: false,
    },
    {
      name: 'a streamed batch (jsonl): handed on',
      path: () => batch([['auth.me'], ['auth.me']]),
      as: 'leader',
      isLean: false,
      headers: { 'trpc-accept': 'application/jsonl' },
    },
    {
      name: 'a single call asking for a stream: handed on (tRPC refuses it)',
      path: () => q('auth.me'),
      as: 'leader',
      isLean: false,
      headers: { accept: 'application/jsonl' },
    },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      const cookie = c.as ? cookies[c.as]! : null;
      const a = await get(lean, c.path(), cookie, c.headers);
      const b = await get(standard, c.path(), cookie, c.headers);
      expect(a.status).toBe(b.status);
      expect(a.headers['content-type']).toBe(b.headers['content-type']);
      expect(a.headers.vary).toBe(b.headers.vary);
      expect(a.headers['set-cookie']).toEqual(b.headers['set-cookie']);
      // JSON first for a readable difference, then to the byte (a jsonl stream is lines, not one value)
      if (!c.headers?.['trpc-accept']) expect(JSON.parse(a.body)).toEqual(JSON.parse(b.body));
      expect(a.body).toBe(b.body);
      // the GET path sends a Content-Length; the standalone handler streams its body (chunked)
      expect(b.headers['transfer-encoding']).toBe('chunked');
      if (c.isLean) expect(a.headers['transfer-encoding']).toBeUndefined();
      if (c.isLean) expect(a.headers['content-length']).toBe(String(Buffer.byteLength(a.body)));
      else expect(a.headers['transfer-encoding']).toBe('chunked');
    });
  }

  it('answers with data where data is expected, so the comparison above compares something', async () => {
    const a = await get(lean, q('analytics.windowEfficiency', { year: 2026, quarter: 3 }), cookies.leader!);
    const body = JSON.parse(a.body) as { result: { data: { current: { cases: number } } } };
    expect(body.result.data.current.cases).toBeGreaterThan(0);
    const denied = JSON.parse((await get(lean, q('analytics.awards', { year: 2026 }), cookies.staff!)).body);
    expect(denied.error.data.code).toBe('FORBIDDEN');
    expect(denied.error.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
