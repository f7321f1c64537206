import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import { PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file imports no application code. Both dialects run it.
// A person's unit, window, post and headship held as of today only: moving someone rewrote every past
// quarter. They now hold from a date to a date (staff_assignments); the staff row keeps the current
// one. Every existing person keeps their present assignment from the center's first data (the earliest
// record or complaint, else the day the person was entered). A center may also say when it began.

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
type AnyDb = Kysely<any>;

const isPostgres = (db: AnyDb) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: AnyDb): Promise<void> {
  const id = isPostgres(db)
    ? (c: ColumnDefinitionBuilder) => c.primaryKey().generatedByDefaultAsIdentity()
    : (c: ColumnDefinitionBuilder) => c.primaryKey();
  await db.schema
    .createTable('staff_assignments')
    .addColumn('id', 'integer', id)
    .addColumn('center_id', 'integer', (c) => c.notNull().references('centers.id'))
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('window_id', 'integer', (c) => c.references('windows.id'))
    .addColumn('post', 'text', (c) => c.notNull().check(sql`post in ('front', 'back', 'security')`))
    .addColumn('is_window_head', 'integer', (c) => c.notNull().defaultTo(0))
    // first and last day held (inclusive); to_date null while it holds
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text')
    .addColumn('reason', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('staff_assignments_center')
    .on('staff_assignments')
    .columns(['center_id', 'from_date'])
    .execute();
  await db.schema
    .createIndex('staff_assignments_staff')
    .on('staff_assignments')
    .columns(['staff_id', 'from_date'])
    .execute();
  await db.schema.alterTable('centers').addColumn('began_on', 'text').execute();

  const staff: {
    id: number;
    center_id: number;
    unit_id: number | null;
    window_id: number | null;
    post: string;
    is_window_head: number;
    created_at: string;
  }[] = await db
    .selectFrom('staff')
    .select(['id', 'center_id', 'unit_id', 'window_id', 'post', 'is_window_head', 'created_at'])
    .orderBy('id')
    .execute();
  const firstData = new Map<number, string>();
  for (const table of ['conduct_records', 'complaints']) {
    const rows: { center_id: number; first: string | null }[] = await db
      .selectFrom(table)
      .select(['center_id', (eb) => eb.fn.min('date').as('first')])
      .groupBy('center_id')
      .execute();
    for (const r of rows) {
      if (r.first === null) continue;
      const known = firstData.get(r.center_id);
      if (known === undefined || r.first < known) firstData.set(r.center_id, r.first);
    }
  }
  const now = new Date().toISOString();
  for (const s of staff) {
    const entered = String(s.created_at).slice(0, 10);
    const first = firstData.get(s.center_id);
    await db
      .insertInto('staff_assignments')
      .values({
        center_id: s.center_id,
        staff_id: s.id,
        unit_id: s.unit_id,
        window_id: s.window_id,
        post: s.post,
        is_window_head: s.is_window_head,
        from_date: first !== undefined && first < entered ? first : entered,
        to_date: null,
        reason: null,
        created_by: null,
        created_at: now,
      })
      .execute();
  }
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('centers').dropColumn('began_on').execute();
  await db.schema.dropTable('staff_assignments').ifExists().execute();
}
