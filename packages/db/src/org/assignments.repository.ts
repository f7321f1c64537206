import type { Db } from '../client.ts';
import { bool, nowIso } from '../client.ts';
import type { TPost } from '../database.ts';

/** A person's unit, window, post and headship from a date to a date (inclusive; `to` null while it holds). */
export interface TAssignment {
  id: number;
  centerId: number;
  staffId: number;
  unitId: number | null;
  windowId: number | null;
  post: TPost;
  isWindowHead: boolean;
  from: string;
  to: string | null;
  reason: string | null;
}

/** An assignment with the person's name and whether they are still active. */
export interface TStaffAssignment extends TAssignment {
  staffName: string;
  isActive: boolean;
}

const columns = [
  'a.id',
  'a.center_id',
  'a.staff_id',
  'a.unit_id',
  'a.window_id',
  'a.post',
  'a.is_window_head',
  'a.from_date',
  'a.to_date',
  'a.reason',
] as const;

interface TRow {
  id: number;
  center_id: number;
  staff_id: number;
  unit_id: number | null;
  window_id: number | null;
  post: TPost;
  is_window_head: number;
  from_date: string;
  to_date: string | null;
  reason: string | null;
}

const toAssignment = (r: TRow): TAssignment => ({
  id: r.id,
  centerId: r.center_id,
  staffId: r.staff_id,
  unitId: r.unit_id,
  windowId: r.window_id,
  post: r.post,
  isWindowHead: bool(r.is_window_head),
  from: r.from_date,
  to: r.to_date,
  reason: r.reason,
});

export async function insertAssignment(
  db: Db,
  a: Omit<TAssignment, 'id' | 'to' | 'reason'> & { reason?: string | null; createdBy?: number | null },
): Promise<TAssignment> {
  const row = await db
    .insertInto('staff_assignments')
    .values({
      center_id: a.centerId,
      staff_id: a.staffId,
      unit_id: a.unitId,
      window_id: a.windowId,
      post: a.post,
      is_window_head: a.isWindowHead ? 1 : 0,
      from_date: a.from,
      to_date: null,
      reason: a.reason ?? null,
      created_by: a.createdBy ?? null,
      created_at: nowIso(),
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  return { ...a, id: row.id, to: null, reason: a.reason ?? null };
}

/** Ends an assignment on its last day (the day before the next one starts). */
export async function endAssignment(db: Db, id: number, lastDay: string): Promise<void> {
  await db.updateTable('staff_assignments').set({ to_date: lastDay }).where('id', '=', id).execute();
}

/** Changes an assignment that began today (entered the same day: nothing past is rewritten). */
export async function updateAssignment(
  db: Db,
  id: number,
  patch: Pick<TAssignment, 'unitId' | 'windowId' | 'post' | 'isWindowHead'>,
): Promise<void> {
  await db
    .updateTable('staff_assignments')
    .set({
      unit_id: patch.unitId,
      window_id: patch.windowId,
      post: patch.post,
      is_window_head: patch.isWindowHead ? 1 : 0,
    })
    .where('id', '=', id)
    .execute();
}

/** One person's assignments, oldest first. */
export async function listAssignmentsOf(db: Db, staffId: number): Promise<TAssignment[]> {
  const rows = await db
    .selectFrom('staff_assignments as a')
    .select(columns)
    .where('a.staff_id', '=', staffId)
    .orderBy('a.from_date')
    .orderBy('a.id')
    .execute();
  return rows.map(toAssignment);
}

/**
 * The assignments of a center that held on at least one day of [from, to], with the person's name.
 * An inactive person's assignment that was never ended has no known last day; it is left out.
 */
export async function listAssignmentsDuring(
  db: Db,
  filter: { centerId: number; from: string; to: string },
): Promise<TStaffAssignment[]> {
  const rows = await db
    .selectFrom('staff_assignments as a')
    .innerJoin('staff as s', 's.id', 'a.staff_id')
    .select([...columns, 's.name', 's.is_active'])
    .where('a.center_id', '=', filter.centerId)
    .where('a.from_date', '<=', filter.to)
    .where((eb) =>
      eb.or([
        eb('a.to_date', '>=', filter.from),
        eb.and([eb('a.to_date', 'is', null), eb('s.is_active', '=', 1)]),
      ]),
    )
    .orderBy('a.staff_id')
    .orderBy('a.from_date')
    .execute();
  return rows.map((r) => ({ ...toAssignment(r), staffName: r.name, isActive: bool(r.is_active) }));
}
