import type { Db } from '../client.ts';
import { nowIso } from '../client.ts';
import type { TPeerTier } from '../database.ts';

/** 互评 */
export interface TPeerRating {
  id: number;
  centerId: number;
  year: number;
  quarter: number;
  raterId: number;
  rateeId: number;
  tier: TPeerTier;
}

export async function insertPeerRating(db: Db, r: Omit<TPeerRating, 'id'>): Promise<TPeerRating> {
  const row = await db
    .insertInto('peer_ratings')
    .values({
      center_id: r.centerId,
      year: r.year,
      quarter: r.quarter,
      rater_id: r.raterId,
      ratee_id: r.rateeId,
      tier: r.tier,
      created_at: nowIso(),
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  return { id: row.id, ...r };
}

export async function findPeerRating(
  db: Db,
  key: { year: number; quarter: number; raterId: number; rateeId: number },
): Promise<TPeerRating | undefined> {
  const row = await db
    .selectFrom('peer_ratings')
    .selectAll()
    .where('year', '=', key.year)
    .where('quarter', '=', key.quarter)
    .where('rater_id', '=', key.raterId)
    .where('ratee_id', '=', key.rateeId)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      centerId: row.center_id,
      year: row.year,
      quarter: row.quarter,
      raterId: row.rater_id,
      rateeId: row.ratee_id,
      tier: row.tier,
    }
  );
}

export async function listPeerRatings(
  db: Db,
  f: { centerId: number; year: number; quarter: number; raterId?: number | undefined },
): Promise<TPeerRating[]> {
  let q = db
    .selectFrom('peer_ratings')
    .selectAll()
    .where('center_id', '=', f.centerId)
    .where('year', '=', f.year)
    .where('quarter', '=', f.quarter);
  if (f.raterId !== undefined) q = q.where('rater_id', '=', f.raterId);
  const rows = await q.orderBy('id').execute();
  return rows.map((row) => ({
    id: row.id,
    centerId: row.center_id,
    year: row.year,
    quarter: row.quarter,
    raterId: row.rater_id,
    rateeId: row.ratee_id,
    tier: row.tier,
  }));
}
