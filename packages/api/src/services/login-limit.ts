/**
 * Limits of sign-ins and applicants' status queries: wrong passwords counted over sliding windows,
 * first for the pair (account, client address), then for the address across accounts, and last, more
 * slowly, for the account from every address (a backstop against guessing spread over many addresses).
 * A stranger who fails five times therefore locks out only their own pair, not the user elsewhere.
 * Past a limit every attempt is refused before its password is checked (even the right one) until the
 * oldest counted failure leaves the window. A success clears the pair's count.
 *
 * The attempts live in the database, so a restart remembers them and every server process on one
 * PostgreSQL counts the same failures. This module only decides.
 */
export interface TLimit {
  /** failures counted in the window */
  limit: number;
  windowMs: number;
}

export interface TAttemptLimits {
  /** the account (username or acceptance code) from one address */
  pair: TLimit;
  /** one address across accounts (an office behind one address has many users) */
  address: TLimit;
  /** the account from every address: the slower backstop */
  key: TLimit;
}

const MINUTE = 60_000;

export const LOGIN_LIMITS: TAttemptLimits = {
  pair: { limit: 5, windowMs: 15 * MINUTE },
  address: { limit: 20, windowMs: 15 * MINUTE },
  key: { limit: 50, windowMs: 60 * MINUTE },
};

/** An acceptance code's query password is random (about 40 bits): the same shape of limit. */
export const QUERY_LIMITS: TAttemptLimits = {
  pair: { limit: 5, windowMs: 15 * MINUTE },
  address: { limit: 20, windowMs: 15 * MINUTE },
  key: { limit: 30, windowMs: 60 * MINUTE },
};

/** The username as the limit counts it: `Clerk ` and `clerk` are one account's attempts. */
export function limitKeyOf(username: string): string {
  return username.trim().toLowerCase();
}

export interface TCountedFailures {
  byPair: readonly number[];
  byAddress: readonly number[];
  byKey: readonly number[];
}

/**
 * Milliseconds until an attempt may be checked (0: now), from the other failures still counted (epoch
 * ms, oldest first) for the pair, the address and the key.
 */
export function retryAfterMs(failures: TCountedFailures, now: number, limits: TAttemptLimits): number {
  let wait = 0;
  const check = (all: readonly number[], { limit, windowMs }: TLimit) => {
    const times = all.filter((t) => now - t < windowMs);
    if (times.length >= limit) wait = Math.max(wait, times[times.length - limit]! + windowMs - now);
  };
  check(failures.byPair, limits.pair);
  check(failures.byAddress, limits.address);
  check(failures.byKey, limits.key);
  return wait;
}
