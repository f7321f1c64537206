import type { Kysely } from 'kysely';

// Frozen in time: this file imports no application code. Both dialects run it.
//
// The case register lists a center's cases newest first (id descending), a page at a time after the
// last id seen, within the user's scope (the center, a window, one person). Without an index that
// starts with the scope and ends with the id, every page sorted all the center's cases. These let a
// page walk an index backwards from the last id and stop at the page size.

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
type AnyDb = Kysely<any>;

const INDEXES: [name: string, columns: string[]][] = [
  ['cases_center_id', ['center_id', 'id']],
  ['cases_window_id', ['window_id', 'id']],
  ['cases_staff_id', ['staff_id', 'id']],
];

export async function up(db: AnyDb): Promise<void> {
  for (const [name, columns] of INDEXES)
    await db.schema.createIndex(name).on('cases').columns(columns).execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const [name] of INDEXES) await db.schema.dropIndex(name).ifExists().execute();
}
