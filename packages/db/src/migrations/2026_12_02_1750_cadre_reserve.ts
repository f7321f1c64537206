import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import { PostgresAdapter } from 'kysely';

// Frozen in time: this file imports no application code. Both dialects run it.
//
// 后备干部人才库 (考核细则 二(四): 符合后备干部条件的，推荐列入后备干部人才库管理): the system proposes
// candidates from the year's results; a leader confirms one against the cadre conditions and the person
// enters the pool. Nothing leaves it by deletion: a removal is a dated revocation with its reason.

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
type AnyDb = Kysely<any>;

const isPostgres = (db: AnyDb) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: AnyDb): Promise<void> {
  const id = isPostgres(db)
    ? (c: ColumnDefinitionBuilder) => c.primaryKey().generatedByDefaultAsIdentity()
    : (c: ColumnDefinitionBuilder) => c.primaryKey();
  await db.schema
    .createTable('cadre_reserve')
    .addColumn('id', 'integer', id)
    .addColumn('center_id', 'integer', (c) => c.notNull().references('centers.id'))
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    // the year whose recommendation the confirmation answers
    .addColumn('year', 'integer', (c) => c.notNull())
    // what the leader checked the person against (the cadre conditions lie outside the scheme)
    .addColumn('basis', 'text')
    .addColumn('confirmed_on', 'text', (c) => c.notNull())
    .addColumn('confirmed_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('revoked_on', 'text')
    .addColumn('revoked_by', 'integer', (c) => c.references('users.id'))
    .addColumn('revoke_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('cadre_reserve_center_staff')
    .on('cadre_reserve')
    .columns(['center_id', 'staff_id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('cadre_reserve').ifExists().execute();
}
