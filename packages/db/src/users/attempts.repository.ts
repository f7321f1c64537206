import { PostgresAdapter, sql } from 'kysely';
import type { Db, DbRoot } from '../client.ts';

/**
 * Rate-limited attempts: sign-ins (`login_attempts`, keyed on the username) and applicants' status
 * queries (`status_query_attempts`, keyed on the acceptance code). Each attempt is written before its
 * password is checked, as a failure; a success is marked afterwards and an attempt refused by a limit
 * is marked unchecked. Attempts are numbered in the order they are written and each counts those
 * written before it, so parallel attempts see each other: the k-th counts the k − 1 before it, and no
 * more than the limit are ever checked, however many arrive at once.
 */
export type TAttemptKind = 'login' | 'statusQuery';

const TABLE = { login: 'login_attempts', statusQuery: 'status_query_attempts' } as const;
const KEY = { login: 'username', statusQuery: 'code' } as const;

/**
 * Writes an attempt as an unsettled failure; returns its id. Ids follow the order of commits: SQLite
 * has one writer at a time, and on PostgreSQL the insert holds a lock that admits one writer of the
 * table at a time (a sequence alone hands out ids in an order that commits may overtake).
 */
export async function beginAttempt(
  db: DbRoot,
  kind: TAttemptKind,
  a: { key: string; address: string | null; at: string },
): Promise<number> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return insertAttempt(db, kind, a);
  return db.transaction().execute(async (trx) => {
    await sql`lock table ${sql.table(TABLE[kind])} in share row exclusive mode`.execute(trx);
    return insertAttempt(trx, kind, a);
  });
}

async function insertAttempt(
  db: Db,
  kind: TAttemptKind,
  a: { key: string; address: string | null; at: string },
): Promise<number> {
  const row = { is_ok: 0, is_checked: 1, at: a.at };
  const inserted =
    kind === 'login'
      ? await db
          .insertInto('login_attempts')
          .values({ ...row, username: a.key, address: a.address })
          .returning('id')
          .executeTakeFirstOrThrow()
      : await db
          .insertInto('status_query_attempts')
          .values({ ...row, code: a.key, address: a.address ?? '' })
          .returning('id')
          .executeTakeFirstOrThrow();
  return Number(inserted.id);
}

/** Settles an attempt: `ok` the password matched; `refused` a limit stopped it before any check. */
export async function settleAttempt(
  db: Db,
  kind: TAttemptKind,
  id: number,
  outcome: 'ok' | 'refused',
): Promise<void> {
  await db
    .updateTable(TABLE[kind])
    .set(outcome === 'ok' ? { is_ok: 1 } : { is_checked: 0 })
    .where('id', '=', id)
    .execute();
}

/**
 * The counted failures (checked, not ok; unsettled attempts included) written before attempt `beforeId`, as
 * ISO instants oldest first: for the pair (key, address) since the pair's last success, for the
 * address across keys, and for the key from every address (the slower backstop).
 */
export async function countedFailures(
  db: Db,
  kind: TAttemptKind,
  f: {
    key: string;
    address: string | null;
    beforeId: number;
    pairSince: string;
    addressSince: string;
    keySince: string;
  },
): Promise<{ byPair: string[]; byAddress: string[]; byKey: string[] }> {
  const table = TABLE[kind];
  const key = db.dynamic.ref<'login_attempts.username'>(`${table}.${KEY[kind]}`);
  const lastPairSuccess = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max('at').as('at'))
    .where(key, '=', f.key)
    .where('address', f.address === null ? 'is' : '=', f.address)
    .where('is_ok', '=', 1)
    .where('at', '>=', f.pairSince)
    .executeTakeFirst();
  const failures = (where: { key?: true; address?: true }, from: { since: string } | { after: string }) => {
    let q = db
      .selectFrom(table)
      .select('at')
      .where('is_ok', '=', 0)
      .where('is_checked', '=', 1)
      .where('id', '<', f.beforeId)
      .where('at', 'since' in from ? '>=' : '>', 'since' in from ? from.since : from.after);
    if (where.key) q = q.where(key, '=', f.key);
    if (where.address) q = q.where('address', f.address === null ? 'is' : '=', f.address);
    return q
      .orderBy('at')
      .execute()
      .then((rows) => rows.map((r) => r.at));
  };
  // a success of the pair inside the window starts the pair's count again
  const pairFrom = lastPairSuccess?.at ? { after: lastPairSuccess.at } : { since: f.pairSince };
  const [byPair, byAddr, byKey] = await Promise.all([
    failures({ key: true, address: true }, pairFrom),
    f.address === null ? Promise.resolve([]) : failures({ address: true }, { since: f.addressSince }),
    failures({ key: true }, { since: f.keySince }),
  ]);
  return { byPair, byAddress: byAddr, byKey };
}
