import type { Db } from '../client.ts';
import { num } from '../client.ts';

/** Records an applicant's status query, right or wrong (the rate limit counts the wrong ones). */
export async function recordQueryAttempt(
  db: Db,
  a: { code: string; address: string; isOk: boolean; at: string },
): Promise<void> {
  await db
    .insertInto('status_query_attempts')
    .values({ code: a.code, address: a.address, is_ok: a.isOk ? 1 : 0, at: a.at })
    .execute();
}

/** Failed attempts since `since` (ISO instant) for one code and for one address. */
export async function countFailedQueryAttempts(
  db: Db,
  f: { code: string; address: string; since: string },
): Promise<{ byCode: number; byAddress: number }> {
  const failedSince = (column: 'code' | 'address', value: string) =>
    db
      .selectFrom('status_query_attempts')
      .select((eb) => eb.fn.countAll().as('n'))
      .where(column, '=', value)
      .where('at', '>=', f.since)
      .where('is_ok', '=', 0)
      .executeTakeFirstOrThrow();
  const [byCode, byAddress] = await Promise.all([
    failedSince('code', f.code),
    failedSince('address', f.address),
  ]);
  return { byCode: num(byCode.n), byAddress: num(byAddress.n) };
}
