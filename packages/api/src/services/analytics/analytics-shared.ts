import { type Db, listUnits, listWindows, type TCaseStats } from '@chuangkou/db';
import { periodName, periodState, sameElapsedSpan } from '@chuangkou/rules';
import { lastYearOf, previousOf, rangeOf, type TPeriod, type TRange } from '../periods.ts';

/*
 * What the analytics questions share: the filter, the comparison with the period before and a year
 * earlier, efficiency figures of a set of cases, and the names of windows and units. Each question
 * (`analytics.<question>`) has its own file beside this one.
 */

export interface TAnalyticsInput extends TPeriod {
  unitId?: number | undefined;
  windowId?: number | undefined;
}

/** A value for the period, the period before and the same period a year earlier. */
export interface TCompared<T> {
  period: string;
  current: T;
  previous: { period: string; value: T };
  lastYear: { period: string; value: T };
}

export const round = (n: number, d = 4) => Math.round(n * 10 ** d) / 10 ** d;
export const ratio = (a: number, b: number) => (b === 0 ? null : round(a / b));

export async function compared<T>(
  input: TAnalyticsInput,
  f: (p: TPeriod) => Promise<T>,
): Promise<TCompared<T>> {
  const prev = previousOf(input);
  const ly = lastYearOf(input);
  const [current, previous, lastYear] = await Promise.all([f(input), f(prev), f(ly)]);
  return {
    period: rangeOf(input).label,
    current,
    previous: { period: rangeOf(prev).label, value: previous },
    lastYear: { period: rangeOf(ly).label, value: lastYear },
  };
}

/**
 * A figure that exists only for a whole quarter (grades, peer tiers) has no fair comparison while the
 * quarter runs: there is no same elapsed span of a grade or of a peer-rating tier. Then the other
 * periods are not read, and `noComparison` says why (the dashboard shows it instead of 环比 / 同比).
 */
export async function comparedWholeQuarter<T>(
  input: TAnalyticsInput & { quarter: number },
  today: string,
  why: string,
  f: (p: TPeriod) => Promise<T>,
): Promise<{
  period: string;
  current: T;
  previous: { period: string; value: T | null };
  lastYear: { period: string; value: T | null };
  noComparison: string | null;
}> {
  const ref = { year: input.year, quarter: input.quarter };
  if (periodState(ref, today) !== 'running')
    return { ...(await compared({ ...input, month: undefined }, f)), noComparison: null };
  const prev = previousOf(ref);
  const ly = lastYearOf(ref);
  return {
    period: `${rangeOf(ref).label} 至 ${today.slice(5)}`,
    current: await f(ref),
    previous: { period: rangeOf(prev).label, value: null },
    lastYear: { period: rangeOf(ly).label, value: null },
    noComparison: `${periodName(ref)}尚未结束（进行中）：${why}`,
  };
}

/** Efficiency figures of a set of cases. */
export function efficiencyOf(s: TCaseStats | undefined) {
  const x = s ?? {
    cases: 0,
    completed: 0,
    onTime: 0,
    overdue: 0,
    overdueDays: 0,
    handlingDays: 0,
    promisedDays: 0,
    immediate: 0,
    immediateSameDay: 0,
  };
  return {
    cases: x.cases,
    completed: x.completed,
    onTimeRate: ratio(x.onTime, x.completed),
    overdue: x.overdue,
    overdueDays: x.overdueDays,
    avgHandlingDays: ratio(x.handlingDays, x.completed),
    avgPromisedDays: ratio(x.promisedDays, x.completed),
    immediate: x.immediate,
    immediateSameDayRate: ratio(x.immediateSameDay, x.immediate),
  };
}

export async function windowNames(db: Db, centerId: number) {
  const [windows, units] = await Promise.all([listWindows(db, centerId), listUnits(db, centerId)]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  return new Map(
    windows.map((w) => [
      String(w.id),
      { windowId: w.id, windowName: w.name, unitId: w.unitId, unitName: unitName.get(w.unitId) ?? '' },
    ]),
  );
}

/** Sums case stats (a part's groups) into one. */
export function sumStats(groups: TCaseStats[], key = 'all'): TCaseStats {
  const t: TCaseStats = {
    key,
    cases: 0,
    completed: 0,
    onTime: 0,
    overdue: 0,
    overdueDays: 0,
    handlingDays: 0,
    promisedDays: 0,
    immediate: 0,
    immediateSameDay: 0,
  };
  for (const g of groups) {
    t.cases += g.cases;
    t.completed += g.completed;
    t.onTime += g.onTime;
    t.overdue += g.overdue;
    t.overdueDays += g.overdueDays;
    t.handlingDays += g.handlingDays;
    t.promisedDays += g.promisedDays;
    t.immediate += g.immediate;
    t.immediateSameDay += g.immediateSameDay;
  }
  return t;
}

/**
 * The period, the period before and the same period a year earlier, with their labels. A running
 * period runs to today and is compared with the same elapsed span of the others (`sameElapsedSpan`);
 * their labels then say up to which day (2026Q3 至 09-02).
 */
export function periodsOf(input: TPeriod, today?: string) {
  const cur = rangeOf(input);
  const span = (r: TRange) => {
    if (today === undefined) return r;
    const cut = sameElapsedSpan({ start: cur.from, end: cur.to }, { start: r.from, end: r.to }, today);
    return cut.isCut ? { from: r.from, to: cut.end, label: `${r.label} 至 ${cut.end.slice(5)}` } : r;
  };
  const isRunning = today !== undefined && cur.from <= today && today < cur.to;
  return {
    cur: isRunning ? { ...cur, to: today, label: `${cur.label} 至 ${today.slice(5)}` } : cur,
    prev: span(rangeOf(previousOf(input))),
    ly: span(rangeOf(lastYearOf(input))),
  };
}
