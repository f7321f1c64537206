import type { Db } from '../client.ts';
import { nowIso, num } from '../client.ts';

/** 好差评: the applicant's rating of the service on one case (not 互评, the peer ratings of staff). */
export interface TServiceRating {
  id: number;
  caseId: number;
  windowId: number;
  staffId: number | null;
  /** 1 = 非常满意 … 5 = 非常不满意 */
  level: number;
  comment: string | null;
  day: string;
  /** given after the case's query password was reset at a window: counts once a supervisor checked it */
  isAfterReset: boolean;
  /** when a supervisor checked a rating given after a reset */
  resetCheckedAt: string | null;
}

/** Stores a case's rating; the database refuses a second one for the same case. */
export async function insertServiceRating(
  db: Db,
  r: Omit<TServiceRating, 'id' | 'resetCheckedAt' | 'isAfterReset'> & {
    centerId: number;
    isAfterReset?: boolean;
  },
): Promise<TServiceRating> {
  const row = await db
    .insertInto('service_ratings')
    .values({
      case_id: r.caseId,
      center_id: r.centerId,
      window_id: r.windowId,
      staff_id: r.staffId,
      level: r.level,
      comment: r.comment,
      day: r.day,
      month: r.day.slice(0, 7),
      at: nowIso(),
      is_after_reset: r.isAfterReset === true ? 1 : 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    caseId: r.caseId,
    windowId: r.windowId,
    staffId: r.staffId,
    level: r.level,
    comment: r.comment,
    day: r.day,
    isAfterReset: r.isAfterReset === true,
    resetCheckedAt: null,
  };
}

export async function findServiceRating(db: Db, caseId: number): Promise<TServiceRating | undefined> {
  const r = await db
    .selectFrom('service_ratings')
    .selectAll()
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return (
    r && {
      id: r.id,
      caseId: r.case_id,
      windowId: r.window_id,
      staffId: r.staff_id,
      level: num(r.level),
      comment: r.comment,
      day: r.day,
      isAfterReset: num(r.is_after_reset) === 1,
      resetCheckedAt: r.reset_checked_at,
    }
  );
}

/** A supervisor's check of a rating given after a reset: from now on it counts. */
export async function markServiceRatingChecked(
  db: Db,
  caseId: number,
  by: { userId: number; at: string },
): Promise<void> {
  await db
    .updateTable('service_ratings')
    .set({ reset_checked_by: by.userId, reset_checked_at: by.at })
    .where('case_id', '=', caseId)
    .execute();
}

/** Service ratings per window and month, one count per level (1 … 5). */
export interface TServiceRatingCounts {
  windowId: number;
  windowName: string;
  month: string;
  counts: [number, number, number, number, number];
}

export async function countServiceRatingsByWindowMonth(
  db: Db,
  f: { centerId: number; fromMonth: string; toMonth: string; windowId?: number | undefined },
): Promise<TServiceRatingCounts[]> {
  let q = db
    .selectFrom('service_ratings')
    .innerJoin('windows', 'windows.id', 'service_ratings.window_id')
    .select((eb) => [
      'service_ratings.window_id as window_id',
      'windows.name as window_name',
      'service_ratings.month as month',
      'service_ratings.level as level',
      eb.fn.countAll().as('n'),
    ])
    .where('service_ratings.center_id', '=', f.centerId)
    .where('service_ratings.month', '>=', f.fromMonth)
    .where('service_ratings.month', '<=', f.toMonth)
    // a rating given after a reset of the query password counts once a supervisor has checked it
    .where((eb) =>
      eb.or([
        eb('service_ratings.is_after_reset', '=', 0),
        eb('service_ratings.reset_checked_at', 'is not', null),
      ]),
    );
  if (f.windowId !== undefined) q = q.where('service_ratings.window_id', '=', f.windowId);
  const rows = await q
    .groupBy(['service_ratings.window_id', 'windows.name', 'service_ratings.month', 'service_ratings.level'])
    .execute();
  const out = new Map<string, TServiceRatingCounts>();
  for (const r of rows) {
    const key = `${r.window_id}|${r.month}`;
    let row = out.get(key);
    if (!row) {
      row = { windowId: r.window_id, windowName: r.window_name, month: r.month, counts: [0, 0, 0, 0, 0] };
      out.set(key, row);
    }
    const level = num(r.level);
    if (level >= 1 && level <= 5) row.counts[level - 1] = (row.counts[level - 1] ?? 0) + num(r.n);
  }
  return [...out.values()].sort((a, b) => a.month.localeCompare(b.month) || a.windowId - b.windowId);
}
