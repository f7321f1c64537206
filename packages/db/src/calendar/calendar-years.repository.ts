import type { Db } from '../client.ts';
import { nowIso } from '../client.ts';

/** A year's schedule the center entered (or corrected), as stored. */
export interface TCalendarYear {
  id: number;
  centerId: number;
  year: number;
  /** date → holiday name */
  holidays: Record<string, string>;
  /** date → the holiday a 调休 working day makes up for */
  workdays: Record<string, string>;
  source: string | null;
  reason: string | null;
  enteredBy: number | null;
  enteredAt: string;
}

/** The center's year schedules in force (one per year), by year. */
export async function listCalendarYears(db: Db, centerId: number): Promise<TCalendarYear[]> {
  const rows = await db
    .selectFrom('calendar_years')
    .selectAll()
    .where('center_id', '=', centerId)
    .where('superseded_at', 'is', null)
    .orderBy('year')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    centerId: r.center_id,
    year: Number(r.year),
    holidays: JSON.parse(r.holidays) as Record<string, string>,
    workdays: JSON.parse(r.workdays) as Record<string, string>,
    source: r.source,
    reason: r.reason,
    enteredBy: r.entered_by,
    enteredAt: r.entered_at,
  }));
}

/**
 * Stores a year's schedule as the one in force: the row before (if any) is superseded, never deleted.
 * Run it inside the transaction that recomputes the deadlines.
 */
export async function saveCalendarYear(
  db: Db,
  row: Omit<TCalendarYear, 'id' | 'enteredAt'>,
): Promise<TCalendarYear> {
  const at = nowIso();
  await db
    .updateTable('calendar_years')
    .set({ superseded_at: at })
    .where('center_id', '=', row.centerId)
    .where('year', '=', row.year)
    .where('superseded_at', 'is', null)
    .execute();
  const inserted = await db
    .insertInto('calendar_years')
    .values({
      center_id: row.centerId,
      year: row.year,
      holidays: JSON.stringify(row.holidays),
      workdays: JSON.stringify(row.workdays),
      source: row.source,
      reason: row.reason,
      entered_by: row.enteredBy,
      entered_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { ...row, id: inserted.id, enteredAt: at };
}
