import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../client.ts';
import { readPatrolSheet } from '../patrols/patrol-sheets.repository.ts';
import { seedFixture, type TFixture } from '../testing/fixture.ts';
import {
  createTestDatabase,
  migrationBefore,
  TEST_DIALECTS,
  type TTestDatabase,
} from '../testing/test-database.ts';

describe.each(TEST_DIALECTS)('migration 2026_12_02_1600_patrol_sheets on %s', (dialect) => {
  let t: TTestDatabase;
  let f: TFixture;

  beforeAll(async () => {
    t = await createTestDatabase(dialect, migrationBefore('2026_12_02_1600_patrol_sheets'));
    f = await seedFixture(t.db);
    // biome-ignore lint/suspicious/noExplicitAny: the schema before this migration has no patrol_sheets
    const db = t.db as any;
    const patrol = (date: string, session: string, dutyLeader: string) =>
      db
        .insertInto('patrols')
        .values({
          center_id: f.centerId,
          date,
          session,
          duty_leader: dutyLeader,
          inspectors: '郑干事',
          created_at: `${date}T09:00:00.000Z`,
        })
        .execute();
    await patrol('2026-10-12', 'morning', '周主任');
    await patrol('2026-10-12', 'afternoon', '吴副主任');
    await patrol('2026-10-13', 'afternoon', '孙副主任');
    await migrateToLatest(t.db);
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('gives every patrolled day one sheet, signed as its first recorded session, not filed', async () => {
    const monday = await readPatrolSheet(t.db, f.centerId, '2026-10-12');
    expect(monday?.sheet).toMatchObject({ dutyLeader: '周主任', inspectors: '郑干事', filedAt: null });
    expect(monday?.sessions).toEqual(['morning', 'afternoon']);
    const tuesday = await readPatrolSheet(t.db, f.centerId, '2026-10-13');
    expect(tuesday?.sheet.dutyLeader).toBe('孙副主任');
    expect(tuesday?.sessions).toEqual(['afternoon']);
    const count = await t.db
      .selectFrom('patrol_sheets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
  });
});
