import { describe, expect, it } from 'vitest';
import { LoginLimiter } from './login-limit.ts';

describe('LoginLimiter', () => {
  const limits = { windowMs: 60_000, perUsername: 3, perAddress: 5 };

  it('locks a username after its failures in the window, from any address, until the oldest leaves it', () => {
    const l = new LoginLimiter(limits);
    for (const t of [0, 10_000, 20_000]) {
      expect(l.retryAfter('clerk', '10.0.0.1', t)).toBe(0);
      l.recordFailure('clerk', '10.0.0.1', t);
    }
    expect(l.retryAfter('clerk', '10.0.0.1', 30_000)).toBe(30_000);
    expect(l.retryAfter('CLERK ', '10.0.0.9', 30_000)).toBe(30_000);
    expect(l.retryAfter('other', '10.0.0.1', 30_000)).toBe(0);
    expect(l.retryAfter('clerk', '10.0.0.1', 60_000)).toBe(0);
  });

  it('locks an address after failures on many usernames, not the other addresses', () => {
    const l = new LoginLimiter(limits);
    for (let i = 0; i < 5; i++) l.recordFailure(`user${i}`, '10.0.0.2', i);
    expect(l.retryAfter('someone', '10.0.0.2', 100)).toBeGreaterThan(0);
    expect(l.retryAfter('someone', '10.0.0.3', 100)).toBe(0);
    expect(l.retryAfter('someone', null, 100)).toBe(0);
  });

  it('clears a username’s failures on success, but not its address’s', () => {
    const l = new LoginLimiter(limits);
    for (let i = 0; i < 2; i++) l.recordFailure('clerk', '10.0.0.4', i);
    l.recordSuccess('clerk');
    l.recordFailure('clerk', '10.0.0.4', 3);
    l.recordFailure('clerk', '10.0.0.4', 4);
    expect(l.retryAfter('clerk', null, 5)).toBe(0);
    l.recordFailure('clerk', '10.0.0.4', 6);
    expect(l.retryAfter('clerk', null, 7)).toBeGreaterThan(0);
    expect(l.retryAfter('x', '10.0.0.4', 7)).toBeGreaterThan(0);
  });
});
