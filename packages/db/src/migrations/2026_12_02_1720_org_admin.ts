import type { Kysely } from 'kysely';

// Frozen in time: this file imports no application code. Both dialects run it.
// People and places kept from the dashboard: a unit or a window is disabled with a reason and enabled
// again (never deleted: its history points at it); a person carries the center's staff number (工号),
// unique within the center, and the reason they were disabled.

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  for (const table of ['units', 'windows']) {
    await db.schema
      .alterTable(table)
      .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.alterTable(table).addColumn('inactive_reason', 'text').execute();
  }
  await db.schema.alterTable('staff').addColumn('staff_no', 'text').execute();
  await db.schema.alterTable('staff').addColumn('inactive_reason', 'text').execute();
  // two people without a number are not the same number: both dialects treat NULLs as distinct
  await db.schema
    .createIndex('staff_center_staff_no')
    .on('staff')
    .columns(['center_id', 'staff_no'])
    .unique()
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('staff_center_staff_no').execute();
  await db.schema.alterTable('staff').dropColumn('inactive_reason').execute();
  await db.schema.alterTable('staff').dropColumn('staff_no').execute();
  for (const table of ['windows', 'units']) {
    await db.schema.alterTable(table).dropColumn('inactive_reason').execute();
    await db.schema.alterTable(table).dropColumn('is_active').execute();
  }
}
