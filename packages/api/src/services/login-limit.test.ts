import { describe, expect, it } from 'vitest';
import { LOGIN_LIMITS, limitKeyOf, retryAfterMs } from './login-limit.ts';

describe('retryAfterMs', () => {
  const limits = {
    pair: { limit: 3, windowMs: 60_000 },
    address: { limit: 5, windowMs: 60_000 },
    key: { limit: 8, windowMs: 600_000 },
  };
  const none = { byPair: [], byAddress: [], byKey: [] };

  it('holds a pair back after its failures in the window, until the oldest leaves it', () => {
    const byPair = [0, 10_000, 20_000];
    expect(retryAfterMs({ ...none, byPair: byPair.slice(0, 2) }, 25_000, limits)).toBe(0);
    expect(retryAfterMs({ ...none, byPair }, 30_000, limits)).toBe(30_000);
    expect(retryAfterMs({ ...none, byPair }, 60_000, limits)).toBe(0);
    // more failures than the limit: the wait runs from the failure that makes the limit count
    expect(retryAfterMs({ ...none, byPair: [0, 10_000, 20_000, 40_000] }, 50_000, limits)).toBe(20_000);
  });

  it('holds an address back after failures on many accounts', () => {
    expect(retryAfterMs({ ...none, byAddress: [0, 1, 2, 3, 4] }, 100, limits)).toBe(59_900);
    expect(retryAfterMs({ ...none, byAddress: [0, 1, 2, 3] }, 100, limits)).toBe(0);
  });

  it('holds an account back from every address only past the slower backstop, over its longer window', () => {
    const byKey = [0, 1, 2, 3, 4, 5, 6];
    expect(retryAfterMs({ ...none, byKey }, 100, limits)).toBe(0);
    expect(retryAfterMs({ ...none, byKey: [...byKey, 7] }, 100, limits)).toBe(599_900);
    expect(LOGIN_LIMITS.key.limit).toBeGreaterThan(LOGIN_LIMITS.pair.limit);
    expect(LOGIN_LIMITS.key.windowMs).toBeGreaterThan(LOGIN_LIMITS.pair.windowMs);
  });

  it('takes the longest of the waits', () => {
    expect(
      retryAfterMs({ ...none, byPair: [5_000, 6_000, 7_000], byAddress: [0, 1, 2, 3, 4] }, 10_000, limits),
    ).toBe(55_000);
  });

  it('counts `Clerk ` and `clerk` as one account', () => {
    expect(limitKeyOf(' Clerk ')).toBe('clerk');
  });
});
