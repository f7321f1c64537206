import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import { PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file imports no application code. Both dialects run it.
// A signed month that changed afterwards changed silently. The changes now form a supplement
// (补充汇总), numbered within the month and signed on the same three lines; the first signatures stay.

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
type AnyDb = Kysely<any>;

const isPostgres = (db: AnyDb) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: AnyDb): Promise<void> {
  const id = isPostgres(db)
    ? (c: ColumnDefinitionBuilder) => c.primaryKey().generatedByDefaultAsIdentity()
    : (c: ColumnDefinitionBuilder) => c.primaryKey();
  const refNotNull = (table: string) => (c: ColumnDefinitionBuilder) => c.notNull().references(`${table}.id`);
  await db.schema
    .createTable('fine_supplement_sign_offs')
    .addColumn('id', 'integer', id)
    .addColumn('center_id', 'integer', refNotNull('centers'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('month', 'integer', (c) => c.notNull())
    /** 1, 2, … within the month */
    .addColumn('supplement', 'integer', (c) => c.notNull())
    .addColumn('line', 'text', (c) => c.notNull().check(sql`line in ('supervision', 'deputy', 'principal')`))
    .addColumn('user_id', 'integer', refNotNull('users'))
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text', (c) => c.notNull())
    /** JSON: the month's summary as it stood when 审管科 signed the supplement */
    .addColumn('summary', 'text', (c) => c.notNull())
    /** JSON: the changes the supplement lists */
    .addColumn('changes', 'text', (c) => c.notNull())
    .addUniqueConstraint('fine_supplement_sign_offs_line', [
      'center_id',
      'year',
      'month',
      'supplement',
      'line',
    ])
    .execute();
  if (isPostgres(db)) {
    await sql`create or replace function refuse_change() returns trigger as $$
      begin raise exception 'append-only table %', TG_TABLE_NAME; end; $$ language plpgsql`.execute(db);
    await sql`create trigger fine_supplement_sign_offs_immutable before update or delete on fine_supplement_sign_offs
      for each row execute function refuse_change()`.execute(db);
  } else {
    for (const op of ['update', 'delete']) {
      await sql`create trigger ${sql.raw(`fine_supplement_sign_offs_no_${op}`)} before ${sql.raw(op)} on fine_supplement_sign_offs
        begin select raise(abort, 'append-only table fine_supplement_sign_offs'); end`.execute(db);
    }
  }
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('fine_supplement_sign_offs').ifExists().execute();
}
