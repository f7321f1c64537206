import { describe, expect, it } from 'vitest';
import { POLICY_A } from '../policy/index.ts';
import { peerTier, peerTierPoints } from './peer-tier.ts';

describe('peerTierPoints', () => {
  const tiers = POLICY_A.assessment!.peer!.tiers;
  it('reads the tiers of policy A: 60 % or more → 0, above 30 % → −2, 30 % or less → −4', () => {
    expect(peerTierPoints(tiers, 6, 10)).toBe(0);
    expect(peerTierPoints(tiers, 59, 100)).toBe(-2);
    expect(peerTierPoints(tiers, 31, 100)).toBe(-2);
    expect(peerTierPoints(tiers, 0, 4)).toBe(-4);
  });
  it('puts a share of exactly 30 % in the lowest tier and exactly 60 % in the top one', () => {
    expect(peerTierPoints(tiers, 3, 10)).toBe(-4);
    expect(peerTierPoints(tiers, 6, 20)).toBe(-4);
    expect(peerTierPoints(tiers, 12, 20)).toBe(0);
  });
  it('has no tier without ratings', () => {
    expect(peerTier(tiers, 0, 0)).toBeUndefined();
    expect(peerTierPoints(tiers, 0, 0)).toBe(0);
  });
});
