import type { Kysely } from 'kysely';

// Frozen in time: this file imports no application code. Both dialects run it.
//
// Every list is read a page at a time along an index that starts with the list's scope (the center,
// a window, a person) and ends with its order, so a page stops at its size instead of sorting all:
// - records and complaints, newest first by (date, id), within the center, a window or a person;
// - the audit log, newest first by id, within the center, an entity, or one entity's entries;
// - the open cases the alerts read, a stage at a time by id, within the center, a window or a person.
// (SQLite adds the row id to every index; PostgreSQL needs it named.)

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
type AnyDb = Kysely<any>;

const INDEXES: [name: string, table: string, columns: string[]][] = [
  ['conduct_records_center_page', 'conduct_records', ['center_id', 'date', 'id']],
  ['conduct_records_window_page', 'conduct_records', ['window_id', 'date', 'id']],
  ['conduct_records_staff_page', 'conduct_records', ['staff_id', 'date', 'id']],
  ['complaints_center_page', 'complaints', ['center_id', 'date', 'id']],
  ['complaints_window_page', 'complaints', ['window_id', 'date', 'id']],
  ['complaints_staff_page', 'complaints', ['staff_id', 'date', 'id']],
  ['audit_log_center_page', 'audit_log', ['center_id', 'id']],
  ['audit_log_entity_page', 'audit_log', ['center_id', 'entity', 'id']],
  ['audit_log_entity_id_page', 'audit_log', ['center_id', 'entity', 'entity_id', 'id']],
  ['cases_center_stage_page', 'cases', ['center_id', 'stage', 'id']],
  ['cases_window_stage_page', 'cases', ['window_id', 'stage', 'id']],
  ['cases_staff_stage_page', 'cases', ['staff_id', 'stage', 'id']],
];

export async function up(db: AnyDb): Promise<void> {
  for (const [name, table, columns] of INDEXES)
    await db.schema.createIndex(name).on(table).columns(columns).execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const [name] of INDEXES) await db.schema.dropIndex(name).ifExists().execute();
}
