import type {
  TCompletionNotice,
  TEscalationExplanation,
  TNoticeBase,
  TReviewDecision,
} from '@chuangkou/bulletin';
import { type Db, listCaseReviews, type TCase } from '@chuangkou/db';
import { toEpochDay } from '@chuangkou/rules';
import { badInput } from '../../errors.ts';
import { centerCalendar } from '../calendar.service.ts';
import { caseRulesInForce } from './case-rules.ts';

/** 规程 四、1–2: the 办结通知单 of a decided case (approval, or refusal with its reasons). */
export function completionNotice(c: TCase, base: Omit<TNoticeBase, 'issuedOn'>): TCompletionNotice {
  if (!c.decision || !c.decidedOn || !c.acceptedOn)
    throw badInput('kind', '该办件尚未办结，不能打印办结通知单');
  return {
    ...base,
    kind: 'completionNotice',
    issuedOn: c.notifiedOn ?? c.decidedOn,
    decision: c.decision,
    decidedOn: c.decidedOn,
    acceptedOn: c.acceptedOn,
    promisedDays: c.promisedDays,
    reasons: c.decision === 'refused' ? c.returnReasons : [],
  };
}

/** 规程 三、4: the explanation to the center of a 上报件 without a reply, as filed. */
export async function escalationExplanation(
  db: Db,
  c: TCase,
  base: Omit<TNoticeBase, 'issuedOn'>,
): Promise<TEscalationExplanation> {
  if (!c.forwardedOn || !c.explanationFiledOn || !c.explanation)
    throw badInput('kind', '该上报件尚未向中心作出解释');
  const [rules, cal] = await Promise.all([
    caseRulesInForce(db, c.centerId, c.explanationFiledOn),
    centerCalendar(db, c.centerId),
  ]);
  const dayKind = rules.escalation.dayKind;
  return {
    ...base,
    kind: 'escalationExplanation',
    issuedOn: c.explanationFiledOn,
    forwardedOn: c.forwardedOn,
    daysWaiting:
      dayKind === 'calendar'
        ? toEpochDay(c.explanationFiledOn) - toEpochDay(c.forwardedOn)
        : cal.workingDaysBetween(c.forwardedOn, c.explanationFiledOn),
    dayKind,
    explanation: c.explanation,
  };
}

/** 规程 四、3: the decision on the latest decided 复核 of a refused case. */
export async function reviewDecision(
  db: Db,
  c: TCase,
  base: Omit<TNoticeBase, 'issuedOn'>,
): Promise<TReviewDecision> {
  const decided = (await listCaseReviews(db, c.id)).filter((r) => r.outcome !== null);
  const r = decided[decided.length - 1];
  if (!r || !c.decidedOn) throw badInput('kind', '该办件没有已作出决定的复核');
  return {
    ...base,
    kind: 'reviewDecision',
    issuedOn: r.decidedOn!,
    refusedOn: c.decidedOn,
    requestedOn: r.requestedOn,
    request: r.request ?? '',
    reviewer: r.reviewer ?? '',
    outcome: r.outcome!,
    reasons: r.reasons ?? '',
  };
}
