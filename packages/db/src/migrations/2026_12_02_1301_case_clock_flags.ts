import type { Kysely } from 'kysely';

// Frozen in time: this file imports no application code. Both dialects run it.
// 规程 二、4 and 四、2: a case remembers a 补办 issued after its acceptance (the clock is not restarted)
// and a notification after the promised limit. 规程 三、3: a related department that answered late is
// recorded against itself, with its working days late. A supervisor may confirm fewer overdue days
// than proposed, with a reason: the days confirmed are kept beside the days proposed.

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('cases')
    .addColumn('is_supplement_after_acceptance', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('cases')
    .addColumn('is_notified_late', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('case_joint_departments')
    .addColumn('late_days', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('case_sanction_proposals').addColumn('confirmed_qty', 'integer').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('case_sanction_proposals').dropColumn('confirmed_qty').execute();
  await db.schema.alterTable('case_joint_departments').dropColumn('late_days').execute();
  await db.schema.alterTable('cases').dropColumn('is_notified_late').execute();
  await db.schema.alterTable('cases').dropColumn('is_supplement_after_acceptance').execute();
}
