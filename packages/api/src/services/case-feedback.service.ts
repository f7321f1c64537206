import {
  appendAudit,
  closeFollowUp,
  countFailedQueryAttempts,
  type Db,
  decideSanctionProposal,
  findCaseByCode,
  findCaseRating,
  findFollowUp,
  findSanctionProposal,
  findStaff,
  insertCaseRating,
  insertFollowUp,
  ratingCountsByWindowMonth,
  recordQueryAttempt,
  type TFollowUp,
  type TSanctionProposal,
  type TUser,
  type TWorkflowCase,
} from '@chuangkou/db';
import { badInput, conflict, DomainError, notFound } from '../errors.ts';
import { audit } from './audit.ts';
import { centerCalendar, STAGE_ZH, type TCaseStage } from './cases.service.ts';
import { dummyQueryPasswordHash, verifyQueryPassword } from './query-password.ts';
import { createRecord } from './records.service.ts';
import { staffInCenter } from './scope.ts';

// ---------------------------------------------------------------------------------------------------
// the applicant's status query

/** Rate limit of wrong answers, over a sliding window: per acceptance code and per client address. */
export const QUERY_LIMITS = { windowMinutes: 15, perCode: 5, perAddress: 20 } as const;

/** The one answer for a wrong code and a wrong password alike. */
export const WRONG_CODE_OR_PASSWORD = '受理编号或查询密码不正确';

/** What the applicant sees: the status, the deadline and the handler of that case, nothing else. */
export interface TPublicCaseStatus {
  status: TCaseStage;
  statusZh: string;
  deadline: string | null;
  handler: { name: string; phone: string };
  /** 好差评: whether the case can be rated now, and the level given if it was */
  rating: { canRate: boolean; level: number | null };
}

export type TQueryOutcome = { ok: true; case: TWorkflowCase } | { ok: false; reason: 'rateLimited' };

/**
 * Checks an acceptance code and query password. A wrong code and a wrong password take the same path
 * (a dummy hash is checked when the code is unknown) and give the same error; failures are counted
 * per code (known or not) and per address, and past the limit nothing is checked at all.
 */
export async function authenticateApplicant(
  db: Db,
  input: { code: string; password: string },
  address: string,
  now: Date = new Date(),
): Promise<TQueryOutcome> {
  const code = input.code.trim().toUpperCase();
  const since = new Date(now.getTime() - QUERY_LIMITS.windowMinutes * 60_000).toISOString();
  const failed = await countFailedQueryAttempts(db, { code, address, since });
  if (failed.byCode >= QUERY_LIMITS.perCode || failed.byAddress >= QUERY_LIMITS.perAddress) {
    return { ok: false, reason: 'rateLimited' };
  }
  const found = await findCaseByCode(db, code);
  const hash = found?.queryPasswordHash ?? (await dummyQueryPasswordHash());
  const isMatch = await verifyQueryPassword(input.password, hash);
  const isOk = isMatch && found !== undefined && found.queryPasswordHash !== null;
  await recordQueryAttempt(db, { code, address, isOk, at: now.toISOString() });
  if (!isOk) throw new DomainError('INVALID_CREDENTIALS', WRONG_CODE_OR_PASSWORD);
  return { ok: true, case: found.case };
}

const RATEABLE: readonly TCaseStage[] = ['decided', 'notified', 'pickedUp', 'returned'];

export async function publicCaseStatus(db: Db, c: TWorkflowCase): Promise<TPublicCaseStatus> {
  const [staff, rating] = await Promise.all([
    c.staffId === null ? undefined : findStaff(db, c.staffId),
    findCaseRating(db, c.id),
  ]);
  return {
    status: c.stage,
    statusZh: STAGE_ZH[c.stage],
    deadline: c.deadline,
    handler: { name: staff?.name ?? '', phone: c.handlerPhone },
    rating: { canRate: !rating && RATEABLE.includes(c.stage), level: rating?.level ?? null },
  };
}

// ---------------------------------------------------------------------------------------------------
// 好差评

/** The five levels of the national 好差评 scheme, 1 = best. */
export const RATING_LEVELS = [
  { level: 1, key: 'verySatisfied', zh: '非常满意' },
  { level: 2, key: 'satisfied', zh: '满意' },
  { level: 3, key: 'basicallySatisfied', zh: '基本满意' },
  { level: 4, key: 'dissatisfied', zh: '不满意' },
  { level: 5, key: 'veryDissatisfied', zh: '非常不满意' },
] as const;
export type TRatingKey = (typeof RATING_LEVELS)[number]['key'];
export const RATING_KEYS = RATING_LEVELS.map((l) => l.key) as [TRatingKey, ...TRatingKey[]];

/** 差评 are 不满意 and 非常不满意; the first three count as 好评 in the satisfaction rate. */
export const isPoorRating = (level: number) => level >= 4;

/**
 * Days to follow up a poor rating (回访核实、整改反馈). Decision: 15 working days, as the national
 * 好差评 scheme (国办发〔2019〕51号) sets for rectifying a 差评; a constant until a policy carries it.
 */
export const FOLLOW_UP_WORKING_DAYS = 15;

/** The applicant rates the case once it is decided (or returned); a poor rating opens a follow-up. */
export async function rateCase(
  db: Db,
  c: TWorkflowCase,
  today: string,
  input: { rating: TRatingKey; comment?: string | undefined },
): Promise<{ level: number; followUp: TFollowUp | null }> {
  if (!RATEABLE.includes(c.stage)) throw badInput('rating', '办件办结后才能评价');
  if (await findCaseRating(db, c.id)) throw conflict('该办件已评价', 'rating');
  const level = RATING_LEVELS.find((l) => l.key === input.rating)!.level;
  const rating = await insertCaseRating(db, {
    caseId: c.id,
    centerId: c.centerId,
    windowId: c.windowId,
    staffId: c.staffId,
    level,
    comment: input.comment?.trim() || null,
    day: today,
  });
  let followUp: TFollowUp | null = null;
  if (isPoorRating(level)) {
    const cal = await centerCalendar(db, c.centerId);
    followUp = await insertFollowUp(db, {
      caseId: c.id,
      ratingId: rating.id,
      centerId: c.centerId,
      openedOn: today,
      dueOn: cal.addWorkingDays(today, FOLLOW_UP_WORKING_DAYS),
    });
  }
  await appendAudit(db, {
    centerId: c.centerId,
    userId: null,
    entity: 'case',
    entityId: c.id,
    action: 'rate',
    before: null,
    after: { rating, followUpId: followUp?.id ?? null },
  });
  return { level, followUp };
}

export async function closeCaseFollowUp(
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
  await audit(db, user, 'caseFollowUp', input.id, 'close', before, after);
  return after;
}

export interface TSatisfactionRate {
  windowId: number;
  windowName: string;
  month: string;
  counts: Record<TRatingKey, number>;
  total: number;
  /** 非常满意 + 满意 + 基本满意 */
  satisfied: number;
  /** satisfied / total, 0–1; null without ratings */
  rate: number | null;
}

export async function satisfactionByWindowMonth(
  db: Db,
  user: TUser,
  input: { year: number; windowId?: number | undefined },
): Promise<TSatisfactionRate[]> {
  const rows = await ratingCountsByWindowMonth(db, {
    centerId: user.centerId,
    fromMonth: `${input.year}-01`,
    toMonth: `${input.year}-12`,
    windowId: input.windowId,
  });
  return rows.map((r) => {
    const total = r.counts.reduce((a, b) => a + b, 0);
    const satisfied = r.counts[0] + r.counts[1] + r.counts[2];
    return {
      windowId: r.windowId,
      windowName: r.windowName,
      month: r.month,
      counts: Object.fromEntries(RATING_LEVELS.map((l) => [l.key, r.counts[l.level - 1]])) as Record<
        TRatingKey,
        number
      >,
      total,
      satisfied,
      rate: total === 0 ? null : satisfied / total,
    };
  });
}

// ---------------------------------------------------------------------------------------------------
// B5 / F3 proposals

/**
 * A supervisor confirms a proposal: only now is the B5 deduction or F3 fine recorded (as a conduct
 * record with source 'case', validated against the policy in force like any record). `staffId` lets
 * the supervisor name someone other than the first responsible person (第一责任人).
 */
export async function confirmSanctionProposal(
  db: Db,
  user: TUser,
  today: string,
  input: {
    id: number;
    staffId?: number | undefined;
    note?: string | undefined;
    correctionReason?: string | undefined;
  },
): Promise<TSanctionProposal> {
  const before = await findSanctionProposal(db, input.id);
  if (!before || before.centerId !== user.centerId) throw notFound('扣分建议', 'id');
  if (before.status !== 'proposed') throw conflict('该建议已处理', 'id');
  const staffId = input.staffId ?? before.staffId;
  if (staffId === null) throw badInput('staffId', '请指定责任人');
  await staffInCenter(db, user, staffId);
  const record = await createRecord(
    db,
    user,
    today,
    {
      staffId,
      item: before.item,
      qty: before.qty,
      date: before.day,
      note: `办件 #${before.caseId} 超期：${before.reason}${input.note ? `；${input.note}` : ''}`,
      correctionReason: input.correctionReason,
    },
    'case',
    before.caseId,
  );
  await decideSanctionProposal(db, input.id, {
    status: 'confirmed',
    by: user.id,
    reason: input.note ?? null,
    recordId: record.id,
    staffId,
  });
  const after = (await findSanctionProposal(db, input.id))!;
  await audit(db, user, 'caseSanctionProposal', input.id, 'confirm', before, after);
  return after;
}

/** A supervisor rejects a proposal (the delay was not the person's fault), with the reason. */
export async function rejectSanctionProposal(
  db: Db,
  user: TUser,
  input: { id: number; reason: string },
): Promise<TSanctionProposal> {
  const before = await findSanctionProposal(db, input.id);
  if (!before || before.centerId !== user.centerId) throw notFound('扣分建议', 'id');
  if (before.status !== 'proposed') throw conflict('该建议已处理', 'id');
  await decideSanctionProposal(db, input.id, {
    status: 'rejected',
    by: user.id,
    reason: input.reason,
    recordId: null,
    staffId: before.staffId,
  });
  const after = (await findSanctionProposal(db, input.id))!;
  await audit(db, user, 'caseSanctionProposal', input.id, 'reject', before, after);
  return after;
}
