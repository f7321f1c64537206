import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file imports no application code. Both dialects run it.
// The case workflow: the eight fields of a service guide on matters, the workflow columns on
// cases, an append-only event log, joint departments, 好差评 ratings and their follow-ups, overdue
// sanction proposals and the status-query attempts that rate-limit the public query.

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
type AnyDb = Kysely<any>;

const isPostgres = (db: AnyDb) => db.getExecutor().adapter instanceof PostgresAdapter;

function idColumn(db: AnyDb) {
  return isPostgres(db)
    ? (c: ColumnDefinitionBuilder) => c.primaryKey().generatedByDefaultAsIdentity()
    : (c: ColumnDefinitionBuilder) => c.primaryKey();
}

type TColumn = [
  name: string,
  type: 'text' | 'integer',
  build?: (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder,
];

/** SQLite adds one column per ALTER TABLE statement. */
async function addColumns(db: AnyDb, table: string, columns: TColumn[]): Promise<void> {
  for (const [name, type, build] of columns) {
    await db.schema
      .alterTable(table)
      .addColumn(name, type, build ?? ((c) => c))
      .execute();
  }
}

export async function up(db: AnyDb): Promise<void> {
  const id = idColumn(db);
  const refNotNull = (table: string) => (c: ColumnDefinitionBuilder) => c.notNull().references(`${table}.id`);
  const ref = (table: string) => (c: ColumnDefinitionBuilder) => c.references(`${table}.id`);
  const zero = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(0);

  // 办事指南: the eight fields (name, type and promised days exist already)
  await addColumns(db, 'matters', [
    ['legal_basis', 'text'],
    ['materials', 'text'], // JSON array of strings
    ['procedure', 'text'],
    ['fees', 'text'],
    ['fee_basis', 'text'],
    ['inquiry_phone', 'text'],
    ['complaint_phone', 'text'],
    ['lead_department', 'text'],
    ['related_departments', 'text'], // JSON array of strings
    ['is_active', 'integer', (c) => c.notNull().defaultTo(1)],
    ['revoke_reason', 'text'],
  ]);

  await addColumns(db, 'cases', [
    ['applicant_name', 'text'],
    ['applicant_phone', 'text'],
    ['acceptance_code', 'text'],
    /** scrypt$N$r$p$salt$hash; the password itself is never stored */
    ['query_password_hash', 'text'],
    ['handler_phone', 'text'],
    /** the day the applicant first stood at the window */
    ['received_on', 'text'],
    /** 正式受理之日: null while materials are awaited */
    ['official_accepted_on', 'text'],
    /** the workflow status of the rules package (accepted, awaitingMaterials, returned, forwarded, …) */
    ['stage', 'text'],
    ['supplement_count', 'integer', zero],
    ['missing_materials', 'text'],
    ['return_reasons', 'text'],
    ['is_one_time_failed', 'integer', zero],
    ['is_joint_late', 'integer', zero],
    ['forwarded_on', 'text'],
    ['upper_reply_on', 'text'],
    ['explanation_filed_on', 'text'],
    ['explanation', 'text'],
    ['decision', 'text'],
    ['notified_on', 'text'],
    ['picked_up_on', 'text'],
    ['accepted_by_user', 'integer', ref('users')],
    ['updated_at', 'text'],
  ]);
  await db.schema
    .createIndex('cases_acceptance_code')
    .on('cases')
    .column('acceptance_code')
    .unique()
    .execute();
  await db.schema.createIndex('cases_center_stage').on('cases').columns(['center_id', 'stage']).execute();
  await db.schema.createIndex('cases_staff_day').on('cases').columns(['staff_id', 'accepted_at']).execute();

  await db.schema
    .createTable('case_events')
    .addColumn('id', 'integer', id)
    .addColumn('case_id', 'integer', refNotNull('cases'))
    .addColumn('center_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('payload', 'text')
    .addColumn('user_id', 'integer')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_events_case').on('case_events').column('case_id').execute();

  await db.schema
    .createTable('case_joint_departments')
    .addColumn('case_id', 'integer', refNotNull('cases'))
    .addColumn('center_id', 'integer', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('limit_days', 'integer', (c) => c.notNull())
    .addColumn('copied_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('answered_on', 'text')
    .addColumn('opinion', 'text')
    .addPrimaryKeyConstraint('case_joint_departments_pk', ['case_id', 'department'])
    .execute();
  await db.schema
    .createIndex('case_joint_departments_open')
    .on('case_joint_departments')
    .columns(['center_id', 'answered_on', 'due_on'])
    .execute();

  // 好差评: one rating per case, five levels 1 = 非常满意 … 5 = 非常不满意
  await db.schema
    .createTable('case_ratings')
    .addColumn('id', 'integer', id)
    .addColumn('case_id', 'integer', (c) => c.notNull().unique().references('cases.id'))
    .addColumn('center_id', 'integer', (c) => c.notNull())
    .addColumn('window_id', 'integer', (c) => c.notNull())
    .addColumn('staff_id', 'integer')
    .addColumn('level', 'integer', (c) => c.notNull().check(sql`level between 1 and 5`))
    .addColumn('comment', 'text')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_ratings_month')
    .on('case_ratings')
    .columns(['center_id', 'month', 'window_id'])
    .execute();

  await db.schema
    .createTable('case_follow_ups')
    .addColumn('id', 'integer', id)
    .addColumn('case_id', 'integer', refNotNull('cases'))
    .addColumn('rating_id', 'integer', refNotNull('case_ratings'))
    .addColumn('center_id', 'integer', (c) => c.notNull())
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'closed')`))
    .addColumn('closed_on', 'text')
    .addColumn('closed_by', 'integer', ref('users'))
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('case_follow_ups_open')
    .on('case_follow_ups')
    .columns(['center_id', 'status'])
    .execute();

  // B5 / F3 proposals: nothing is deducted until a supervisor confirms
  await db.schema
    .createTable('case_sanction_proposals')
    .addColumn('id', 'integer', id)
    .addColumn('case_id', 'integer', refNotNull('cases'))
    .addColumn('center_id', 'integer', (c) => c.notNull())
    .addColumn('staff_id', 'integer', ref('staff'))
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('qty', 'integer', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('proposed', 'confirmed', 'rejected')`),
    )
    .addColumn('decided_by', 'integer', ref('users'))
    .addColumn('decided_at', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('record_id', 'integer', ref('conduct_records'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_sanction_proposals_status')
    .on('case_sanction_proposals')
    .columns(['center_id', 'status'])
    .execute();

  await db.schema
    .createTable('status_query_attempts')
    .addColumn('id', 'integer', id)
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('is_ok', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('status_query_attempts_code')
    .on('status_query_attempts')
    .columns(['code', 'at'])
    .execute();
  await db.schema
    .createIndex('status_query_attempts_address')
    .on('status_query_attempts')
    .columns(['address', 'at'])
    .execute();

  // The event log is append-only, like the audit log.
  if (isPostgres(db)) {
    await sql`create or replace function refuse_change() returns trigger as $$
      begin raise exception 'append-only table %', TG_TABLE_NAME; end; $$ language plpgsql`.execute(db);
    await sql`create trigger case_events_immutable before update or delete on case_events
      for each row execute function refuse_change()`.execute(db);
  } else {
    for (const op of ['update', 'delete']) {
      await sql`create trigger ${sql.raw(`case_events_no_${op}`)} before ${sql.raw(op)} on case_events
        begin select raise(abort, 'append-only table case_events'); end`.execute(db);
    }
  }
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'status_query_attempts',
    'case_sanction_proposals',
    'case_follow_ups',
    'case_ratings',
    'case_joint_departments',
    'case_events',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  for (const index of ['cases_acceptance_code', 'cases_center_stage', 'cases_staff_day']) {
    await db.schema.dropIndex(index).ifExists().execute();
  }
  const dropColumns = async (table: string, columns: string[]) => {
    for (const c of columns) await db.schema.alterTable(table).dropColumn(c).execute();
  };
  await dropColumns('cases', [
    'applicant_name',
    'applicant_phone',
    'acceptance_code',
    'query_password_hash',
    'handler_phone',
    'received_on',
    'official_accepted_on',
    'stage',
    'supplement_count',
    'missing_materials',
    'return_reasons',
    'is_one_time_failed',
    'is_joint_late',
    'forwarded_on',
    'upper_reply_on',
    'explanation_filed_on',
    'explanation',
    'decision',
    'notified_on',
    'picked_up_on',
    'accepted_by_user',
    'updated_at',
  ]);
  await dropColumns('matters', [
    'legal_basis',
    'materials',
    'procedure',
    'fees',
    'fee_basis',
    'inquiry_phone',
    'complaint_phone',
    'lead_department',
    'related_departments',
    'is_active',
    'revoke_reason',
  ]);
}
