import { sql } from 'kysely';
import type { Db } from '../client.ts';
import { num } from '../client.ts';

export interface TAnalyticsFilter {
  centerId: number;
  /** first and last day, inclusive, ISO dates */
  from: string;
  to: string;
  unitId?: number | undefined;
  windowId?: number | undefined;
}

/** Sums of the case rollup for one group. */
export interface TCaseStats {
  key: string;
  cases: number;
  completed: number;
  onTime: number;
  overdue: number;
  overdueDays: number;
  handlingDays: number;
  promisedDays: number;
  immediate: number;
  immediateSameDay: number;
}

export type TCaseGroup = 'none' | 'window' | 'unit' | 'month';

/** One part of a grouped question: a period and how to group it. */
export interface TPart<G> {
  from: string;
  to: string;
  group: G;
}

const ROLLUP_SUMS = [
  'cases',
  'completed',
  'on_time',
  'overdue',
  'overdue_days',
  'handling_days',
  'promised_days',
  'immediate',
  'immediate_same_day',
] as const;

const CASE_GROUP_COLUMN = { window: 'window_id', unit: 'unit_id', month: 'month' } as const;

/** Strings sort as the keys did when they were grouped as text (window ids '10' before '2'). */
const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * Sums the daily case rollup for several parts (period × grouping) in one statement (UNION ALL), so a
 * procedure asking about a period, the period before and a year earlier pays one round trip.
 * Returns the groups of each part in the order of `parts`, sorted by key.
 */
export async function caseStatsOfParts(
  db: Db,
  f: Omit<TAnalyticsFilter, 'from' | 'to'>,
  parts: TPart<TCaseGroup>[],
  /** 'cases': only the number of cases (the other counters come back 0): a third of the work */
  columns: 'all' | 'cases' = 'all',
): Promise<TCaseStats[][]> {
  const zero = sql<number>`0`;
  const sumOf = (c: (typeof ROLLUP_SUMS)[number]) =>
    columns === 'all' || c === 'cases' ? sql<number>`sum(${sql.ref(c)})` : zero;
  const queries = parts.map((part, i) => {
    let q = db
      .selectFrom('case_daily')
      .select([
        sql.lit(i).as('part'),
        // grouped by the column, named as text (PostgreSQL's UNION needs one type per column)
        (part.group === 'none'
          ? sql<string>`'all'`
          : sql<string>`cast(${sql.ref(CASE_GROUP_COLUMN[part.group])} as text)`
        ).as('key'),
        sumOf('cases').as('cases'),
        sumOf('completed').as('completed'),
        sumOf('on_time').as('on_time'),
        sumOf('overdue').as('overdue'),
        sumOf('overdue_days').as('overdue_days'),
        sumOf('handling_days').as('handling_days'),
        sumOf('promised_days').as('promised_days'),
        sumOf('immediate').as('immediate'),
        sumOf('immediate_same_day').as('immediate_same_day'),
      ])
      .where('center_id', '=', f.centerId)
      .where('day', '>=', part.from)
      .where('day', '<=', part.to);
    if (f.unitId !== undefined) q = q.where('unit_id', '=', f.unitId);
    if (f.windowId !== undefined) q = q.where('window_id', '=', f.windowId);
    if (part.group !== 'none') q = q.groupBy(CASE_GROUP_COLUMN[part.group]);
    return q;
  });
  const [first, ...rest] = queries;
  if (!first) return [];
  const rows = await rest.reduce((u, q) => u.unionAll(q), first).execute();
  const out: TCaseStats[][] = parts.map(() => []);
  for (const r of rows) {
    // a sum over no rows is null (a period without cases): no group
    if (r.cases === null) continue;
    out[num(r.part)]?.push({
      key: String(r.key),
      cases: num(r.cases),
      completed: num(r.completed),
      onTime: num(r.on_time),
      overdue: num(r.overdue),
      overdueDays: num(r.overdue_days),
      handlingDays: num(r.handling_days),
      promisedDays: num(r.promised_days),
      immediate: num(r.immediate),
      immediateSameDay: num(r.immediate_same_day),
    });
  }
  for (const groups of out) groups.sort(byKey);
  return out;
}

/** Sums the daily case rollup over a period, grouped by window, unit, month or not at all. */
export async function caseStats(db: Db, f: TAnalyticsFilter, group: TCaseGroup): Promise<TCaseStats[]> {
  return (await caseStatsOfParts(db, f, [{ from: f.from, to: f.to, group }]))[0] ?? [];
}

export type TComplaintGroup = 'none' | 'window' | 'channel' | 'month';

const COMPLAINT_KEY = {
  window: sql<string>`cast(complaints.window_id as text)`,
  channel: sql<string>`complaints.channel`,
  month: sql<string>`substr(complaints.date, 1, 7)`,
  none: sql<string>`'all'`,
} as const;

/** Counts valid complaints for several parts (period × grouping) in one statement (UNION ALL). */
export async function validComplaintCountsOfParts(
  db: Db,
  f: Omit<TAnalyticsFilter, 'from' | 'to'>,
  parts: TPart<TComplaintGroup>[],
): Promise<{ key: string; count: number }[][]> {
  const queries = parts.map((part, i) => {
    const keyExpr = COMPLAINT_KEY[part.group];
    let q = db
      .selectFrom('complaints')
      .select([sql.lit(i).as('part'), keyExpr.as('key'), (eb) => eb.fn.countAll().as('n')])
      .where('complaints.center_id', '=', f.centerId)
      .where('complaints.is_valid', '=', 1)
      .where('complaints.date', '>=', part.from)
      .where('complaints.date', '<=', part.to);
    if (f.windowId !== undefined) q = q.where('complaints.window_id', '=', f.windowId);
    if (f.unitId !== undefined) {
      const unitId = f.unitId;
      q = q.where('complaints.window_id', 'in', (eb) =>
        eb.selectFrom('windows').select('id').where('unit_id', '=', unitId),
      );
    }
    if (part.group !== 'none') q = q.groupBy(keyExpr);
    return q;
  });
  const [first, ...rest] = queries;
  if (!first) return [];
  const rows = await rest.reduce((u, q) => u.unionAll(q), first).execute();
  const out: { key: string; count: number }[][] = parts.map(() => []);
  for (const r of rows) out[num(r.part)]?.push({ key: String(r.key), count: num(r.n) });
  for (const groups of out) groups.sort(byKey);
  return out;
}

/** Counts valid complaints over a period, grouped. */
export async function validComplaintCounts(
  db: Db,
  f: TAnalyticsFilter,
  group: TComplaintGroup,
): Promise<{ key: string; count: number }[]> {
  return (await validComplaintCountsOfParts(db, f, [{ from: f.from, to: f.to, group }]))[0] ?? [];
}

/** Per ratee of a quarter: how many ratings and how many of them 好. */
export async function peerTierCounts(
  db: Db,
  f: {
    centerId: number;
    year: number;
    quarter: number;
    unitId?: number | undefined;
    windowId?: number | undefined;
  },
): Promise<
  { staffId: number; unitId: number | null; windowId: number | null; good: number; total: number }[]
> {
  let q = db
    .selectFrom('peer_ratings as r')
    .innerJoin('staff as s', 's.id', 'r.ratee_id')
    .select([
      'r.ratee_id as staffId',
      's.unit_id as unitId',
      's.window_id as windowId',
      (eb) => eb.fn.countAll().as('total'),
      (eb) => eb.fn.sum<number>(eb.case().when('r.tier', '=', 'good').then(1).else(0).end()).as('good'),
    ])
    .where('r.center_id', '=', f.centerId)
    .where('r.year', '=', f.year)
    .where('r.quarter', '=', f.quarter);
  if (f.unitId !== undefined) q = q.where('s.unit_id', '=', f.unitId);
  if (f.windowId !== undefined) q = q.where('s.window_id', '=', f.windowId);
  const rows = await q.groupBy(['r.ratee_id', 's.unit_id', 's.window_id']).execute();
  return rows.map((r) => ({
    staffId: r.staffId,
    unitId: r.unitId,
    windowId: r.windowId,
    good: num(r.good),
    total: num(r.total),
  }));
}

/**
 * The same sums as the case rollup, per person who handled the cases of one window over a period,
 * from the cases themselves (the rollup is per window and day). `staffId` null: no handler recorded.
 * Selective (one window, one period) on the index (window_id, received_on).
 */
export async function staffCaseStats(
  db: Db,
  f: { centerId: number; windowId: number; from: string; to: string },
): Promise<(Omit<TCaseStats, 'key'> & { staffId: number | null })[]> {
  const isCompleted = sql`decided_on is not null`;
  const rows = await db
    .selectFrom('cases')
    .select([
      'staff_id',
      (eb) => eb.fn.countAll().as('cases'),
      sql<number>`sum(case when ${isCompleted} then 1 else 0 end)`.as('completed'),
      sql<number>`sum(case when ${isCompleted} and overdue_days = 0 then 1 else 0 end)`.as('on_time'),
      sql<number>`sum(case when overdue_days > 0 then 1 else 0 end)`.as('overdue'),
      (eb) => eb.fn.sum<number>('overdue_days').as('overdue_days'),
      sql<number>`sum(case when ${isCompleted} then coalesce(handling_days, 0) else 0 end)`.as(
        'handling_days',
      ),
      sql<number>`sum(case when ${isCompleted} then promised_days else 0 end)`.as('promised_days'),
      sql<number>`sum(case when type = 'immediate' then 1 else 0 end)`.as('immediate'),
      sql<number>`sum(case when type = 'immediate' and ${isCompleted} and handling_days = 0 then 1 else 0 end)`.as(
        'immediate_same_day',
      ),
    ])
    .where('window_id', '=', f.windowId)
    .where('center_id', '=', f.centerId)
    .where('received_on', '>=', f.from)
    .where('received_on', '<=', f.to)
    .groupBy('staff_id')
    .execute();
  return rows.map((r) => ({
    staffId: r.staff_id,
    cases: num(r.cases),
    completed: num(r.completed),
    onTime: num(r.on_time),
    overdue: num(r.overdue),
    overdueDays: num(r.overdue_days),
    handlingDays: num(r.handling_days),
    promisedDays: num(r.promised_days),
    immediate: num(r.immediate),
    immediateSameDay: num(r.immediate_same_day),
  }));
}
