/** A tier of the peer evaluation (互评), as the policy writes it. */
export interface TPeerTierRule {
  /** the good share, in percent, at or above which (strictly above, if exclusive) the tier applies */
  minPercent: number;
  isMinExclusive: boolean;
}

/**
 * The tier a person's peer ratings fall in (考核细则 一(三)7: 好的比例达60%不扣分，31-59%扣2分，30%以下扣4分):
 * the first of the policy's tiers, top-down, that the share of 好 reaches. Compared without dividing
 * (good·100 against percent·rated), so a boundary share is never off by a rounding. Undefined without
 * ratings or when no tier applies.
 */
export function peerTier<T extends TPeerTierRule>(
  tiers: ReadonlyArray<T>,
  good: number,
  rated: number,
): T | undefined {
  if (rated <= 0) return undefined;
  const good100 = good * 100;
  for (const tier of tiers) {
    const bar = tier.minPercent * rated;
    if (tier.isMinExclusive ? good100 > bar : good100 >= bar) return tier;
  }
  return undefined;
}

/** The points of the tier the ratings fall in; 0 when none applies (no deduction). */
export function peerTierPoints(
  tiers: ReadonlyArray<TPeerTierRule & { points: number }>,
  good: number,
  rated: number,
): number {
  return peerTier(tiers, good, rated)?.points ?? 0;
}
