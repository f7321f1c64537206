import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file imports no application code. Both dialects run it.
//
// 好差评 as the national scheme records it: a case is rated at two stages, 受理 ('accepted') and 办结
// ('decided'), so a case holds at most one rating per stage (a unique index on case and stage) instead of
// one rating in all. Every rating stored before is a 办结 rating (the applicant rated a decided case).
// A rating also keeps the channel it came through (窗口评价器, 短信, 网站, APP …) and the time the
// applicant gave it as the platform recorded it (rated_at), both null for ratings given here.
//
// SQLite cannot drop a column's UNIQUE, so there the table is rebuilt (foreign keys off, one transaction,
// foreign_key_check before the commit); PostgreSQL drops the constraint inside the migrator's transaction.
// No down: two ratings of one case cannot go back into the old shape; restore the backup instead.

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
type AnyDb = Kysely<any>;

const isPostgres = (db: AnyDb) => db.getExecutor().adapter instanceof PostgresAdapter;
const STAGE_CHECK = sql`stage in ('accepted', 'decided')`;

export async function up(db: AnyDb): Promise<void> {
  if (isPostgres(db)) {
    const unique = await sql<{ name: string }>`select c.conname as name from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
      where c.conrelid = 'service_ratings'::regclass and c.contype = 'u'
        and array_length(c.conkey, 1) = 1 and a.attname = 'case_id'`.execute(db);
    for (const { name } of unique.rows)
      await sql`alter table service_ratings drop constraint ${sql.ref(name)}`.execute(db);
    await db.schema
      .alterTable('service_ratings')
      .addColumn('stage', 'text', (c) => c.notNull().defaultTo('decided').check(STAGE_CHECK))
      .execute();
    await db.schema.alterTable('service_ratings').addColumn('channel', 'text').execute();
    await db.schema.alterTable('service_ratings').addColumn('rated_at', 'text').execute();
    await createCaseStageIndex(db);
    return;
  }
  // foreign keys can be switched off only outside a transaction (the migrator opens none on SQLite)
  await sql`pragma foreign_keys = off`.execute(db);
  await sql`begin`.execute(db);
  try {
    await rebuildOnSqlite(db);
    const broken = await sql<Record<string, unknown>>`pragma foreign_key_check`.execute(db);
    if (broken.rows.length > 0)
      throw new Error(`foreign keys broken by the rebuild: ${JSON.stringify(broken.rows.slice(0, 5))}`);
    await sql`commit`.execute(db);
  } catch (error) {
    await sql`rollback`.execute(db);
    throw error;
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

const KEPT_COLUMNS = [
  'id',
  'case_id',
  'center_id',
  'window_id',
  'staff_id',
  'level',
  'comment',
  'day',
  'month',
  'at',
  'is_after_reset',
  'reset_checked_by',
  'reset_checked_at',
];

async function rebuildOnSqlite(db: AnyDb): Promise<void> {
  const refNotNull = (table: string) => (c: ColumnDefinitionBuilder) => c.notNull().references(`${table}.id`);
  await db.schema
    .createTable('service_ratings_new')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('case_id', 'integer', refNotNull('cases'))
    .addColumn('center_id', 'integer', (c) => c.notNull())
    .addColumn('window_id', 'integer', (c) => c.notNull())
    .addColumn('staff_id', 'integer')
    .addColumn('level', 'integer', (c) => c.notNull().check(sql`level between 1 and 5`))
    .addColumn('comment', 'text')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('is_after_reset', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reset_checked_by', 'integer')
    .addColumn('reset_checked_at', 'text')
    .addColumn('stage', 'text', (c) => c.notNull().defaultTo('decided').check(STAGE_CHECK))
    .addColumn('channel', 'text')
    .addColumn('rated_at', 'text')
    .execute();
  const list = sql.join(KEPT_COLUMNS.map((c) => sql.ref(c)));
  await sql`insert into service_ratings_new (${list}) select ${list} from service_ratings`.execute(db);
  await db.schema.dropTable('service_ratings').execute();
  await sql`alter table service_ratings_new rename to service_ratings`.execute(db);
  await db.schema
    .createIndex('service_ratings_month')
    .on('service_ratings')
    .columns(['center_id', 'month', 'window_id'])
    .execute();
  await createCaseStageIndex(db);
}

async function createCaseStageIndex(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('service_ratings_case_stage')
    .on('service_ratings')
    .columns(['case_id', 'stage'])
    .unique()
    .execute();
}
