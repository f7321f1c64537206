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
  return (await rowCounter(db, except))();
}

/**
 * {@link rowCountsOf} for a test that counts many times: the tables are read once, and each count is
 * one statement over all of them (one round trip on PostgreSQL, not one per table).
 */
export async function rowCounter(
  // biome-ignore lint/suspicious/noExplicitAny: any schema: the tables are read from the database
  db: Kysely<any>,
  except: ReadonlySet<string> = new Set(),
): Promise<() => Promise<Record<string, number>>> {
  const tables = (await db.introspection.getTables())
    .map((t) => t.name)
    .filter((name) => !name.startsWith('kysely_') && !except.has(name))
    .sort();
  const query = sql<{ t: string; n: number | string }>`${sql.join(
    tables.map((table) => sql`select ${sql.lit(table)} as t, count(*) as n from ${sql.table(table)}`),
    sql` union all `,
  )}`;
  return async () => {
    const counts: Record<string, number> = {};
    for (const table of tables) counts[table] = 0;
    if (tables.length === 0) return counts;
    for (const row of (await query.execute(db)).rows) counts[row.t] = Number(row.n);
    return counts;
  };
}
