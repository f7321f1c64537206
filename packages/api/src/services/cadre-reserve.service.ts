import { type Db, insertCadreReserve, listCadreReserve, revokeCadreReserve, type TUser } from '@chuangkou/db';
import { badInput, conflict, notFound } from '../errors.ts';
import { audit } from './audit.ts';
import { assertNotFutureDate } from './periods.ts';
import { staffInCenter } from './scope.ts';
import { cadreCandidatesOf } from './year-end.service.ts';

/**
 * 后备干部人才库 (考核细则 二(四): 符合后备干部条件的，推荐列入后备干部人才库管理，同等条件下优先提拔使用):
 * the pool of a center, each entry with who confirmed it and, once removed, when, by whom and why.
 */
export function cadreReserveOf(db: Db, centerId: number) {
  return listCadreReserve(db, { centerId });
}

/**
 * A leader confirms a proposed candidate of an ended year into the pool, against the cadre conditions
 * (outside the scheme: the leader may say what was checked). Only a person the year's recommendation
 * proposes can be confirmed, and nobody is in the pool twice at once.
 */
export async function confirmCadre(
  db: Db,
  user: TUser,
  today: string,
  input: { year: number; staffId: number; basis?: string | undefined },
) {
  await staffInCenter(db, user, input.staffId, 'staffId');
  const candidates = await cadreCandidatesOf(db, user.centerId, today, input.year);
  if (!candidates.some((c) => c.staffId === input.staffId)) {
    throw badInput('staffId', `该工作人员不在${input.year}年度后备干部推荐人选中，不能确认`);
  }
  const existing = await listCadreReserve(db, { centerId: user.centerId, staffId: input.staffId });
  if (existing.some((e) => e.status === 'active')) {
    throw conflict('该工作人员已在后备干部人才库中', 'staffId');
  }
  const entry = await insertCadreReserve(db, {
    centerId: user.centerId,
    staffId: input.staffId,
    year: input.year,
    basis: input.basis ?? null,
    confirmedOn: today,
    confirmedBy: user.id,
  });
  await audit(db, user, 'cadreReserve', entry.id, 'confirm', null, entry);
  return entry;
}

/** Removes a person from the pool: a dated revocation with its reason (never a deletion). */
export async function revokeCadre(
  db: Db,
  user: TUser,
  today: string,
  input: { id: number; date: string; reason: string },
) {
  assertNotFutureDate(input.date, today, 'date');
  const [before] = await listCadreReserve(db, { centerId: user.centerId, id: input.id });
  if (!before) throw notFound(`人才库记录 ${input.id}`, 'id');
  if (before.status !== 'active') throw conflict('该记录已移出人才库', 'id');
  if (input.date < before.confirmedOn) {
    throw badInput('date', `移出日期不能早于确认入库日期 ${before.confirmedOn}`);
  }
  await revokeCadreReserve(db, {
    centerId: user.centerId,
    id: input.id,
    revokedOn: input.date,
    revokedBy: user.id,
    reason: input.reason,
  });
  const [after] = await listCadreReserve(db, { centerId: user.centerId, id: input.id });
  await audit(db, user, 'cadreReserve', input.id, 'revoke', before, after);
  return after!;
}
