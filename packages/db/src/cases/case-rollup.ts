import { sql } from 'kysely';
import type { Db } from '../client.ts';
import { statementParts } from '../statement-sizes.ts';
import type { CaseDailyTable } from './case.tables.ts';

/** What a case adds to its window's day in `case_daily`. */
export interface TRollupFacts {
  centerId: number;
  unitId: number;
  windowId: number;
  type: string;
  receivedOn: string;
  promisedDays: number;
  decidedOn: string | null;
  handlingDays: number | null;
  overdueDays: number;
}

const COUNTERS = [
  'cases',
  'completed',
  'on_time',
  'overdue',
  'overdue_days',
  'handling_days',
  'promised_days',
  'immediate',
  'immediate_same_day',
] as const satisfies readonly (keyof CaseDailyTable)[];

type TDelta = CaseDailyTable;

/** A case's contribution to the rollup (`sign` −1 takes it back out before a change). */
export function rollupDelta(c: TRollupFacts, sign: 1 | -1): TDelta {
  const isDecided = c.decidedOn !== null;
  const isImmediate = c.type === 'immediate';
  return {
    center_id: c.centerId,
    unit_id: c.unitId,
    window_id: c.windowId,
    day: c.receivedOn,
    month: c.receivedOn.slice(0, 7),
    cases: sign,
    completed: isDecided ? sign : 0,
    on_time: isDecided && c.overdueDays === 0 ? sign : 0,
    overdue: c.overdueDays > 0 ? sign : 0,
    overdue_days: sign * c.overdueDays,
    handling_days: isDecided ? sign * (c.handlingDays ?? 0) : 0,
    promised_days: isDecided ? sign * c.promisedDays : 0,
    immediate: isImmediate ? sign : 0,
    immediate_same_day: isImmediate && isDecided && c.handlingDays === 0 ? sign : 0,
  };
}

/** Adds deltas to `case_daily`, merged per window and day, up to 400 rows a statement. */
export async function applyRollup(db: Db, deltas: readonly TDelta[]): Promise<void> {
  const merged = new Map<string, TDelta>();
  for (const d of deltas) {
    const key = `${d.window_id}|${d.day}`;
    const m = merged.get(key);
    if (!m) merged.set(key, { ...d });
    else for (const k of COUNTERS) m[k] += d[k];
  }
  for (const part of statementParts([...merged.values()], 400)) {
    await db
      .insertInto('case_daily')
      .values(part)
      .onConflict((oc) =>
        oc
          .columns(['window_id', 'day'])
          .doUpdateSet(
            Object.fromEntries(
              COUNTERS.map((k) => [k, sql`case_daily.${sql.ref(k)} + excluded.${sql.ref(k)}`]),
            ),
          ),
      )
      .execute();
  }
}
