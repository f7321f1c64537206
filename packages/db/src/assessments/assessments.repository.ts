import type { Db } from '../client.ts';
import { nowIso } from '../client.ts';

/** A published quarter (公示): an immutable snapshot; a correction is a new revision with its reason. */
export interface TPublishedAssessment {
  id: number;
  centerId: number;
  year: number;
  quarter: number;
  revision: number;
  policyId: number;
  policyVersion: number;
  snapshot: unknown;
  reason: string | null;
  publishedBy: number | null;
  publishedAt: string;
}

export async function insertPublishedAssessment(
  db: Db,
  p: Omit<TPublishedAssessment, 'id' | 'publishedAt'>,
): Promise<TPublishedAssessment> {
  const publishedAt = nowIso();
  const row = await db
    .insertInto('published_assessments')
    .values({
      center_id: p.centerId,
      year: p.year,
      quarter: p.quarter,
      revision: p.revision,
      policy_id: p.policyId,
      policy_version: p.policyVersion,
      snapshot: JSON.stringify(p.snapshot),
      reason: p.reason,
      published_by: p.publishedBy,
      published_at: publishedAt,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  return { ...p, id: row.id, publishedAt };
}

/** Every revision of a quarter, oldest first. */
export async function listRevisions(
  db: Db,
  centerId: number,
  year: number,
  quarter: number,
): Promise<TPublishedAssessment[]> {
  const rows = await db
    .selectFrom('published_assessments')
    .selectAll()
    .where('center_id', '=', centerId)
    .where('year', '=', year)
    .where('quarter', '=', quarter)
    .orderBy('revision')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    centerId: r.center_id,
    year: r.year,
    quarter: r.quarter,
    revision: r.revision,
    policyId: r.policy_id,
    policyVersion: r.policy_version,
    snapshot: JSON.parse(r.snapshot),
    reason: r.reason,
    publishedBy: r.published_by,
    publishedAt: r.published_at,
  }));
}

/** Latest revision of every published quarter of a center in a year range. */
export async function listLatestPublished(
  db: Db,
  centerId: number,
  fromYear: number,
  toYear: number,
): Promise<TPublishedAssessment[]> {
  const rows = await db
    .selectFrom('published_assessments as p')
    .selectAll('p')
    .where('p.center_id', '=', centerId)
    .where('p.year', '>=', fromYear)
    .where('p.year', '<=', toYear)
    .where(({ eb, selectFrom }) =>
      eb(
        'p.revision',
        '=',
        selectFrom('published_assessments as q')
          .select((e) => e.fn.max('q.revision').as('r'))
          .whereRef('q.center_id', '=', 'p.center_id')
          .whereRef('q.year', '=', 'p.year')
          .whereRef('q.quarter', '=', 'p.quarter'),
      ),
    )
    .orderBy('p.year')
    .orderBy('p.quarter')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    centerId: r.center_id,
    year: r.year,
    quarter: r.quarter,
    revision: r.revision,
    policyId: r.policy_id,
    policyVersion: r.policy_version,
    snapshot: JSON.parse(r.snapshot),
    reason: r.reason,
    publishedBy: r.published_by,
    publishedAt: r.published_at,
  }));
}
