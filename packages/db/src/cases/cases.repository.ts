import { sql } from 'kysely';
import type { Db } from '../client.ts';
import type { TCaseStatus, TCaseType } from '../database.ts';

/** 办件 */
export interface TCase {
  id: number;
  centerId: number;
  unitId: number;
  windowId: number;
  staffId: number | null;
  matterId: number;
  type: TCaseType;
  acceptedAt: string;
  promisedDays: number;
  deadline: string;
  completedAt: string | null;
  status: TCaseStatus;
  /** working days from acceptance to completion, 0 = the same day */
  handlingDays: number | null;
  /** working days past the deadline */
  overdueDays: number;
}

type TRollupDelta = {
  center_id: number;
  unit_id: number;
  window_id: number;
  day: string;
  month: string;
  cases: number;
  completed: number;
  on_time: number;
  overdue: number;
  overdue_days: number;
  handling_days: number;
  promised_days: number;
  immediate: number;
  immediate_same_day: number;
};

function contribution(c: Omit<TCase, 'id'>, sign: 1 | -1): TRollupDelta {
  const isCompleted = c.completedAt !== null;
  return {
    center_id: c.centerId,
    unit_id: c.unitId,
    window_id: c.windowId,
    day: c.acceptedAt,
    month: c.acceptedAt.slice(0, 7),
    cases: sign,
    completed: isCompleted ? sign : 0,
    on_time: isCompleted && c.overdueDays === 0 ? sign : 0,
    overdue: c.overdueDays > 0 ? sign : 0,
    overdue_days: sign * c.overdueDays,
    handling_days: isCompleted ? sign * (c.handlingDays ?? 0) : 0,
    promised_days: isCompleted ? sign * c.promisedDays : 0,
    immediate: c.type === 'immediate' ? sign : 0,
    immediate_same_day: c.type === 'immediate' && isCompleted && c.handlingDays === 0 ? sign : 0,
  };
}

const ROLLUP_COUNTERS = [
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

async function applyRollup(db: Db, deltas: TRollupDelta[]): Promise<void> {
  const merged = new Map<string, TRollupDelta>();
  for (const d of deltas) {
    const key = `${d.window_id}|${d.day}`;
    const m = merged.get(key);
    if (!m) merged.set(key, { ...d });
    else for (const k of ROLLUP_COUNTERS) m[k] += d[k];
  }
  const rows = [...merged.values()];
  for (let i = 0; i < rows.length; i += 400) {
    await db
      .insertInto('case_daily')
      .values(rows.slice(i, i + 400))
      .onConflict((oc) =>
        oc
          .columns(['window_id', 'day'])
          .doUpdateSet(
            Object.fromEntries(
              ROLLUP_COUNTERS.map((k) => [k, sql`case_daily.${sql.ref(k)} + excluded.${sql.ref(k)}`]),
            ),
          ),
      )
      .execute();
  }
}

/** Inserts cases in multi-row batches and updates the daily rollup in the same call. */
export async function insertCases(db: Db, cases: Omit<TCase, 'id'>[]): Promise<void> {
  for (let i = 0; i < cases.length; i += 500) {
    const chunk = cases.slice(i, i + 500);
    await db
      .insertInto('cases')
      .values(
        chunk.map((c) => ({
          center_id: c.centerId,
          unit_id: c.unitId,
          window_id: c.windowId,
          staff_id: c.staffId,
          matter_id: c.matterId,
          type: c.type,
          accepted_at: c.acceptedAt,
          promised_days: c.promisedDays,
          deadline: c.deadline,
          completed_at: c.completedAt,
          status: c.status,
          handling_days: c.handlingDays,
          overdue_days: c.overdueDays,
        })),
      )
      .execute();
  }
  await applyRollup(
    db,
    cases.map((c) => contribution(c, 1)),
  );
}

export async function findCase(db: Db, id: number): Promise<TCase | undefined> {
  const r = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  return (
    r && {
      id: r.id,
      centerId: r.center_id,
      unitId: r.unit_id,
      windowId: r.window_id,
      staffId: r.staff_id,
      matterId: r.matter_id,
      type: r.type,
      acceptedAt: r.accepted_at,
      promisedDays: r.promised_days,
      deadline: r.deadline,
      completedAt: r.completed_at,
      status: r.status,
      handlingDays: r.handling_days,
      overdueDays: Number(r.overdue_days),
    }
  );
}

/** Completes a case and moves its contribution in the rollup. */
export async function completeCase(
  db: Db,
  id: number,
  done: { completedAt: string; handlingDays: number; overdueDays: number },
): Promise<void> {
  const before = await findCase(db, id);
  if (!before) return;
  const after: TCase = { ...before, ...done, status: 'completed' };
  await db
    .updateTable('cases')
    .set({
      completed_at: done.completedAt,
      handling_days: done.handlingDays,
      overdue_days: done.overdueDays,
      status: 'completed',
    })
    .where('id', '=', id)
    .execute();
  await applyRollup(db, [contribution(before, -1), contribution(after, 1)]);
}
