import type { TIsoDate } from '../shared/dates.ts';
import { RulesError } from '../shared/errors.ts';
import type { TCaseDecision } from './case-vocabulary.ts';

/** 复核 outcomes: the refusal stands, or it is set aside and the window handles the case again. */
export const REVIEW_OUTCOMES = ['upheld', 'overturned'] as const;
export type TReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/**
 * 规程 四、3: 对不予批准的事项有异议的，可向中心申请复核. A review may be asked of a refused case, on or
 * after the refusal, while no earlier request is still open. Throws a RulesError naming the field.
 */
export function checkReviewRequest(
  c: { decision: TCaseDecision | null; decidedOn: TIsoDate | null; hasOpenReview: boolean },
  on: TIsoDate,
): void {
  if (c.decision !== 'refused' || !c.decidedOn) {
    throw new RulesError(
      'INVALID_INPUT',
      'id',
      'only a refused case can be reviewed',
      '仅不予批准的办件可申请复核',
    );
  }
  if (on < c.decidedOn) {
    throw new RulesError(
      'INVALID_INPUT',
      'on',
      `a review follows the refusal of ${c.decidedOn}`,
      `复核申请日期不能早于不予批准日期 ${c.decidedOn}`,
    );
  }
  if (c.hasOpenReview) {
    throw new RulesError(
      'INVALID_INPUT',
      'id',
      'a review of this case is already open',
      '该办件已有待复核的申请',
    );
  }
}

/** A review is decided on or after its request, with written reasons. */
export function checkReviewDecision(review: { requestedOn: TIsoDate }, on: TIsoDate, reasons: string): void {
  if (on < review.requestedOn) {
    throw new RulesError(
      'INVALID_INPUT',
      'on',
      `a review is decided after its request (${review.requestedOn})`,
      `复核决定日期不能早于申请日期 ${review.requestedOn}`,
    );
  }
  if (!reasons.trim()) {
    throw new RulesError(
      'INVALID_INPUT',
      'reasons',
      'a review decision needs its reasons',
      '复核决定须说明理由',
    );
  }
}
