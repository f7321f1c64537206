import {
  appendAudit,
  appendCaseEvents,
  type Db,
  decideCaseReview,
  findCaseReview,
  insertCaseReview,
  listCaseReviews,
  type TCase,
  type TCaseReview,
  type TUser,
} from '@chuangkou/db';
import { checkReviewDecision, checkReviewRequest, type TReviewOutcome } from '@chuangkou/rules';
import { conflict, notFound } from '../../errors.ts';
import { audit } from '../audit.ts';
import { assertNotFutureDate } from '../periods.ts';
import { caseForUser } from './case-access.ts';
import { atRow } from './case-state.ts';

/**
 * 规程 四、3: records a request to review a refused case, from the status page (the applicant, with the
 * code and password: `by` null) or taken at the counter by a clerk.
 */
export async function requestCaseReview(
  db: Db,
  c: TCase,
  by: TUser | null,
  input: { on: string; request?: string | undefined; channel: 'statusPage' | 'counter' },
): Promise<TCaseReview> {
  const reviews = await listCaseReviews(db, c.id);
  atRow('', () =>
    checkReviewRequest(
      {
        decision: c.decision,
        decidedOn: c.decidedOn,
        hasOpenReview: reviews.some((r) => r.outcome === null),
      },
      input.on,
    ),
  );
  const review = await insertCaseReview(db, {
    caseId: c.id,
    centerId: c.centerId,
    requestedOn: input.on,
    channel: input.channel,
    request: input.request?.trim() || null,
    requestedBy: by?.id ?? null,
  });
  await appendCaseEvents(db, [
    {
      caseId: c.id,
      centerId: c.centerId,
      kind: 'requestReview',
      day: input.on,
      payload: { reviewId: review.id, channel: input.channel },
      userId: by?.id ?? null,
    },
  ]);
  await appendAudit(db, {
    centerId: c.centerId,
    userId: by?.id ?? null,
    entity: 'caseReview',
    entityId: review.id,
    action: 'request',
    before: null,
    after: review,
  });
  return review;
}

/** A clerk takes a review request at the counter. */
export async function requestCaseReviewAtCounter(
  db: Db,
  user: TUser,
  today: string,
  input: { id: number; on: string; request?: string | undefined },
): Promise<TCaseReview> {
  assertNotFutureDate(input.on, today, 'on');
  const c = await caseForUser(db, user, input.id);
  return requestCaseReview(db, c, user, { ...input, channel: 'counter' });
}

/** The center's decision on a review: the reviewer, the outcome, its date and reasons. */
export async function decideReview(
  db: Db,
  user: TUser,
  today: string,
  input: { reviewId: number; on: string; reviewer: string; outcome: TReviewOutcome; reasons: string },
): Promise<TCaseReview> {
  assertNotFutureDate(input.on, today, 'on');
  const before = await findCaseReview(db, input.reviewId);
  if (!before || before.centerId !== user.centerId) throw notFound('复核申请', 'reviewId');
  if (before.outcome !== null) throw conflict('该复核申请已作出决定', 'reviewId');
  atRow('', () => checkReviewDecision(before, input.on, input.reasons));
  const isDecided = await decideCaseReview(db, before.id, {
    reviewer: input.reviewer.trim(),
    reviewedBy: user.id,
    outcome: input.outcome,
    decidedOn: input.on,
    reasons: input.reasons.trim(),
  });
  if (!isDecided) throw conflict('该复核申请已作出决定', 'reviewId');
  const after = (await findCaseReview(db, before.id))!;
  await appendCaseEvents(db, [
    {
      caseId: before.caseId,
      centerId: before.centerId,
      kind: 'decideReview',
      day: input.on,
      payload: { reviewId: before.id, outcome: input.outcome },
      userId: user.id,
    },
  ]);
  await audit(db, user, 'caseReview', before.id, 'decide', before, after);
  return after;
}
