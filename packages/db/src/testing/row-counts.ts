import { type Kysely, sql } from 'kysely';

/**
 * The number of rows of every table of the schema (Kysely's own migration tables left out, and the
 * tables named in `except`), for tests that check a refused call wrote nothing.
 */
export async function rowCountsOf(
  // biome-ignore lint/suspicious/noExplicitAny: any schema: the tables are read from the database
  db: Kysely<any>,
  except: ReadonlySet<string> = new Set(),
): Promise<Record<string, number>> {
  const tables = (await db.introspection.getTables())
    .map((t) => t.name)
    .filter((name) => !name.startsWith('kysely_') && !except.has(name))
    .sort();
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(
      db,
    );
    counts[table] = Number(rows[0]?.n ?? 0);
  }
  return counts;
}
