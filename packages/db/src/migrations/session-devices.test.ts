import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../client.ts';
import { seedFixture } from '../testing/fixture.ts';
import {
  createTestDatabase,
  migrationBefore,
  TEST_DIALECTS,
  type TTestDatabase,
} from '../testing/test-database.ts';
import { insertSession, insertUser, listUserSessions, touchSession } from '../users/users.repository.ts';

describe.each(TEST_DIALECTS)('migration 2026_12_02_1770_session_devices on %s', (dialect) => {
  let t: TTestDatabase;
  let userId: number;

  beforeAll(async () => {
    t = await createTestDatabase(dialect, migrationBefore('2026_12_02_1770_session_devices'));
    const f = await seedFixture(t.db);
    userId = (
      await insertUser(t.db, {
        centerId: f.centerId,
        username: 'early',
        passwordHash: 'x',
        role: 'staff',
        staffId: null,
        displayName: '早',
      })
    ).id;
    // biome-ignore lint/suspicious/noExplicitAny: the schema before this migration has no device columns
    await (t.db as any)
      .insertInto('sessions')
      .values({
        id: 'a'.repeat(64),
        user_id: userId,
        created_at: '2026-12-01T08:00:00.000Z',
        expires_at: '2099-01-01T00:00:00.000Z',
      })
      .execute();
    await migrateToLatest(t.db);
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('keeps a session opened before, with no device or address and last seen at its start', async () => {
    expect(await listUserSessions(t.db, userId, '2026-12-02T00:00:00.000Z')).toEqual([
      {
        id: 'a'.repeat(64),
        createdAt: '2026-12-01T08:00:00.000Z',
        expiresAt: '2099-01-01T00:00:00.000Z',
        userAgent: null,
        clientAddress: null,
        lastSeenAt: '2026-12-01T08:00:00.000Z',
      },
    ]);
  });

  it('stores a new session’s device and address, and when it was last seen', async () => {
    await insertSession(t.db, {
      id: 'b'.repeat(64),
      userId,
      expiresAt: '2099-01-01T00:00:00.000Z',
      userAgent: 'Mozilla/5.0 (Windows NT 10.0) Chrome/131.0',
      clientAddress: '203.0.113.5',
    });
    await touchSession(t.db, 'b'.repeat(64), '2098-06-01T10:00:00.000Z');
    const b = (await listUserSessions(t.db, userId, '2026-12-02T00:00:00.000Z')).find(
      (s) => s.id === 'b'.repeat(64),
    );
    expect(b).toMatchObject({
      userAgent: 'Mozilla/5.0 (Windows NT 10.0) Chrome/131.0',
      clientAddress: '203.0.113.5',
      lastSeenAt: '2098-06-01T10:00:00.000Z',
    });
  });
});
