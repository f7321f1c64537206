import { caseStatsOfParts, type Db, listStaff, staffCaseStats } from '@chuangkou/db';
import { rangeOf, type TPeriod } from '../periods.ts';
import { efficiencyOf, periodsOf, sumStats, type TAnalyticsInput, windowNames } from './analytics-shared.ts';

/**
 * 窗口效能: cases, on-time rate, overdue, handling days against promised, same-day rate; best and worst
 * windows. One statement: the period by window (its total is their sum), the period before and a year
 * earlier as totals.
 */
export async function windowEfficiency(db: Db, centerId: number, input: TAnalyticsInput, today?: string) {
  const { cur, prev, ly } = periodsOf(input, today);
  const scope = { centerId, unitId: input.unitId, windowId: input.windowId };
  const [[byWindowStats = [], prevStats = [], lyStats = []], names] = await Promise.all([
    caseStatsOfParts(db, scope, [
      { ...cur, group: 'window' },
      { ...prev, group: 'none' },
      { ...ly, group: 'none' },
    ]),
    windowNames(db, centerId),
  ]);
  // named fields first, the spread last (README, Development: object literals on hot paths)
  const byWindow = byWindowStats.map((s) => {
    const n = names.get(s.key)!;
    return {
      windowId: n.windowId,
      windowName: n.windowName,
      unitId: n.unitId,
      unitName: n.unitName,
      ...efficiencyOf(s),
    };
  });
  const ranked = byWindow
    .filter((w) => w.completed > 0)
    .sort(
      (a, b) =>
        (b.onTimeRate ?? 0) - (a.onTimeRate ?? 0) || (a.avgHandlingDays ?? 0) - (b.avgHandlingDays ?? 0),
    );
  return {
    period: cur.label,
    current: efficiencyOf(byWindowStats.length ? sumStats(byWindowStats) : undefined),
    previous: { period: prev.label, value: efficiencyOf(prevStats[0]) },
    lastYear: { period: ly.label, value: efficiencyOf(lyStats[0]) },
    byWindow,
    best: ranked.slice(0, 3),
    worst: ranked.slice(-3).reverse(),
  };
}

/**
 * 窗口效能 per person of one window: the people of the window and anyone else who handled its cases in
 * the period, with the same figures as `windowEfficiency`; `staffId` null gathers cases without a handler.
 */
export async function staffEfficiency(db: Db, centerId: number, input: TPeriod & { windowId: number }) {
  const r = rangeOf(input);
  const [stats, staff] = await Promise.all([
    staffCaseStats(db, { centerId, windowId: input.windowId, from: r.from, to: r.to }),
    listStaff(db, { centerId, includeInactive: true }),
  ]);
  const byId = new Map(staff.map((s) => [s.id, s]));
  const statsOf = new Map(stats.map((s) => [s.staffId, s]));
  const ids = new Set<number | null>(
    staff.filter((s) => s.windowId === input.windowId && s.isActive).map((s) => s.id),
  );
  for (const s of stats) ids.add(s.staffId);
  const rows = [...ids].map((id) => {
    const person = id === null ? undefined : byId.get(id);
    return {
      staffId: id,
      staffName: id === null ? '未登记经办人' : (person?.name ?? String(id)),
      isOfWindow: person?.windowId === input.windowId,
      ...efficiencyOf(statsOf.has(id) ? { key: String(id), ...statsOf.get(id)! } : undefined),
    };
  });
  rows.sort((a, b) => b.cases - a.cases || (a.staffId ?? Infinity) - (b.staffId ?? Infinity));
  return { period: r.label, windowId: input.windowId, staff: rows };
}
