import type { Db } from '../client.ts';

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
