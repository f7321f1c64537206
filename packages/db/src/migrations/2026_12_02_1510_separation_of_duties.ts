import type { Kysely } from 'kysely';

// Frozen in time: this file imports no application code. Both dialects run it.
//
// Separation of duties. A service rating
// given after the case's query password was reset at a window is marked; it counts once a supervisor
// has checked it (who and when), since the reset put a new password in a clerk's hands.

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('service_ratings')
    .addColumn('is_after_reset', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('service_ratings').addColumn('reset_checked_by', 'integer').execute();
  await db.schema.alterTable('service_ratings').addColumn('reset_checked_at', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const c of ['reset_checked_at', 'reset_checked_by', 'is_after_reset'])
    await db.schema.alterTable('service_ratings').dropColumn(c).execute();
}
