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
}

/** Stores a case's rating; the database refuses a second one for the same case. */
export async function insertServiceRating(
  db: Db,
  r: Omit<TServiceRating, 'id'> & { centerId: number },
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
    }
  );
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
    .where('service_ratings.month', '<=', f.toMonth);
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
