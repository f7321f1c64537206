/**
 * Login rate limit: failed sign-ins counted per username and per client address over a sliding
 * window. Past the limit every attempt is refused (even with the right password) until the oldest
 * counted failure leaves the window. A success clears the username's count, not the address's.
 *
 * The attempts live in the database (`login_attempts`), so a restart remembers them and every server
 * process on one PostgreSQL counts the same failures. This module only decides.
 */
export const LOGIN_LIMITS = {
  windowMs: 15 * 60_000,
  /** failures per username in the window */
  perUsername: 5,
  /** failures per address in the window (an office behind one address has many users) */
  perAddress: 20,
} as const;

export type TLoginLimits = { windowMs: number; perUsername: number; perAddress: number };

/** The username as the limit counts it: `Clerk ` and `clerk` are one account's attempts. */
export function limitKeyOf(username: string): string {
  return username.trim().toLowerCase();
}

/**
 * Milliseconds until a sign-in may be tried again (0: now), from the failures still counted (epoch ms,
 * oldest first): for the username since its last success, and for the address.
 */
export function retryAfterMs(
  failures: { byUsername: readonly number[]; byAddress: readonly number[] },
  now: number,
  limits: TLoginLimits = LOGIN_LIMITS,
): number {
  let wait = 0;
  const check = (all: readonly number[], limit: number) => {
    const times = all.filter((t) => now - t < limits.windowMs);
    if (times.length >= limit) wait = Math.max(wait, times[times.length - limit]! + limits.windowMs - now);
  };
  check(failures.byUsername, limits.perUsername);
  check(failures.byAddress, limits.perAddress);
  return wait;
}
