import type { TServiceRatingStage } from '@chuangkou/rules';
import type { Selectable } from 'kysely';
import type { Db } from '../client.ts';
import { nowIso, num } from '../client.ts';
import type { ServiceRatingsTable } from './case.tables.ts';

/** 好差评: the applicant's rating of the service on one case (not 互评, the peer ratings of staff). */
export interface TServiceRating {
  id: number;
  caseId: number;
  /** 受理 or 办结: a case has at most one rating per stage */
  stage: TServiceRatingStage;
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
  /** how the applicant rated, as the platform recorded it (null when rated here) */
  channel: string | null;
  /** when the applicant rated, as the platform recorded it (null when rated here) */
  ratedAt: string | null;
}

const ratingRowToRating = (r: Selectable<ServiceRatingsTable>): TServiceRating => ({
  id: r.id,
  caseId: r.case_id,
  stage: r.stage,
  windowId: r.window_id,
  staffId: r.staff_id,
  level: num(r.level),
  comment: r.comment,
  day: r.day,
  isAfterReset: num(r.is_after_reset) === 1,
  resetCheckedAt: r.reset_checked_at,
  channel: r.channel,
  ratedAt: r.rated_at,
});

/** A rating to store: the stage defaults to 办结, channel and time to none (rated here, today). */
export type TNewServiceRating = Omit<
  TServiceRating,
  'id' | 'resetCheckedAt' | 'isAfterReset' | 'stage' | 'channel' | 'ratedAt'
> & {
  centerId: number;
  isAfterReset?: boolean;
  stage?: TServiceRatingStage;
  channel?: string | null;
  ratedAt?: string | null;
};

const ratingValues = (r: TNewServiceRating, at: string) => ({
  case_id: r.caseId,
  center_id: r.centerId,
  window_id: r.windowId,
  staff_id: r.staffId,
  level: r.level,
  comment: r.comment,
  day: r.day,
  month: r.day.slice(0, 7),
  at,
  is_after_reset: r.isAfterReset === true ? 1 : 0,
  stage: r.stage ?? 'decided',
  channel: r.channel ?? null,
  rated_at: r.ratedAt ?? null,
});

/** Stores a case's rating; the database refuses a second one for the same case and stage. */
export async function insertServiceRating(db: Db, r: TNewServiceRating): Promise<TServiceRating> {
  const row = await db
    .insertInto('service_ratings')
    .values(ratingValues(r, nowIso()))
    .returningAll()
    .executeTakeFirstOrThrow();
  return ratingRowToRating(row);
}

/** Stores ratings together (300 a statement); their ids in the order given. */
export async function insertServiceRatings(db: Db, ratings: readonly TNewServiceRating[]): Promise<number[]> {
  const at = nowIso();
  const ids: number[] = [];
  for (let i = 0; i < ratings.length; i += 300) {
    const rows = await db
      .insertInto('service_ratings')
      .values(ratings.slice(i, i + 300).map((r) => ratingValues(r, at)))
      .returning('id')
      .execute();
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

/** The stages already rated of each of these cases, with each rating's level. */
export async function ratedStagesOfCases(
  db: Db,
  caseIds: readonly number[],
): Promise<Map<number, Map<TServiceRatingStage, number>>> {
  const out = new Map<number, Map<TServiceRatingStage, number>>();
  for (let i = 0; i < caseIds.length; i += 500) {
    const rows = await db
      .selectFrom('service_ratings')
      .select(['case_id', 'stage', 'level'])
      .where('case_id', 'in', caseIds.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      const stages = out.get(r.case_id) ?? new Map<TServiceRatingStage, number>();
      stages.set(r.stage, num(r.level));
      out.set(r.case_id, stages);
    }
  }
  return out;
}

/**
 * A case of the center that a 受理 rating could be imported for (for a template's example): the newest
 * with an acceptance code, accepted by a person with a 工号, not yet rated at acceptance.
 */
export async function caseToRateAtAcceptance(
  db: Db,
  centerId: number,
): Promise<{ acceptanceCode: string; staffNo: string; acceptedOn: string } | undefined> {
  const r = await db
    .selectFrom('cases')
    .innerJoin('staff', 'staff.id', 'cases.staff_id')
    .leftJoin('service_ratings as r', (j) =>
      j.onRef('r.case_id', '=', 'cases.id').on('r.stage', '=', 'accepted'),
    )
    .select(['cases.acceptance_code', 'staff.staff_no', 'cases.accepted_on', 'cases.received_on'])
    .where('cases.center_id', '=', centerId)
    .where('cases.acceptance_code', 'is not', null)
    .where('staff.staff_no', 'is not', null)
    .where('r.id', 'is', null)
    .orderBy('cases.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r?.acceptance_code && r.staff_no
    ? { acceptanceCode: r.acceptance_code, staffNo: r.staff_no, acceptedOn: r.accepted_on ?? r.received_on }
    : undefined;
}

/** Both ratings of a case (受理 first, then 办结), those it has. */
export async function listCaseServiceRatings(db: Db, caseId: number): Promise<TServiceRating[]> {
  const rows = await db.selectFrom('service_ratings').selectAll().where('case_id', '=', caseId).execute();
  return rows
    .map(ratingRowToRating)
    .sort((a, b) => (a.stage === b.stage ? 0 : a.stage === 'accepted' ? -1 : 1));
}

export async function findServiceRating(
  db: Db,
  caseId: number,
  stage: TServiceRatingStage = 'decided',
): Promise<TServiceRating | undefined> {
  const r = await db
    .selectFrom('service_ratings')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('stage', '=', stage)
    .executeTakeFirst();
  return r && ratingRowToRating(r);
}

/** A supervisor's check of a rating given after a reset: from now on it counts. */
export async function markServiceRatingChecked(
  db: Db,
  caseId: number,
  by: { userId: number; at: string },
  stage: TServiceRatingStage = 'decided',
): Promise<void> {
  await db
    .updateTable('service_ratings')
    .set({ reset_checked_by: by.userId, reset_checked_at: by.at })
    .where('case_id', '=', caseId)
    .where('stage', '=', stage)
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
  f: {
    centerId: number;
    fromMonth: string;
    toMonth: string;
    windowId?: number | undefined;
    /** one stage's ratings (受理 or 办结); both without */
    stage?: TServiceRatingStage | undefined;
  },
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
  if (f.stage !== undefined) q = q.where('service_ratings.stage', '=', f.stage);
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
