import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../client.ts';
import { insertRecord, listRecords } from '../records/records.repository.ts';
import { seedFixture, type TFixture } from '../testing/fixture.ts';
import {
  createTestDatabase,
  migrationBefore,
  TEST_DIALECTS,
  type TTestDatabase,
} from '../testing/test-database.ts';

describe.each(TEST_DIALECTS)('migration 2026_12_03_1860_person_record_pages on %s', (dialect) => {
  let t: TTestDatabase;
  let f: TFixture;
  const ids: number[] = [];

  beforeAll(async () => {
    t = await createTestDatabase(dialect, migrationBefore('2026_12_03_1860_person_record_pages'));
    f = await seedFixture(t.db);
    // a window-level record (a red flag's D6) and a person's own, written before the migration
    for (const [staffId, windowId, date] of [
      [null, f.windowIds[0], '2026-03-01'],
      [f.staff[1]!.id, f.windowIds[0], '2026-03-02'],
    ] as const)
      ids.push(
        (
          await insertRecord(t.db, {
            centerId: f.centerId,
            scheme: 'points',
            staffId,
            windowId,
            item: 'D6',
            qty: 1,
            level: null,
            aggravated: false,
            date,
            note: null,
            source: 'manual',
            sourceId: null,
            recordedBy: null,
          })
        ).id,
      );
    await migrateToLatest(t.db);
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('adds the index of the window-level records only, by window and in the list’s order', async () => {
    if (dialect === 'sqlite') {
      const row = t
        .sqlite!.prepare("select sql from sqlite_master where type = 'index' and name = ?")
        .get('conduct_records_window_level_page') as { sql: string } | undefined;
      expect(row?.sql.replaceAll('"', '')).toMatch(
        /on conduct_records \(window_id, date, id\) where staff_id is null$/i,
      );
    } else {
      const { rows } = await sql<{ indexdef: string }>`
        select indexdef from pg_indexes where indexname = 'conduct_records_window_level_page'`.execute(t.db);
      expect(rows.map((r) => r.indexdef)).toEqual([
        expect.stringMatching(/\(window_id, date, id\) WHERE \(staff_id IS NULL\)$/),
      ]);
    }
  });

  it('lists the records written before it, the person’s own and their window’s, newest first', async () => {
    const mine = await listRecords(t.db, { centerId: f.centerId, staffId: f.staff[1]!.id, limit: 10 });
    expect(mine.map((r) => r.id)).toEqual([ids[1], ids[0]]);
    const otherWindow = await listRecords(t.db, { centerId: f.centerId, staffId: f.staff[2]!.id });
    expect(otherWindow).toEqual([]);
  });
});
