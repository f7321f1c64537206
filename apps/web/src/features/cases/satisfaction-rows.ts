import type { TServiceRatingKey } from '@chuangkou/rules/vocabulary';

export type TRateRow = {
  windowId: number;
  windowName: string;
  month: string;
  counts: Record<TServiceRatingKey, number>;
  total: number;
  satisfied: number;
  rate: number | null;
};

/** Sums the window rows of each month: the center's monthly rate, already shaped for the chart. */
export function byMonth(rows: readonly TRateRow[]): { month: string; total: number; rate: number | null }[] {
  const months = new Map<string, { total: number; satisfied: number }>();
  for (const r of rows) {
    const m = months.get(r.month) ?? { total: 0, satisfied: 0 };
    m.total += r.total;
    m.satisfied += r.satisfied;
    months.set(r.month, m);
  }
  return [...months.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, m]) => ({ month, total: m.total, rate: m.total === 0 ? null : m.satisfied / m.total }));
}
