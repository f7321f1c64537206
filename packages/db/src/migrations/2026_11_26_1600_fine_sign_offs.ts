import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file imports no application code. Both dialects run it.
// 签批 of the monthly fines summary (处罚办法 二、2): 审管科 compiles last month's summary, the deputy
// (分管领导) and the principal leader (主要领导) sign it. One row per signed line; each row keeps the
// summary it signed, so a signed month stays reproducible whatever is recorded afterwards.

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
type AnyDb = Kysely<any>;

const isPostgres = (db: AnyDb) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: AnyDb): Promise<void> {
  const id = isPostgres(db)
    ? (c: ColumnDefinitionBuilder) => c.primaryKey().generatedByDefaultAsIdentity()
    : (c: ColumnDefinitionBuilder) => c.primaryKey();
  const refNotNull = (table: string) => (c: ColumnDefinitionBuilder) => c.notNull().references(`${table}.id`);

  await db.schema
    .createTable('fine_sign_offs')
    .addColumn('id', 'integer', id)
    .addColumn('center_id', 'integer', refNotNull('centers'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('month', 'integer', (c) => c.notNull())
    .addColumn('line', 'text', (c) => c.notNull().check(sql`line in ('supervision', 'deputy', 'principal')`))
    .addColumn('user_id', 'integer', refNotNull('users'))
    /** the signer's name as it was when signing */
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .addColumn('policy_id', 'integer', refNotNull('policies'))
    .addColumn('policy_version', 'integer', (c) => c.notNull())
    /** JSON: the month's summary as signed */
    .addColumn('summary', 'text', (c) => c.notNull())
    .addUniqueConstraint('fine_sign_offs_line', ['center_id', 'year', 'month', 'line'])
    .execute();

  // a signature is never changed or withdrawn silently: the database refuses both
  if (isPostgres(db)) {
    await sql`create or replace function refuse_change() returns trigger as $$
      begin raise exception 'append-only table %', TG_TABLE_NAME; end; $$ language plpgsql`.execute(db);
    await sql`create trigger fine_sign_offs_immutable before update or delete on fine_sign_offs
      for each row execute function refuse_change()`.execute(db);
  } else {
    for (const op of ['update', 'delete']) {
      await sql`create trigger ${sql.raw(`fine_sign_offs_no_${op}`)} before ${sql.raw(op)} on fine_sign_offs
        begin select raise(abort, 'append-only table fine_sign_offs'); end`.execute(db);
    }
  }
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('fine_sign_offs').ifExists().execute();
}
