import { beginAttempt, countedFailures, type DbRoot, settleAttempt, type TAttemptKind } from '@chuangkou/db';
import { retryAfterMs, type TAttemptLimits } from './login-limit.ts';

export type TGatedOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; reason: 'wrong' | 'rateLimited'; waitMs: number };

/**
 * Runs one password check under the attempt limits. The attempt is written first, as a failure, and
 * only then are the failures counted, so parallel attempts (a batch of calls, many connections) count
 * each other and no more than the limit are ever checked; past it the check is not run at all, the
 * right password included. `check` answers the value on a match, undefined otherwise; if it throws
 * (the hashing queue is full), the attempt is kept as refused, not as a failure.
 */
export async function gatedAttempt<T>(
  db: DbRoot,
  kind: TAttemptKind,
  limits: TAttemptLimits,
  who: { key: string; address: string | null },
  check: () => Promise<T | undefined>,
  now: number = Date.now(),
): Promise<TGatedOutcome<T>> {
  const id = await beginAttempt(db, kind, { ...who, at: new Date(now).toISOString() });
  const since = (ms: number) => new Date(now - ms).toISOString();
  const failures = await countedFailures(db, kind, {
    ...who,
    beforeId: id,
    pairSince: since(limits.pair.windowMs),
    addressSince: since(limits.address.windowMs),
    keySince: since(limits.key.windowMs),
  });
  const waitMs = retryAfterMs(
    {
      byPair: failures.byPair.map(Date.parse),
      byAddress: failures.byAddress.map(Date.parse),
      byKey: failures.byKey.map(Date.parse),
    },
    now,
    limits,
  );
  if (waitMs > 0) {
    await settleAttempt(db, kind, id, 'refused');
    return { ok: false, reason: 'rateLimited', waitMs };
  }
  let value: T | undefined;
  try {
    value = await check();
  } catch (e) {
    await settleAttempt(db, kind, id, 'refused');
    throw e;
  }
  if (value === undefined) return { ok: false, reason: 'wrong', waitMs: 0 };
  await settleAttempt(db, kind, id, 'ok');
  return { ok: true, value };
}
