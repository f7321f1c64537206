import { type Db, listStaff, listUnits, peerTierCounts } from '@chuangkou/db';
import { peerTierPoints } from '@chuangkou/rules';
import { rangeOf, type TPeriod } from '../periods.ts';
import { policyInForce } from '../policy.service.ts';
import { comparedWholeQuarter, round, type TAnalyticsInput } from './analytics-shared.ts';

/**
 * 互评: distribution of the good share and the staff in each tier of the policy, by unit. A running
 * quarter's ratings are still coming in (the tiers are counted once it ends): it is not compared.
 */
export async function peerTiers(
  db: Db,
  centerId: number,
  input: TAnalyticsInput & { quarter: number },
  today: string,
) {
  const { to } = rangeOf(input);
  const policy = await policyInForce(db, centerId, 'A', to);
  const tiers = policy.policy.assessment?.peer?.tiers ?? [];
  // the tier table is policy data (C7), read by the engine's own rule
  const tierOf = (good: number, rated: number) => peerTierPoints(tiers, good, rated);
  const rowsOf = (p: TPeriod) =>
    peerTierCounts(db, {
      centerId,
      year: p.year,
      quarter: p.quarter ?? 1,
      unitId: input.unitId,
      windowId: input.windowId,
    });
  // the quarter itself is read once, for its totals and its people
  const current = rowsOf(input);
  const counts = async (p: TPeriod) => {
    const rows = await (p.year === input.year && p.quarter === input.quarter ? current : rowsOf(p));
    const byTier = Object.fromEntries(tiers.map((t) => [String(t.points), 0])) as Record<string, number>;
    for (const r of rows) {
      const k = String(tierOf(r.good, r.total));
      byTier[k] = (byTier[k] ?? 0) + 1;
    }
    return { rated: rows.length, byTier };
  };
  const totals = await comparedWholeQuarter(
    input,
    today,
    '互评在季度结束后汇总分档，不与其他季度比较',
    counts,
  );
  const rows = await current;
  const [staff, units] = await Promise.all([
    listStaff(db, { centerId, includeInactive: true }),
    listUnits(db, centerId),
  ]);
  const staffName = new Map(staff.map((s) => [s.id, s.name]));
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const buckets = Array.from({ length: 10 }, (_, i) => ({ from: i / 10, to: (i + 1) / 10, staff: 0 }));
  for (const r of rows) buckets[Math.min(9, Math.floor((r.good / r.total) * 10))]!.staff++;
  const byUnit = new Map<
    number | null,
    { unitId: number | null; unitName: string; byTier: Record<string, number> }
  >();
  const people = rows.map((r) => ({
    staffId: r.staffId,
    staffName: staffName.get(r.staffId) ?? String(r.staffId),
    unitId: r.unitId,
    unitName: r.unitId === null ? '' : (unitName.get(r.unitId) ?? ''),
    goodShare: round(r.good / r.total),
    ratings: r.total,
    tierPoints: tierOf(r.good, r.total),
  }));
  for (const p of people) {
    let u = byUnit.get(p.unitId);
    if (!u) {
      u = {
        unitId: p.unitId,
        unitName: p.unitName,
        byTier: Object.fromEntries(tiers.map((t) => [String(t.points), 0])),
      };
      byUnit.set(p.unitId, u);
    }
    u.byTier[String(p.tierPoints)] = (u.byTier[String(p.tierPoints)] ?? 0) + 1;
  }
  return {
    ...totals,
    goodShareDistribution: buckets,
    byUnit: [...byUnit.values()],
    deducted: people.filter((p) => p.tierPoints < 0).sort((a, b) => a.goodShare - b.goodShare),
  };
}
