import type { Kysely } from 'kysely';

// Frozen in time: this file imports no application code. Both dialects run it.
//
// A user sees their open sessions and ends the ones they do not know (issue 15): each session keeps
// the device (the browser's User-Agent, cut to 300 characters) and the address it signed in from, and
// when it was last seen (updated at most once every half minute). Sessions opened before have none of these.

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('sessions').addColumn('user_agent', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('client_address', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('last_seen_at', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const c of ['last_seen_at', 'client_address', 'user_agent'])
    await db.schema.alterTable('sessions').dropColumn(c).execute();
}
