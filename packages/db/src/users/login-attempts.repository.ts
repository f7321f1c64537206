import type { Db } from '../client.ts';

/** One sign-in attempt; `username` as the limit counts it (trimmed, lower-cased). */
export async function recordLoginAttempt(
  db: Db,
  a: { username: string; address: string | null; isOk: boolean; at: string },
): Promise<void> {
  await db
    .insertInto('login_attempts')
    .values({ username: a.username, address: a.address, is_ok: a.isOk ? 1 : 0, at: a.at })
    .execute();
}

/**
 * The failed sign-ins since `since` (ISO instants, oldest first): for the username, only those after
 * its last success (a success clears the count); for the address, all of them.
 */
export async function recentLoginFailures(
  db: Db,
  f: { username: string; address: string | null; since: string },
): Promise<{ byUsername: string[]; byAddress: string[] }> {
  const lastSuccess = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.max('at').as('at'))
    .where('username', '=', f.username)
    .where('is_ok', '=', 1)
    .where('at', '>=', f.since)
    .executeTakeFirst();
  // a success inside the window starts the username's count again
  const from = lastSuccess?.at ?? f.since;
  const failures = (column: 'username' | 'address', value: string, after: string) =>
    db
      .selectFrom('login_attempts')
      .select('at')
      .where(column, '=', value)
      .where('is_ok', '=', 0)
      .where('at', '>', after)
      .orderBy('at')
      .execute()
      .then((rows) => rows.map((r) => r.at));
  const [byUsername, byAddress] = await Promise.all([
    failures('username', f.username, from),
    f.address === null ? Promise.resolve([]) : failures('address', f.address, f.since),
  ]);
  return { byUsername, byAddress };
}

/**
 * Drops rate-limit attempts older than `before` (sign-ins and public status queries). They are counters
 * for a limit of minutes, not records: the audit log keeps every sign-in that opened a session.
 */
export async function pruneAttemptLogs(
  db: Db,
  before: string,
): Promise<{ loginAttempts: number; statusQueryAttempts: number }> {
  const [login, status] = await Promise.all([
    db.deleteFrom('login_attempts').where('at', '<', before).executeTakeFirst(),
    db.deleteFrom('status_query_attempts').where('at', '<', before).executeTakeFirst(),
  ]);
  return {
    loginAttempts: Number(login.numDeletedRows),
    statusQueryAttempts: Number(status.numDeletedRows),
  };
}
