import { describe, expect, it } from 'vitest';
import { policyVersionInForce } from './policy-versions.ts';

describe('policyVersionInForce', () => {
  const versions = [
    { id: 1, version: 1, effectiveFrom: '2000-01-01' },
    { id: 2, version: 2, effectiveFrom: '2026-07-01' },
    { id: 3, version: 3, effectiveFrom: '2026-07-01' },
    { id: 4, version: 4, effectiveFrom: '2026-12-01' },
  ];
  it('takes the latest version effective on or before the date', () => {
    expect(policyVersionInForce(versions, '2026-06-30')?.id).toBe(1);
    expect(policyVersionInForce(versions, '2026-11-30')?.id).toBe(3);
    expect(policyVersionInForce(versions, '2026-12-01')?.id).toBe(4);
  });
  it('does not apply a version before its day, and finds none before the first', () => {
    expect(policyVersionInForce(versions.slice(3), '2026-11-30')).toBeUndefined();
    expect(policyVersionInForce([], '2026-11-30')).toBeUndefined();
  });
  it('does not depend on the order of the list', () => {
    expect(policyVersionInForce([...versions].reverse(), '2026-11-30')?.id).toBe(3);
  });
});
