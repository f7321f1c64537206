/** One ranked row of the efficiency page: a unit, a window or a person. */
export type TEfficiencyRow = {
  id: number;
  name: string;
  unitName?: string;
  cases: number;
  completed: number;
  onTimeRate: number | null;
  overdue: number;
  overdueDays: number;
  avgHandlingDays: number | null;
  avgPromisedDays: number | null;
  immediateSameDayRate: number | null;
};

type TWindowRow = {
  windowId: number;
  windowName: string;
  unitId: number;
  unitName: string;
  cases: number;
  completed: number;
  onTimeRate: number | null;
  overdue: number;
  overdueDays: number;
  avgHandlingDays: number | null;
  avgPromisedDays: number | null;
  immediate: number;
  immediateSameDayRate: number | null;
};

export type TMetric = 'onTimeRate' | 'overdue' | 'overdueDays' | 'avgHandlingDays';

/** Weighted mean of a per-window ratio, weighting by the count it was taken over. */
function weighted(
  rows: readonly TWindowRow[],
  value: (row: TWindowRow) => number | null,
  weight: (row: TWindowRow) => number,
) {
  let sum = 0;
  let total = 0;
  for (const row of rows) {
    const v = value(row);
    if (v === null) continue;
    sum += v * weight(row);
    total += weight(row);
  }
  return total === 0 ? null : sum / total;
}

export function windowRows(rows: readonly TWindowRow[]): TEfficiencyRow[] {
  return rows.map((row) => ({
    id: row.windowId,
    name: row.windowName,
    unitName: row.unitName,
    cases: row.cases,
    completed: row.completed,
    onTimeRate: row.onTimeRate,
    overdue: row.overdue,
    overdueDays: row.overdueDays,
    avgHandlingDays: row.avgHandlingDays,
    avgPromisedDays: row.avgPromisedDays,
    immediateSameDayRate: row.immediateSameDayRate,
  }));
}

/**
 * Units from their windows: counts add up; rates are re-weighted by the completed (or immediate)
 * cases they were computed over, which gives back the unit's own ratio.
 */
export function unitRows(rows: readonly TWindowRow[]): TEfficiencyRow[] {
  const byUnit = new Map<number, TWindowRow[]>();
  for (const row of rows) byUnit.set(row.unitId, [...(byUnit.get(row.unitId) ?? []), row]);
  return [...byUnit.entries()].map(([unitId, list]) => ({
    id: unitId,
    name: list[0]?.unitName ?? String(unitId),
    cases: list.reduce((sum, row) => sum + row.cases, 0),
    completed: list.reduce((sum, row) => sum + row.completed, 0),
    onTimeRate: weighted(
      list,
      (row) => row.onTimeRate,
      (row) => row.completed,
    ),
    overdue: list.reduce((sum, row) => sum + row.overdue, 0),
    overdueDays: list.reduce((sum, row) => sum + row.overdueDays, 0),
    avgHandlingDays: weighted(
      list,
      (row) => row.avgHandlingDays,
      (row) => row.completed,
    ),
    avgPromisedDays: weighted(
      list,
      (row) => row.avgPromisedDays,
      (row) => row.completed,
    ),
    immediateSameDayRate: weighted(
      list,
      (row) => row.immediateSameDayRate,
      (row) => row.immediate,
    ),
  }));
}

/** Best first: the highest on-time rate, the fewest overdue cases or days, the shortest handling. */
export function rank(rows: readonly TEfficiencyRow[], metric: TMetric): TEfficiencyRow[] {
  const key = (row: TEfficiencyRow) =>
    row[metric] ?? (metric === 'onTimeRate' ? -1 : Number.POSITIVE_INFINITY);
  return [...rows].sort(
    (a, b) =>
      (metric === 'onTimeRate' ? key(b) - key(a) : key(a) - key(b)) || a.name.localeCompare(b.name, 'zh-CN'),
  );
}

type TStaffRow = Omit<TWindowRow, 'windowId' | 'windowName' | 'unitId' | 'unitName'> & {
  staffId: number | null;
  staffName: string;
};

/** People of a window (cases without a registered handler come as staffId null, shown with id 0). */
export function staffRows(rows: readonly TStaffRow[]): TEfficiencyRow[] {
  return rows.map((row) => ({
    id: row.staffId ?? 0,
    name: row.staffName,
    cases: row.cases,
    completed: row.completed,
    onTimeRate: row.onTimeRate,
    overdue: row.overdue,
    overdueDays: row.overdueDays,
    avgHandlingDays: row.avgHandlingDays,
    avgPromisedDays: row.avgPromisedDays,
    immediateSameDayRate: row.immediateSameDayRate,
  }));
}
