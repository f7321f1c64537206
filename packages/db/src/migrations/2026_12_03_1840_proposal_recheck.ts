import type { Kysely } from 'kysely';

// Frozen in time: this file imports no application code. Both dialects run it.
//
// A calendar correction recounts the overdue proposals of a decided case. A waiting one is withdrawn
// or adjusted; a confirmed one is never changed (a record was made from it) but is marked for a
// supervisor's recheck (日历更正后需复核) with what the corrected calendar says. Null: nothing to recheck.

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('case_sanction_proposals').addColumn('recheck_reason', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('case_sanction_proposals').dropColumn('recheck_reason').execute();
}
