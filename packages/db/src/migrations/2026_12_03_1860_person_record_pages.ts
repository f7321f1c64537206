import { type Kysely, sql } from 'kysely';

// Frozen in time: this file imports no application code. Both dialects run it.
//
// A person's records are their own (along `conduct_records_staff_page`) and their window's
// window-level records (no person on the record: 红旗 D6, 黄牌 B8). The second list had only the
// window's index, which holds every person's record of the window too, so a page of window-level
// records walked past all of them. This partial index holds the window-level records only, in the
// list's order: each of the two lists is read a page at a time and the two pages are merged.

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('conduct_records_window_level_page')
    .on('conduct_records')
    .columns(['window_id', 'date', 'id'])
    .where(sql.ref('staff_id'), 'is', null)
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('conduct_records_window_level_page').ifExists().execute();
}
