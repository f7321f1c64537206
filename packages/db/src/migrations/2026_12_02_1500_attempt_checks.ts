import type { Kysely } from 'kysely';

// Frozen in time: this file imports no application code. Both dialects run it.
//
// Sign-in and status-query attempts are recorded before the password is checked, so parallel attempts
// count each other. An attempt refused by a limit was never checked: `is_checked` 0 keeps it on record
// without counting it towards any limit (a stranger locked out of one pair of user and address cannot
// push the user's global count further from there). The limits key on the pair first: the indexes
// start with the key and the address.

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  for (const table of ['login_attempts', 'status_query_attempts']) {
    await db.schema
      .alterTable(table)
      .addColumn('is_checked', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
  }
  await db.schema
    .createIndex('login_attempts_pair')
    .on('login_attempts')
    .columns(['username', 'address', 'at'])
    .execute();
  await db.schema
    .createIndex('status_query_attempts_pair')
    .on('status_query_attempts')
    .columns(['code', 'address', 'at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('status_query_attempts_pair').ifExists().execute();
  await db.schema.dropIndex('login_attempts_pair').ifExists().execute();
  for (const table of ['login_attempts', 'status_query_attempts']) {
    await db.schema.alterTable(table).dropColumn('is_checked').execute();
  }
}
