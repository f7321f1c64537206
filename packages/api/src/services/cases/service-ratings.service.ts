import {
  appendAudit,
  closeFollowUp,
  countServiceRatingsByWindowMonth,
  type Db,
  findCase,
  findFollowUp,
  findServiceRating,
  insertFollowUp,
  insertServiceRating,
  listCaseEvents,
  markServiceRatingChecked,
  nowIso,
  type TCase,
  type TFollowUp,
  type TUser,
} from '@chuangkou/db';
import {
  isPoorServiceRating,
  SERVICE_RATEABLE_STAGES,
  SERVICE_RATING_KEYS,
  serviceRatingLevel,
  type TServiceRatingKey,
  type TServiceRatingStage,
} from '@chuangkou/rules';
import { badInput, conflict, forbidden, notFound } from '../../errors.ts';
import { audit } from '../audit.ts';
import { centerCalendar } from '../calendar.service.ts';
import { caseRulesInForce } from './case-rules.ts';

/**
 * 好差评: the applicant rates the service on a case once it is decided (or returned); a poor rating
 * opens a follow-up due within the working days of the case rules in force (policy D).
 *
 * Nobody who handled the case rates it: a signed-in caller who accepted it or took any of its steps
 * is refused. A rating given after the query password was reset at a window (a clerk held the new
 * password) is marked and counts once a supervisor has checked it.
 */
export async function rateService(
  db: Db,
  c: TCase,
  today: string,
  input: { rating: TServiceRatingKey; comment?: string | undefined },
  rater: TUser | null = null,
): Promise<{ level: number; followUp: TFollowUp | null }> {
  if (!SERVICE_RATEABLE_STAGES.includes(c.stage)) throw badInput('rating', '办件办结后才能评价');
  if (await findServiceRating(db, c.id)) throw conflict('该办件已评价', 'rating');
  const events = await listCaseEvents(db, c.id);
  if (
    rater &&
    ((rater.staffId !== null && rater.staffId === c.staffId) || events.some((e) => e.userId === rater.id))
  )
    throw forbidden('经办本办件的人员不能评价本办件');
  const isAfterReset = events.some((e) => e.kind === 'resetQueryPassword');
  const level = serviceRatingLevel(input.rating);
  const rating = await insertServiceRating(db, {
    caseId: c.id,
    centerId: c.centerId,
    windowId: c.windowId,
    staffId: c.staffId,
    level,
    comment: input.comment?.trim() || null,
    day: today,
    isAfterReset,
  });
  let followUp: TFollowUp | null = null;
  if (isPoorServiceRating(level)) {
    const [cal, rules] = await Promise.all([
      centerCalendar(db, c.centerId),
      caseRulesInForce(db, c.centerId, today),
    ]);
    followUp = await insertFollowUp(db, {
      caseId: c.id,
      serviceRatingId: rating.id,
      centerId: c.centerId,
      openedOn: today,
      dueOn: cal.addWorkingDays(today, rules.serviceRatings.followUpWorkingDays),
    });
  }
  await appendAudit(db, {
    centerId: c.centerId,
    userId: null,
    entity: 'case',
    entityId: c.id,
    action: 'rateService',
    before: null,
    after: { serviceRating: rating, followUpId: followUp?.id ?? null },
  });
  return { level, followUp };
}

/**
 * A supervisor checks a rating given after a reset of the query password (with the applicant, by phone
 * or in person) and notes how; from then on it counts in the satisfaction rate.
 */
export async function checkServiceRatingAfterReset(
  db: Db,
  user: TUser,
  input: { caseId: number; note: string; stage?: TServiceRatingStage | undefined },
): Promise<void> {
  const stage = input.stage ?? 'decided';
  const before = await findServiceRating(db, input.caseId, stage);
  if (!before) throw notFound('评价', 'caseId');
  const c = await findCase(db, input.caseId);
  if (!c || c.centerId !== user.centerId) throw notFound('评价', 'caseId');
  if (!before.isAfterReset) throw conflict('该评价不是在重置查询密码后作出的，无需核实', 'caseId');
  if (before.resetCheckedAt !== null) throw conflict('该评价已核实', 'caseId');
  await markServiceRatingChecked(db, input.caseId, { userId: user.id, at: nowIso() }, stage);
  const after = await findServiceRating(db, input.caseId, stage);
  await audit(db, user, 'serviceRating', input.caseId, 'checkAfterReset', before, {
    ...after,
    note: input.note,
  });
}

/** A supervisor closes the follow-up of a poor rating with what was done. */
export async function closeServiceRatingFollowUp(
  db: Db,
  user: TUser,
  today: string,
  input: { id: number; note: string },
): Promise<TFollowUp> {
  const before = await findFollowUp(db, input.id);
  if (!before || before.centerId !== user.centerId) throw notFound('差评回访', 'id');
  if (before.status === 'closed') throw conflict('该差评回访已办结', 'id');
  await closeFollowUp(db, input.id, { closedOn: today, closedBy: user.id, note: input.note });
  const after = (await findFollowUp(db, input.id))!;
  await audit(db, user, 'serviceRatingFollowUp', input.id, 'close', before, after);
  return after;
}

export interface TSatisfactionRate {
  windowId: number;
  windowName: string;
  month: string;
  counts: Record<TServiceRatingKey, number>;
  total: number;
  /** 非常满意 + 满意 + 基本满意 */
  satisfied: number;
  /** satisfied / total, 0–1; null without ratings */
  rate: number | null;
}

/** The satisfaction rate of each window and month of a year (or of one window; of one stage, 受理 or 办结). */
export async function satisfactionByWindowMonth(
  db: Db,
  user: TUser,
  input: { year: number; windowId?: number | undefined; stage?: TServiceRatingStage | undefined },
): Promise<TSatisfactionRate[]> {
  const rows = await countServiceRatingsByWindowMonth(db, {
    centerId: user.centerId,
    fromMonth: `${input.year}-01`,
    toMonth: `${input.year}-12`,
    windowId: input.windowId,
    stage: input.stage,
  });
  return rows.map((r) => {
    const total = r.counts.reduce((a, b) => a + b, 0);
    const satisfied = r.counts.filter((_, i) => !isPoorServiceRating(i + 1)).reduce((a, b) => a + b, 0);
    return {
      windowId: r.windowId,
      windowName: r.windowName,
      month: r.month,
      counts: Object.fromEntries(SERVICE_RATING_KEYS.map((k, i) => [k, r.counts[i]])) as Record<
        TServiceRatingKey,
        number
      >,
      total,
      satisfied,
      rate: total === 0 ? null : satisfied / total,
    };
  });
}
