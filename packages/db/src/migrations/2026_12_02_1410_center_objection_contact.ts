import type { Kysely } from 'kysely';

// Frozen in time: this file imports no application code. Both dialects run it.
// Who receives objections to a posted result, and at which number (公示期间如有异议，请向…反映): a setting
// of the center, never a default number; empty until the administrator sets it.

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('centers').addColumn('objection_office', 'text').execute();
  await db.schema.alterTable('centers').addColumn('objection_phone', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('centers').dropColumn('objection_phone').execute();
  await db.schema.alterTable('centers').dropColumn('objection_office').execute();
}
