import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, type RawBuilder, sql } from 'kysely';

// Frozen in time: this file imports no application code. Both dialects run it.
//
// One case model. The cases table held two shapes side by side: the analytics one (type 'forwarded'
// for 上报件, status open/completed/returned, accepted_at, completed_at) and the workflow one (stage,
// received_on, official_accepted_on, …). It now has one: type immediate/promised/joint/escalated, a
// stage on every row, received_on (the rollup's day, the day the applicant came), accepted_on (正式受理之日),
// decided_on, and the deadline null while materials are awaited or once returned. Matters say
// 'escalated' too. 好差评 is "service rating" (互评 keeps "peer rating"): case_ratings becomes
// service_ratings, case_follow_ups becomes service_rating_follow_ups. Every center gets policy D, the
// case rules (高新区政务服务中心窗口办件工作规程), as version 1.
//
// Set-based SQL only: every row is kept and the case_daily rollup is untouched (its day, counters and
// the 'immediate' type keep their values). SQLite cannot change a CHECK or NOT NULL in place, so there
// the two tables are rebuilt (SQLite's twelve-step procedure: foreign keys off, one transaction,
// foreign_key_check before the commit); PostgreSQL alters them inside the migrator's transaction.
// No down: the old shape had two vocabularies; restore the backup taken before migrating instead.

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
type AnyDb = Kysely<any>;

const isPostgres = (db: AnyDb) => db.getExecutor().adapter instanceof PostgresAdapter;

const TYPES = sql.raw(`('immediate', 'promised', 'joint', 'escalated')`);
const STAGES = sql.raw(
  `('accepted', 'awaitingMaterials', 'returned', 'forwarded', 'decided', 'notified', 'pickedUp')`,
);

/** A row's type in the new words. */
const TYPE_OF_ROW = sql`case type when 'forwarded' then 'escalated' else type end`;
/** A row's stage: rows written before the workflow had only a status. */
const STAGE_OF_ROW = sql`coalesce(stage, case status when 'completed' then 'decided' when 'returned' then 'returned' else 'accepted' end)`;
/** 正式受理之日: a row written before the workflow was accepted on the day it was received. */
const ACCEPTED_ON_OF_ROW = sql`case when stage is null then accepted_at else official_accepted_on end`;
/** No deadline while materials are awaited or once returned (the clock does not run). */
const DEADLINE_OF_ROW = sql`case when ${STAGE_OF_ROW} in ('awaitingMaterials', 'returned') then null else deadline end`;

/** The cases columns after this migration, each with what the old row gives it. */
const CASE_COLUMNS: [name: string, from: RawBuilder<unknown>][] = [
  ['id', sql`id`],
  ['center_id', sql`center_id`],
  ['unit_id', sql`unit_id`],
  ['window_id', sql`window_id`],
  ['staff_id', sql`staff_id`],
  ['matter_id', sql`matter_id`],
  ['type', TYPE_OF_ROW],
  ['stage', STAGE_OF_ROW],
  ['acceptance_code', sql`acceptance_code`],
  ['query_password_hash', sql`query_password_hash`],
  ['applicant_name', sql`applicant_name`],
  ['applicant_phone', sql`applicant_phone`],
  ['handler_phone', sql`handler_phone`],
  // the day the applicant came: the rollup's day (received_on always equalled it)
  ['received_on', sql`accepted_at`],
  ['accepted_on', ACCEPTED_ON_OF_ROW],
  ['promised_days', sql`promised_days`],
  ['deadline', DEADLINE_OF_ROW],
  ['supplement_count', sql`supplement_count`],
  ['missing_materials', sql`missing_materials`],
  ['return_reasons', sql`return_reasons`],
  ['is_one_time_notification_failed', sql`is_one_time_failed`],
  ['is_joint_department_late', sql`is_joint_late`],
  ['forwarded_on', sql`forwarded_on`],
  ['upper_reply_on', sql`upper_reply_on`],
  ['explanation_filed_on', sql`explanation_filed_on`],
  ['explanation', sql`explanation`],
  ['decision', sql`decision`],
  ['decided_on', sql`completed_at`],
  ['notified_on', sql`notified_on`],
  ['picked_up_on', sql`picked_up_on`],
  ['handling_days', sql`handling_days`],
  ['overdue_days', sql`overdue_days`],
  ['accepted_by_user', sql`accepted_by_user`],
  ['version', sql`updated_at`],
];

const CASE_INDEXES: [name: string, columns: string[], isUnique?: boolean][] = [
  ['cases_window_day', ['window_id', 'received_on']],
  ['cases_staff_day', ['staff_id', 'received_on']],
  ['cases_center_stage', ['center_id', 'stage']],
  ['cases_acceptance_code', ['acceptance_code'], true],
];

/** Policy D as stored for every center (its body as the application parsed it on this day). */
const POLICY_D_BODY = {
  code: 'D',
  version: 1,
  name: '高新区政务服务中心窗口办件工作规程',
  nameEn: 'Working rules for cases at the windows',
  source: '高新区政务服务中心窗口办件工作规程',
  items: [],
  cases: {
    escalation: { replyDays: 15, dayKind: 'calendar' },
    warnWorkingDays: 1,
    overdueSanctions: [
      { item: 'B5', per: 'overdueWorkingDay' },
      { item: 'F3', per: 'case' },
    ],
    serviceRatings: { followUpWorkingDays: 15 },
  },
};

export async function up(db: AnyDb): Promise<void> {
  if (isPostgres(db)) {
    await alterOnPostgres(db);
  } else {
    await rebuildOnSqlite(db);
  }
}

async function alterOnPostgres(db: AnyDb): Promise<void> {
  // cases: values first (one UPDATE reads every old value), then names and constraints
  await sql`alter table cases drop constraint if exists cases_type_check,
    alter column deadline drop not null`.execute(db);
  await sql`update cases set type = ${TYPE_OF_ROW}, stage = ${STAGE_OF_ROW},
    official_accepted_on = ${ACCEPTED_ON_OF_ROW}, deadline = ${DEADLINE_OF_ROW}`.execute(db);
  await sql`alter table cases drop column received_on`.execute(db);
  for (const [from, to] of [
    ['accepted_at', 'received_on'],
    ['official_accepted_on', 'accepted_on'],
    ['completed_at', 'decided_on'],
    ['is_one_time_failed', 'is_one_time_notification_failed'],
    ['is_joint_late', 'is_joint_department_late'],
    ['updated_at', 'version'],
  ]) {
    await sql`alter table cases rename column ${sql.ref(from!)} to ${sql.ref(to!)}`.execute(db);
  }
  await sql`alter table cases drop column status`.execute(db);
  await sql`alter table cases alter column stage set not null,
    add constraint cases_type_check check (type in ${TYPES}),
    add constraint cases_stage_check check (stage in ${STAGES}),
    add constraint cases_decision_check check (decision in ('approved', 'refused'))`.execute(db);

  await sql`update matters set type = ${TYPE_OF_ROW}`.execute(db);
  await sql`alter table matters add constraint matters_type_check check (type in ${TYPES})`.execute(db);

  await renameServiceRatings(db);
  for (const [table, from, to] of [
    ['service_ratings', 'case_ratings', 'service_ratings'],
    ['service_rating_follow_ups', 'case_follow_ups', 'service_rating_follow_ups'],
  ] as const) {
    // constraint names (and the indexes behind them) follow the table's new name
    const rows = await sql<{ name: string }>`select conname as name from pg_constraint
      where conrelid = ${table}::regclass and conname like ${`${from}%`}`.execute(db);
    for (const { name } of rows.rows) {
      await sql`alter table ${sql.table(table)} rename constraint ${sql.ref(name)}
        to ${sql.ref(to + name.slice(from.length))}`.execute(db);
    }
  }
  await insertPolicyD(db);
}

async function rebuildOnSqlite(db: AnyDb): Promise<void> {
  // foreign keys can be switched off only outside a transaction (the migrator opens none on SQLite)
  await sql`pragma foreign_keys = off`.execute(db);
  await sql`begin`.execute(db);
  try {
    await rebuildCases(db);
    await rebuildMatters(db);
    await renameServiceRatings(db);
    await insertPolicyD(db);
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

async function rebuildCases(db: AnyDb): Promise<void> {
  const ref = (table: string) => (c: ColumnDefinitionBuilder) => c.references(`${table}.id`);
  const refNotNull = (table: string) => (c: ColumnDefinitionBuilder) => c.notNull().references(`${table}.id`);
  const zero = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(0);
  await db.schema
    .createTable('cases_new')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('center_id', 'integer', refNotNull('centers'))
    .addColumn('unit_id', 'integer', refNotNull('units'))
    .addColumn('window_id', 'integer', refNotNull('windows'))
    .addColumn('staff_id', 'integer', ref('staff'))
    .addColumn('matter_id', 'integer', refNotNull('matters'))
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ${TYPES}`))
    .addColumn('stage', 'text', (c) => c.notNull().check(sql`stage in ${STAGES}`))
    .addColumn('acceptance_code', 'text')
    .addColumn('query_password_hash', 'text')
    .addColumn('applicant_name', 'text')
    .addColumn('applicant_phone', 'text')
    .addColumn('handler_phone', 'text')
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('accepted_on', 'text')
    .addColumn('promised_days', 'integer', (c) => c.notNull())
    .addColumn('deadline', 'text')
    .addColumn('supplement_count', 'integer', zero)
    .addColumn('missing_materials', 'text')
    .addColumn('return_reasons', 'text')
    .addColumn('is_one_time_notification_failed', 'integer', zero)
    .addColumn('is_joint_department_late', 'integer', zero)
    .addColumn('forwarded_on', 'text')
    .addColumn('upper_reply_on', 'text')
    .addColumn('explanation_filed_on', 'text')
    .addColumn('explanation', 'text')
    .addColumn('decision', 'text', (c) => c.check(sql`decision in ('approved', 'refused')`))
    .addColumn('decided_on', 'text')
    .addColumn('notified_on', 'text')
    .addColumn('picked_up_on', 'text')
    .addColumn('handling_days', 'integer')
    .addColumn('overdue_days', 'integer', zero)
    .addColumn('accepted_by_user', 'integer', ref('users'))
    .addColumn('version', 'text')
    .execute();
  await sql`insert into cases_new (${sql.join(CASE_COLUMNS.map(([name]) => sql.ref(name)))})
    select ${sql.join(CASE_COLUMNS.map(([, from]) => from))} from cases`.execute(db);
  await db.schema.dropTable('cases').execute();
  await sql`alter table cases_new rename to cases`.execute(db);
  for (const [name, columns, isUnique] of CASE_INDEXES) {
    let index = db.schema.createIndex(name).on('cases').columns(columns);
    if (isUnique) index = index.unique();
    await index.execute();
  }
}

async function rebuildMatters(db: AnyDb): Promise<void> {
  const columns = [
    'id',
    'center_id',
    'unit_id',
    'name',
    'type',
    'promised_days',
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
  ];
  const refNotNull = (table: string) => (c: ColumnDefinitionBuilder) => c.notNull().references(`${table}.id`);
  let table = db.schema
    .createTable('matters_new')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('center_id', 'integer', refNotNull('centers'))
    .addColumn('unit_id', 'integer', refNotNull('units'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ${TYPES}`))
    .addColumn('promised_days', 'integer', (c) => c.notNull());
  for (const name of columns.slice(6, -2)) table = table.addColumn(name, 'text');
  await table
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('revoke_reason', 'text')
    .execute();
  const list = sql.join(columns.map((c) => sql.ref(c)));
  const select = sql.join(columns.map((c) => (c === 'type' ? TYPE_OF_ROW : sql.ref(c))));
  await sql`insert into matters_new (${list}) select ${select} from matters`.execute(db);
  await db.schema.dropTable('matters').execute();
  await sql`alter table matters_new rename to matters`.execute(db);
}

/** 好差评 is a service rating: the tables, the follow-up's reference and the indexes say so. */
async function renameServiceRatings(db: AnyDb): Promise<void> {
  await sql`alter table case_ratings rename to service_ratings`.execute(db);
  await sql`alter table case_follow_ups rename to service_rating_follow_ups`.execute(db);
  await sql`alter table service_rating_follow_ups rename column rating_id to service_rating_id`.execute(db);
  await db.schema.dropIndex('case_ratings_month').execute();
  await db.schema
    .createIndex('service_ratings_month')
    .on('service_ratings')
    .columns(['center_id', 'month', 'window_id'])
    .execute();
  await db.schema.dropIndex('case_follow_ups_open').execute();
  await db.schema
    .createIndex('service_rating_follow_ups_open')
    .on('service_rating_follow_ups')
    .columns(['center_id', 'status'])
    .execute();
}

/** Policy D, version 1 in force since 2000-01-01, for every center that has none yet. */
async function insertPolicyD(db: AnyDb): Promise<void> {
  await sql`insert into policies (center_id, code, version, effective_from, body, created_by, created_at)
    select c.id, 'D', 1, '2000-01-01', ${JSON.stringify(POLICY_D_BODY)}, null, ${new Date().toISOString()}
    from centers c
    where not exists (select 1 from policies p where p.center_id = c.id and p.code = 'D')`.execute(db);
}
