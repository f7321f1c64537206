/**
 * Login rate limit: failed sign-ins counted per username and per client address over a sliding
 * window. Past the limit every attempt is refused (even with the right password) until the oldest
 * counted failure leaves the window. A success clears the username's count.
 *
 * Kept in memory, per database handle: a restart forgets it, and several server processes on one
 * PostgreSQL each count their own (the limit then applies per process).
 */
export const LOGIN_LIMITS = {
  windowMs: 15 * 60_000,
  /** failures per username in the window */
  perUsername: 5,
  /** failures per address in the window (an office behind one address has many users) */
  perAddress: 20,
} as const;

/** Keys kept at most per kind, the oldest dropped first: a flood of made-up names cannot fill memory. */
const MAX_KEYS = 10_000;

export class LoginLimiter {
  readonly #failures = new Map<string, number[]>();

  constructor(
    readonly limits: { windowMs: number; perUsername: number; perAddress: number } = LOGIN_LIMITS,
  ) {}

  #recent(key: string, now: number): number[] {
    const times = (this.#failures.get(key) ?? []).filter((t) => now - t < this.limits.windowMs);
    if (times.length) this.#failures.set(key, times);
    else this.#failures.delete(key);
    return times;
  }

  /** Milliseconds until a sign-in may be tried again, or 0 when it may be tried now. */
  retryAfter(username: string, address: string | null, now = Date.now()): number {
    let wait = 0;
    const check = (key: string, limit: number) => {
      const times = this.#recent(key, now);
      if (times.length >= limit)
        wait = Math.max(wait, times[times.length - limit]! + this.limits.windowMs - now);
    };
    check(userKey(username), this.limits.perUsername);
    if (address) check(addressKey(address), this.limits.perAddress);
    return wait;
  }

  recordFailure(username: string, address: string | null, now = Date.now()): void {
    for (const key of address ? [userKey(username), addressKey(address)] : [userKey(username)]) {
      const times = this.#recent(key, now);
      times.push(now);
      this.#failures.delete(key);
      this.#failures.set(key, times);
      if (this.#failures.size > MAX_KEYS * 2)
        this.#failures.delete(this.#failures.keys().next().value as string);
    }
  }

  recordSuccess(username: string): void {
    this.#failures.delete(userKey(username));
  }
}

const userKey = (username: string) => `u:${username.trim().toLowerCase()}`;
const addressKey = (address: string) => `a:${address}`;
