import type { Kysely } from 'kysely';

// Frozen in time: this file imports no application code. Both dialects run it.
//
// 事项编码: the code a matter has in the province's catalog (the 一体化政务服务平台's 实施编码). An
// imported catalog names its matters by it, so importing the same catalog again finds them. Matters
// entered before have none (null); a code is unique within its center.

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('matters').addColumn('code', 'text').execute();
  await db.schema
    .createIndex('matters_center_code')
    .unique()
    .on('matters')
    .columns(['center_id', 'code'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('matters_center_code').ifExists().execute();
  await db.schema.alterTable('matters').dropColumn('code').execute();
}
