import type { Selectable } from 'kysely';
import type { Db } from '../client.ts';
import { nowIso } from '../client.ts';
import type { CaseReviewsTable } from './case.tables.ts';

/** 复核 (规程 四、3): a request to review a refused case, and the center's decision once made. */
export interface TCaseReview {
  id: number;
  caseId: number;
  centerId: number;
  requestedOn: string;
  channel: 'statusPage' | 'counter';
  request: string | null;
  requestedBy: number | null;
  reviewer: string | null;
  reviewedBy: number | null;
  outcome: 'upheld' | 'overturned' | null;
  decidedOn: string | null;
  reasons: string | null;
}

const reviewOf = (r: Selectable<CaseReviewsTable>): TCaseReview => ({
  id: r.id,
  caseId: r.case_id,
  centerId: r.center_id,
  requestedOn: r.requested_on,
  channel: r.channel,
  request: r.request,
  requestedBy: r.requested_by,
  reviewer: r.reviewer,
  reviewedBy: r.reviewed_by,
  outcome: r.outcome,
  decidedOn: r.decided_on,
  reasons: r.reasons,
});

export async function insertCaseReview(
  db: Db,
  r: Pick<TCaseReview, 'caseId' | 'centerId' | 'requestedOn' | 'channel' | 'request' | 'requestedBy'>,
): Promise<TCaseReview> {
  const row = await db
    .insertInto('case_reviews')
    .values({
      case_id: r.caseId,
      center_id: r.centerId,
      requested_on: r.requestedOn,
      channel: r.channel,
      request: r.request,
      requested_by: r.requestedBy,
      created_at: nowIso(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return reviewOf(row);
}

export async function findCaseReview(db: Db, id: number): Promise<TCaseReview | undefined> {
  const r = await db.selectFrom('case_reviews').selectAll().where('id', '=', id).executeTakeFirst();
  return r && reviewOf(r);
}

/** The reviews of a case, oldest first. */
export async function listCaseReviews(db: Db, caseId: number): Promise<TCaseReview[]> {
  const rows = await db
    .selectFrom('case_reviews')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
  return rows.map(reviewOf);
}

/** Records the decision of a review still open; false when it was decided meanwhile. */
export async function decideCaseReview(
  db: Db,
  id: number,
  d: {
    reviewer: string;
    reviewedBy: number;
    outcome: 'upheld' | 'overturned';
    decidedOn: string;
    reasons: string;
  },
): Promise<boolean> {
  const r = await db
    .updateTable('case_reviews')
    .set({
      reviewer: d.reviewer,
      reviewed_by: d.reviewedBy,
      outcome: d.outcome,
      decided_on: d.decidedOn,
      reasons: d.reasons,
    })
    .where('id', '=', id)
    .where('outcome', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
