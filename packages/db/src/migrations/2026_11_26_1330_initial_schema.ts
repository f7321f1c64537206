import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file imports no application code. Both dialects run it.

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
type AnyDb = Kysely<any>;

const isPostgres = (db: AnyDb) => db.getExecutor().adapter instanceof PostgresAdapter;

/** integer key: rowid alias on SQLite, identity column on PostgreSQL */
function idColumn(db: AnyDb) {
  return isPostgres(db)
    ? (c: ColumnDefinitionBuilder) => c.primaryKey().generatedByDefaultAsIdentity()
    : (c: ColumnDefinitionBuilder) => c.primaryKey();
}

export async function up(db: AnyDb): Promise<void> {
  const id = idColumn(db);
  const ref = (table: string) => (c: ColumnDefinitionBuilder) => c.references(`${table}.id`);
  const refNotNull = (table: string) => (c: ColumnDefinitionBuilder) => c.notNull().references(`${table}.id`);

  await db.schema
    .createTable('centers')
    .addColumn('id', 'integer', id)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('units')
    .addColumn('id', 'integer', id)
    .addColumn('center_id', 'integer', refNotNull('centers'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('units_center_name', ['center_id', 'name'])
    .execute();

  await db.schema
    .createTable('windows')
    .addColumn('id', 'integer', id)
    .addColumn('center_id', 'integer', refNotNull('centers'))
    .addColumn('unit_id', 'integer', refNotNull('units'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('windows_center_code', ['center_id', 'code'])
    .execute();

  await db.schema
    .createTable('staff')
    .addColumn('id', 'integer', id)
    .addColumn('center_id', 'integer', refNotNull('centers'))
    .addColumn('unit_id', 'integer', ref('units'))
    .addColumn('window_id', 'integer', ref('windows'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('post', 'text', (c) => c.notNull().check(sql`post in ('front', 'back', 'security')`))
    .addColumn('ab_role', 'text', (c) => c.check(sql`ab_role in ('A', 'B')`))
    .addColumn('is_window_head', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('staff_center').on('staff').columns(['center_id', 'window_id']).execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', id)
    .addColumn('center_id', 'integer', refNotNull('centers'))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('admin', 'leader', 'supervisor', 'head', 'staff')`),
    )
    .addColumn('staff_id', 'integer', ref('staff'))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('is_disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', refNotNull('users'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('policies')
    .addColumn('id', 'integer', id)
    .addColumn('center_id', 'integer', refNotNull('centers'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', ref('users'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('policies_version', ['center_id', 'code', 'version'])
    .execute();

  await db.schema
    .createTable('conduct_records')
    .addColumn('id', 'integer', id)
    .addColumn('center_id', 'integer', refNotNull('centers'))
    .addColumn('scheme', 'text', (c) => c.notNull().check(sql`scheme in ('points', 'fine')`))
    .addColumn('staff_id', 'integer', ref('staff'))
    .addColumn('window_id', 'integer', ref('windows'))
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('qty', 'integer', (c) => c.notNull().defaultTo(1).check(sql`qty > 0`))
    .addColumn('level', 'text')
    .addColumn('aggravated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('source', 'text', (c) =>
      c.notNull().check(sql`source in ('patrol', 'complaint', 'case', 'manual', 'award')`),
    )
    .addColumn('source_id', 'integer')
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('active').check(sql`status in ('active', 'revoked')`),
    )
    .addColumn('revoke_reason', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'integer', ref('users'))
    .addColumn('recorded_by', 'integer', ref('users'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('conduct_records_target', sql`staff_id is not null or window_id is not null`)
    .addCheckConstraint('conduct_records_revoked', sql`status = 'active' or revoke_reason is not null`)
    .execute();
  await db.schema
    .createIndex('conduct_records_date')
    .on('conduct_records')
    .columns(['center_id', 'date'])
    .execute();
  await db.schema
    .createIndex('conduct_records_staff')
    .on('conduct_records')
    .columns(['staff_id', 'date'])
    .execute();

  await db.schema
    .createTable('complaints')
    .addColumn('id', 'integer', id)
    .addColumn('center_id', 'integer', refNotNull('centers'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('window_id', 'integer', ref('windows'))
    .addColumn('staff_id', 'integer', ref('staff'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('is_valid', 'integer')
    .addColumn('cause', 'text')
    .addColumn('verification_note', 'text')
    .addColumn('verified_by', 'integer', ref('users'))
    .addColumn('verified_at', 'text')
    .addColumn('record_id', 'integer', ref('conduct_records'))
    .addColumn('created_by', 'integer', ref('users'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('complaints_date').on('complaints').columns(['center_id', 'date']).execute();

  await db.schema
    .createTable('peer_ratings')
    .addColumn('id', 'integer', id)
    .addColumn('center_id', 'integer', refNotNull('centers'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('quarter', 'integer', (c) => c.notNull().check(sql`quarter between 1 and 4`))
    .addColumn('rater_id', 'integer', refNotNull('staff'))
    .addColumn('ratee_id', 'integer', refNotNull('staff'))
    .addColumn('tier', 'text', (c) => c.notNull().check(sql`tier in ('good', 'medium', 'poor')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('peer_ratings_once', ['year', 'quarter', 'rater_id', 'ratee_id'])
    .addCheckConstraint('peer_ratings_no_self', sql`rater_id <> ratee_id`)
    .execute();
  await db.schema
    .createIndex('peer_ratings_period')
    .on('peer_ratings')
    .columns(['center_id', 'year', 'quarter'])
    .execute();

  await db.schema
    .createTable('patrols')
    .addColumn('id', 'integer', id)
    .addColumn('center_id', 'integer', refNotNull('centers'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('session', 'text', (c) => c.notNull().check(sql`session in ('morning', 'afternoon')`))
    .addColumn('duty_leader', 'text', (c) => c.notNull())
    .addColumn('inspectors', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', ref('users'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('patrols_once', ['center_id', 'date', 'session'])
    .execute();

  await db.schema
    .createTable('patrol_findings')
    .addColumn('id', 'integer', id)
    .addColumn('patrol_id', 'integer', refNotNull('patrols'))
    .addColumn('clause', 'text', (c) => c.notNull())
    .addColumn('finding', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'integer', ref('staff'))
    .addColumn('window_id', 'integer', ref('windows'))
    .addColumn('record_id', 'integer', ref('conduct_records'))
    .execute();
  await db.schema.createIndex('patrol_findings_patrol').on('patrol_findings').column('patrol_id').execute();

  await db.schema
    .createTable('window_awards')
    .addColumn('id', 'integer', id)
    .addColumn('center_id', 'integer', refNotNull('centers'))
    .addColumn('window_id', 'integer', refNotNull('windows'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('redFlagMonthly', 'redFlagAnnual', 'yellowCard')`),
    )
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('month', 'integer')
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('record_id', 'integer', ref('conduct_records'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('revoke_reason', 'text')
    .addColumn('created_by', 'integer', ref('users'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('window_awards_period')
    .on('window_awards')
    .columns(['center_id', 'year'])
    .execute();

  await db.schema
    .createTable('matters')
    .addColumn('id', 'integer', id)
    .addColumn('center_id', 'integer', refNotNull('centers'))
    .addColumn('unit_id', 'integer', refNotNull('units'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('promised_days', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('cases')
    .addColumn('id', 'integer', id)
    .addColumn('center_id', 'integer', refNotNull('centers'))
    .addColumn('unit_id', 'integer', refNotNull('units'))
    .addColumn('window_id', 'integer', refNotNull('windows'))
    .addColumn('staff_id', 'integer', ref('staff'))
    .addColumn('matter_id', 'integer', refNotNull('matters'))
    .addColumn('type', 'text', (c) =>
      c.notNull().check(sql`type in ('immediate', 'promised', 'joint', 'forwarded')`),
    )
    .addColumn('accepted_at', 'text', (c) => c.notNull())
    .addColumn('promised_days', 'integer', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('handling_days', 'integer')
    .addColumn('overdue_days', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('cases_window_day').on('cases').columns(['window_id', 'accepted_at']).execute();

  await db.schema
    .createTable('case_daily')
    .addColumn('center_id', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('window_id', 'integer', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('cases', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('completed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('on_time', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('overdue', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('overdue_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('handling_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('promised_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('immediate', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('immediate_same_day', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('case_daily_pk', ['window_id', 'day'])
    .execute();
  await db.schema
    .createIndex('case_daily_center_month')
    .on('case_daily')
    .columns(['center_id', 'month'])
    .execute();

  await db.schema
    .createTable('published_assessments')
    .addColumn('id', 'integer', id)
    .addColumn('center_id', 'integer', refNotNull('centers'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('quarter', 'integer', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('policy_id', 'integer', refNotNull('policies'))
    .addColumn('policy_version', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('published_by', 'integer', ref('users'))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('published_assessments_revision', ['center_id', 'year', 'quarter', 'revision'])
    .execute();

  await db.schema
    .createTable('calendar_days')
    .addColumn('center_id', 'integer', refNotNull('centers'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('is_working', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('calendar_days_pk', ['center_id', 'date'])
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', id)
    .addColumn('center_id', 'integer')
    .addColumn('user_id', 'integer')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .execute();
  await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity', 'entity_id']).execute();

  // The audit log is append-only and a published snapshot never changes: the database refuses both.
  for (const table of ['audit_log', 'published_assessments']) {
    if (isPostgres(db)) {
      await sql`create or replace function refuse_change() returns trigger as $$
        begin raise exception 'append-only table %', TG_TABLE_NAME; end; $$ language plpgsql`.execute(db);
      await sql`create trigger ${sql.raw(`${table}_immutable`)} before update or delete on ${sql.table(table)}
        for each row execute function refuse_change()`.execute(db);
    } else {
      for (const op of ['update', 'delete']) {
        await sql`create trigger ${sql.raw(`${table}_no_${op}`)} before ${sql.raw(op)} on ${sql.table(table)}
          begin select raise(abort, ${sql.lit(`append-only table ${table}`)}); end`.execute(db);
      }
    }
  }
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'audit_log',
    'calendar_days',
    'published_assessments',
    'case_daily',
    'cases',
    'matters',
    'window_awards',
    'patrol_findings',
    'patrols',
    'peer_ratings',
    'complaints',
    'conduct_records',
    'policies',
    'sessions',
    'users',
    'staff',
    'windows',
    'units',
    'centers',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  if (isPostgres(db)) await sql`drop function if exists refuse_change()`.execute(db);
}
