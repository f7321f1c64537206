import {
  type Db,
  findCaseByCode,
  findMatter,
  findServiceRating,
  findStaff,
  listCaseReviews,
  type TCase,
} from '@chuangkou/db';
import { SERVICE_RATEABLE_STAGES, type TCaseDecision, type TCaseStage } from '@chuangkou/rules';
import { DomainError } from '../../errors.ts';
import { gatedAttempt } from '../attempt-gate.ts';
import { QUERY_LIMITS } from '../login-limit.ts';
import { dummyQueryPasswordHash, verifyQueryPassword } from '../query-password.ts';

export { QUERY_LIMITS };

/** The one answer for a wrong code and a wrong password alike. */
export const WRONG_CODE_OR_PASSWORD = '受理编号或查询密码不正确';

/**
 * What the applicant sees (规程 四、3): the matter, the stage, the deadline and the handler of that case,
 * nothing else.
 */
export interface TPublicCaseStatus {
  /** the matter applied for (规程 二、2 ②) */
  matter: string;
  stage: TCaseStage;
  /** once decided: a refusal may be reviewed (复核) */
  decision: TCaseDecision | null;
  /** the open review request, if any */
  reviewRequestedOn: string | null;
  deadline: string | null;
  handler: { name: string; phone: string };
  /** 好差评: whether the case can be rated now, and the level given if it was */
  serviceRating: { canRate: boolean; level: number | null };
}

export type TQueryOutcome = { ok: true; case: TCase } | { ok: false; reason: 'rateLimited' };

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
  const outcome = await gatedAttempt(
    db,
    'statusQuery',
    QUERY_LIMITS,
    { key: code, address },
    async () => {
      const found = await findCaseByCode(db, code);
      const hash = found?.queryPasswordHash ?? (await dummyQueryPasswordHash());
      const isMatch = await verifyQueryPassword(input.password, hash);
      return isMatch && found !== undefined && found.queryPasswordHash !== null ? found.case : undefined;
    },
    now.getTime(),
  );
  if (!outcome.ok && outcome.reason === 'rateLimited') return { ok: false, reason: 'rateLimited' };
  if (!outcome.ok) throw new DomainError('INVALID_CREDENTIALS', WRONG_CODE_OR_PASSWORD);
  return { ok: true, case: outcome.value };
}

export async function publicCaseStatus(db: Db, c: TCase): Promise<TPublicCaseStatus> {
  const [staff, rating, matter, reviews] = await Promise.all([
    c.staffId === null ? undefined : findStaff(db, c.staffId),
    findServiceRating(db, c.id),
    findMatter(db, c.matterId),
    listCaseReviews(db, c.id),
  ]);
  return {
    matter: matter?.name ?? '',
    stage: c.stage,
    decision: c.decision,
    reviewRequestedOn: reviews.find((r) => r.outcome === null)?.requestedOn ?? null,
    deadline: c.deadline,
    handler: { name: staff?.name ?? '', phone: c.handlerPhone },
    serviceRating: {
      canRate: !rating && SERVICE_RATEABLE_STAGES.includes(c.stage),
      level: rating?.level ?? null,
    },
  };
}
