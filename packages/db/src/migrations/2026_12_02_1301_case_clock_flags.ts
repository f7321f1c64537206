import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import { PostgresAdapter } from 'kysely';

// Frozen in time: this file imports no application code. Both dialects run it.
// 规程 二、4 and 四、2: a case remembers a 补办 issued after its acceptance (the clock is not restarted)
// and a notification after the promised limit. 规程 三、3: a related department that answered late is
// recorded against itself, with its working days late. A supervisor may confirm fewer overdue days
// than proposed, with a reason: the days confirmed are kept beside the days proposed. 规程 四、3: an
// applicant may ask the center to review (复核) a refused case: the request, the reviewer, the outcome.

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
type AnyDb = Kysely<any>;

const isPostgres = (db: AnyDb) => db.getExecutor().adapter instanceof PostgresAdapter;

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
  const id = isPostgres(db)
    ? (c: ColumnDefinitionBuilder) => c.primaryKey().generatedByDefaultAsIdentity()
    : (c: ColumnDefinitionBuilder) => c.primaryKey();
  await db.schema
    .createTable('case_reviews')
    .addColumn('id', 'integer', id)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('center_id', 'integer', (c) => c.notNull())
    .addColumn('requested_on', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('request', 'text')
    .addColumn('requested_by', 'integer')
    .addColumn('reviewer', 'text')
    .addColumn('reviewed_by', 'integer')
    .addColumn('outcome', 'text')
    .addColumn('decided_on', 'text')
    .addColumn('reasons', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_reviews_case').on('case_reviews').columns(['case_id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('case_reviews').ifExists().execute();
  await db.schema.alterTable('case_sanction_proposals').dropColumn('confirmed_qty').execute();
  await db.schema.alterTable('case_joint_departments').dropColumn('late_days').execute();
  await db.schema.alterTable('cases').dropColumn('is_notified_late').execute();
  await db.schema.alterTable('cases').dropColumn('is_supplement_after_acceptance').execute();
}
