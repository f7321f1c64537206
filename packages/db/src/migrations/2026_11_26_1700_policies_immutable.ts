import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file imports no application code. Both dialects run it.
// A policy version is never edited: a change is a new version with its own effective date, and a
// published quarter names the version it used. The API keeps parsed versions by id on that promise,
// so the database now refuses an update or a delete of one, as it does for the audit log.

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
type AnyDb = Kysely<any>;

const isPostgres = (db: AnyDb) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: AnyDb): Promise<void> {
  if (isPostgres(db)) {
    // refuse_change() comes with the initial schema
    await sql`create trigger policies_immutable before update or delete on policies
      for each row execute function refuse_change()`.execute(db);
    return;
  }
  for (const op of ['update', 'delete']) {
    await sql`create trigger ${sql.raw(`policies_no_${op}`)} before ${sql.raw(op)} on policies
      begin select raise(abort, 'append-only table policies'); end`.execute(db);
  }
}

export async function down(db: AnyDb): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop trigger if exists policies_immutable on policies`.execute(db);
    return;
  }
  for (const op of ['update', 'delete'])
    await sql`drop trigger if exists ${sql.raw(`policies_no_${op}`)}`.execute(db);
}
