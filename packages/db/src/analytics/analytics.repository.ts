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

/** Sums the daily case rollup over a period, grouped by window, unit, month or not at all. */
export async function caseStats(db: Db, f: TAnalyticsFilter, group: TCaseGroup): Promise<TCaseStats[]> {
  const keyExpr =
    group === 'window'
      ? sql<string>`cast(window_id as text)`
      : group === 'unit'
        ? sql<string>`cast(unit_id as text)`
        : group === 'month'
          ? sql<string>`month`
          : sql<string>`'all'`;
  let q = db
    .selectFrom('case_daily')
    .select([
      keyExpr.as('key'),
      (eb) => eb.fn.sum<number>('cases').as('cases'),
      (eb) => eb.fn.sum<number>('completed').as('completed'),
      (eb) => eb.fn.sum<number>('on_time').as('on_time'),
      (eb) => eb.fn.sum<number>('overdue').as('overdue'),
      (eb) => eb.fn.sum<number>('overdue_days').as('overdue_days'),
      (eb) => eb.fn.sum<number>('handling_days').as('handling_days'),
      (eb) => eb.fn.sum<number>('promised_days').as('promised_days'),
      (eb) => eb.fn.sum<number>('immediate').as('immediate'),
      (eb) => eb.fn.sum<number>('immediate_same_day').as('immediate_same_day'),
    ])
    .where('center_id', '=', f.centerId)
    .where('day', '>=', f.from)
    .where('day', '<=', f.to);
  if (f.unitId !== undefined) q = q.where('unit_id', '=', f.unitId);
  if (f.windowId !== undefined) q = q.where('window_id', '=', f.windowId);
  if (group !== 'none') q = q.groupBy(keyExpr).orderBy(keyExpr);
  const rows = await q.execute();
  return rows
    .filter((r) => r.cases !== null)
    .map((r) => ({
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
    }));
}

export type TComplaintGroup = 'none' | 'window' | 'channel' | 'month';

/** Counts valid complaints over a period, grouped. */
export async function validComplaintCounts(
  db: Db,
  f: TAnalyticsFilter,
  group: TComplaintGroup,
): Promise<{ key: string; count: number }[]> {
  const keyExpr =
    group === 'window'
      ? sql<string>`cast(complaints.window_id as text)`
      : group === 'channel'
        ? sql<string>`complaints.channel`
        : group === 'month'
          ? sql<string>`substr(complaints.date, 1, 7)`
          : sql<string>`'all'`;
  let q = db
    .selectFrom('complaints')
    .select([keyExpr.as('key'), (eb) => eb.fn.countAll().as('n')])
    .where('complaints.center_id', '=', f.centerId)
    .where('complaints.is_valid', '=', 1)
    .where('complaints.date', '>=', f.from)
    .where('complaints.date', '<=', f.to);
  if (f.windowId !== undefined) q = q.where('complaints.window_id', '=', f.windowId);
  if (f.unitId !== undefined) {
    const unitId = f.unitId;
    q = q.where('complaints.window_id', 'in', (eb) =>
      eb.selectFrom('windows').select('id').where('unit_id', '=', unitId),
    );
  }
  if (group !== 'none') q = q.groupBy(keyExpr).orderBy(keyExpr);
  const rows = await q.execute();
  return rows.map((r) => ({ key: String(r.key), count: num(r.n) }));
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
 * Selective (one window, one period) on the index (window_id, accepted_at).
 */
export async function staffCaseStats(
  db: Db,
  f: { centerId: number; windowId: number; from: string; to: string },
): Promise<(Omit<TCaseStats, 'key'> & { staffId: number | null })[]> {
  const isCompleted = sql`completed_at is not null`;
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
    .where('accepted_at', '>=', f.from)
    .where('accepted_at', '<=', f.to)
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
