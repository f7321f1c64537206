import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  insertCadreReserve,
  listCadreReserve,
  revokeCadreReserve,
} from '../cadres/cadre-reserve.repository.ts';
import { migrateToLatest } from '../client.ts';
import { seedFixture, type TFixture } from '../testing/fixture.ts';
import {
  createTestDatabase,
  migrationBefore,
  TEST_DIALECTS,
  type TTestDatabase,
} from '../testing/test-database.ts';
import { insertUser } from '../users/users.repository.ts';

describe.each(TEST_DIALECTS)('migration 2026_12_02_1750_cadre_reserve on %s', (dialect) => {
  let t: TTestDatabase;
  let f: TFixture;

  beforeAll(async () => {
    t = await createTestDatabase(dialect, migrationBefore('2026_12_02_1750_cadre_reserve'));
    f = await seedFixture(t.db);
    await migrateToLatest(t.db);
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('keeps a confirmed person, and a revocation as a dated status with its reason (no deletion)', async () => {
    const leader = await insertUser(t.db, {
      centerId: f.centerId,
      username: 'leader',
      passwordHash: 'x',
      role: 'leader',
      staffId: null,
      displayName: '领导',
    });
    const entry = await insertCadreReserve(t.db, {
      centerId: f.centerId,
      staffId: f.staff[0]!.id,
      year: 2025,
      basis: null,
      confirmedOn: '2026-01-10',
      confirmedBy: leader.id,
    });
    expect(entry).toMatchObject({ staffName: '张三', year: 2025, status: 'active', revokedOn: null });
    const revoke = {
      centerId: f.centerId,
      id: entry.id,
      revokedOn: '2026-06-01',
      revokedBy: leader.id,
      reason: '调离',
    };
    expect(await revokeCadreReserve(t.db, revoke)).toBe(true);
    expect(await revokeCadreReserve(t.db, revoke)).toBe(false);
    expect(await listCadreReserve(t.db, { centerId: f.centerId })).toEqual([
      expect.objectContaining({ status: 'revoked', revokedOn: '2026-06-01', revokeReason: '调离' }),
    ]);
  });
});
