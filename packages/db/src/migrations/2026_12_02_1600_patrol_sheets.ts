import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import { PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file imports no application code. Both dialects run it.
//
// 巡查表: one sheet a day. The seed's form has one date, one duty leader's and one inspectors'
// signature, and a row per clause with the morning and the afternoon finding; `patrols` kept a row
// per session, each with its own signers, and there was nowhere to say that the signed paper copy
// was filed. patrol_sheets holds the day's signers and the filing; the `patrols` rows stay as the
// sheet's morning and afternoon sections (their findings and records point at them, unchanged), and
// their own duty_leader / inspectors keep what was written when the section was first recorded.
// Existing days get a sheet signed by the first section recorded that day.

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
type AnyDb = Kysely<any>;

const isPostgres = (db: AnyDb) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: AnyDb): Promise<void> {
  const id = isPostgres(db)
    ? (c: ColumnDefinitionBuilder) => c.primaryKey().generatedByDefaultAsIdentity()
    : (c: ColumnDefinitionBuilder) => c.primaryKey();
  await db.schema
    .createTable('patrol_sheets')
    .addColumn('id', 'integer', id)
    .addColumn('center_id', 'integer', (c) => c.notNull().references('centers.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('duty_leader', 'text', (c) => c.notNull())
    .addColumn('inspectors', 'text', (c) => c.notNull())
    // the signed paper copy: when it was filed and by whom (null: not filed yet)
    .addColumn('filed_at', 'text')
    .addColumn('filed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('patrol_sheets_once', ['center_id', 'date'])
    .execute();
  await sql`
    insert into patrol_sheets (center_id, date, duty_leader, inspectors, created_by, created_at)
    select p.center_id, p.date, p.duty_leader, p.inspectors, p.created_by, p.created_at
    from patrols p
    where p.id = (select min(q.id) from patrols q where q.center_id = p.center_id and q.date = p.date)
  `.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('patrol_sheets').ifExists().execute();
}
