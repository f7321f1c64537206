import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file imports no application code. Both dialects run it.
// The official calendar the product ships ends with the last year its source published. A center
// now enters each later year's schedule (holidays with names, 调休 working days) itself, or corrects
// a year: one row per entry, a correction superseding the row before (kept, never deleted). A case
// whose deadline was counted through a year not yet covered is marked provisional (暂定) until the
// year is entered and its deadline recomputed.

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
type AnyDb = Kysely<any>;

const isPostgres = (db: AnyDb) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: AnyDb): Promise<void> {
  const id = isPostgres(db)
    ? (c: ColumnDefinitionBuilder) => c.primaryKey().generatedByDefaultAsIdentity()
    : (c: ColumnDefinitionBuilder) => c.primaryKey();
  await db.schema
    .createTable('calendar_years')
    .addColumn('id', 'integer', id)
    .addColumn('center_id', 'integer', (c) => c.notNull().references('centers.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    // JSON objects date → name
    .addColumn('holidays', 'text', (c) => c.notNull())
    .addColumn('workdays', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('reason', 'text')
    .addColumn('entered_by', 'integer', (c) => c.references('users.id'))
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addColumn('superseded_at', 'text')
    .execute();
  // one schedule in force per center and year
  await sql`create unique index calendar_years_current on calendar_years (center_id, year) where superseded_at is null`.execute(
    db,
  );
  await db.schema
    .alterTable('cases')
    .addColumn('is_deadline_provisional', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('cases').dropColumn('is_deadline_provisional').execute();
  await db.schema.dropTable('calendar_years').ifExists().execute();
}
