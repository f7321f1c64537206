import {
  type Db,
  findPeerRating,
  insertPeerRating,
  listRevisions,
  type TPeerRating,
  type TPeerTier,
  type TUser,
} from '@chuangkou/db';
import { badInput, conflict, DomainError } from '../errors.ts';
import { quarterColleagues } from './assignments.service.ts';
import { audit } from './audit.ts';
import { assertNotFuture } from './periods.ts';
import { staffInCenter } from './scope.ts';

/** 互评: one person rates colleagues of the center for a quarter; once per ratee, never oneself. */
export async function submitPeerRatings(
  db: Db,
  user: TUser,
  raterId: number,
  today: string,
  input: { year: number; quarter: number; ratings: { rateeId: number; tier: TPeerTier }[] },
): Promise<TPeerRating[]> {
  assertNotFuture({ year: input.year, quarter: input.quarter }, today, 'quarter');
  if ((await listRevisions(db, user.centerId, input.year, input.quarter)).length > 0) {
    throw new DomainError(
      'PUBLISHED',
      `${input.year}年第${input.quarter}季度考核结果已公示，不能再提交互评`,
      'quarter',
    );
  }
  const seen = new Set<number>();
  const out: TPeerRating[] = [];
  const roster = new Set((await quarterColleagues(db, user.centerId, input)).map((c) => c.id));
  for (const [i, r] of input.ratings.entries()) {
    const field = `ratings[${i}].rateeId`;
    if (r.rateeId === raterId) throw badInput(field, '不能给自己评分');
    if (seen.has(r.rateeId)) throw conflict('同一季度对同一人只能评一次', field);
    seen.add(r.rateeId);
    await staffInCenter(db, user, r.rateeId, field);
    if (!roster.has(r.rateeId))
      throw badInput(field, `该工作人员不在${input.year}年第${input.quarter}季度的考核名单中`);
    const existing = await findPeerRating(db, {
      year: input.year,
      quarter: input.quarter,
      raterId,
      rateeId: r.rateeId,
    });
    if (existing) throw conflict('本季度已对该工作人员评过分，不能重复评分', field);
    const saved = await insertPeerRating(db, {
      centerId: user.centerId,
      year: input.year,
      quarter: input.quarter,
      raterId,
      rateeId: r.rateeId,
      tier: r.tier,
    });
    await audit(db, user, 'peerRating', saved.id, 'create', null, saved);
    out.push(saved);
  }
  return out;
}
