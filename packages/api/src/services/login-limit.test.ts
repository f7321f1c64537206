import { describe, expect, it } from 'vitest';
import { limitKeyOf, retryAfterMs } from './login-limit.ts';

describe('retryAfterMs', () => {
  const limits = { windowMs: 60_000, perUsername: 3, perAddress: 5 };

  it('holds a username back after its failures in the window, until the oldest leaves it', () => {
    const byUsername = [0, 10_000, 20_000];
    expect(retryAfterMs({ byUsername: byUsername.slice(0, 2), byAddress: [] }, 25_000, limits)).toBe(0);
    expect(retryAfterMs({ byUsername, byAddress: [] }, 30_000, limits)).toBe(30_000);
    expect(retryAfterMs({ byUsername, byAddress: [] }, 60_000, limits)).toBe(0);
    // more failures than the limit: the wait runs from the failure that makes the limit count
    expect(retryAfterMs({ byUsername: [0, 10_000, 20_000, 40_000], byAddress: [] }, 50_000, limits)).toBe(
      20_000,
    );
  });

  it('holds an address back after failures on many usernames', () => {
    expect(retryAfterMs({ byUsername: [], byAddress: [0, 1, 2, 3, 4] }, 100, limits)).toBe(59_900);
    expect(retryAfterMs({ byUsername: [], byAddress: [0, 1, 2, 3] }, 100, limits)).toBe(0);
  });

  it('takes the longer of the two waits', () => {
    expect(
      retryAfterMs({ byUsername: [5_000, 6_000, 7_000], byAddress: [0, 1, 2, 3, 4] }, 10_000, limits),
    ).toBe(55_000);
  });

  it('counts `Clerk ` and `clerk` as one account', () => {
    expect(limitKeyOf(' Clerk ')).toBe('clerk');
  });
});
