import { type Kysely, sql } from 'kysely';

// Frozen in time: this file imports no application code. Both dialects run it.
// Accounts a center administrator manages: a password set by an administrator (a new account, a
// reset) is one-time and must be changed at the first login; a leader's sign-off position decides
// which line of the monthly fines summary they sign (主要领导 or 分管领导); a platform administrator
// sees and creates every center, a center administrator only their own.

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('users')
    .addColumn('signoff_position', 'text', (c) => c.check(sql`signoff_position in ('principal', 'deputy')`))
    .execute();
  await db.schema
    .alterTable('users')
    .addColumn('is_platform_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const column of ['is_platform_admin', 'signoff_position', 'must_change_password']) {
    await db.schema.alterTable('users').dropColumn(column).execute();
  }
}
