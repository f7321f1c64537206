import {
  type Db,
  findRecord,
  insertRecord,
  listRevisions,
  revokeRecord,
  type TConductRecord,
  type TRecordSource,
  type TUser,
} from '@chuangkou/db';
import { quarterOfDate } from '@chuangkou/rules';
import { badInput, conflict, DomainError, notFound } from '../errors.ts';
import { audit } from './audit.ts';
import { assertNotFutureDate } from './periods.ts';
import { itemOf, policyInForce } from './policy.service.ts';
import { staffInCenter, windowInCenter } from './scope.ts';

export interface TRecordInput {
  staffId?: number | undefined;
  windowId?: number | undefined;
  item: string;
  qty?: number | undefined;
  level?: string | undefined;
  aggravated?: boolean | undefined;
  date: string;
  note?: string | undefined;
  /** required when the date falls in a quarter already published (公示): the reason of the correction */
  correctionReason?: string | undefined;
}

/** Refuses a change to a published quarter unless it is a correction with its reason. */
export async function assertQuarterOpen(
  db: Db,
  centerId: number,
  date: string,
  correctionReason: string | undefined,
): Promise<void> {
  const q = quarterOfDate(date);
  const revisions = await listRevisions(db, centerId, q.year, q.quarter);
  if (revisions.length > 0 && !correctionReason?.trim()) {
    throw new DomainError(
      'PUBLISHED',
      `${q.year}年第${q.quarter}季度考核结果已公示，不能直接修改；如需更正，请填写更正原因并发布新修订`,
      'correctionReason',
    );
  }
}

/**
 * Validates a record against the policy in force on its date (item exists, level among the item's
 * levels, aggravation only where the item has one, window items on a window) and stores it.
 * Items of policy A are points, items of policy B are fines.
 */
export async function createRecord(
  db: Db,
  user: TUser,
  today: string,
  input: TRecordInput,
  source: TRecordSource = 'manual',
  sourceId: number | null = null,
): Promise<TConductRecord> {
  assertNotFutureDate(input.date, today);
  if (input.date < '2000-01-01') throw badInput('date', `日期 ${input.date} 超出范围`);
  const [pointsPolicy, finePolicy] = await Promise.all([
    policyInForce(db, user.centerId, 'A', input.date),
    policyInForce(db, user.centerId, 'B', input.date),
  ]);
  const pointsItem = itemOf(pointsPolicy.policy, input.item);
  const fineItem = pointsItem ? undefined : itemOf(finePolicy.policy, input.item);
  const item = pointsItem ?? fineItem;
  if (!item) throw badInput('item', `未知的考核条款 "${input.item}"`);
  if (item.kind === 'computed')
    throw badInput('item', `条款 ${item.code} 由系统根据互评结果计算，不能手工录入`);
  const scheme = fineItem ? 'fine' : 'points';

  if (item.isWindowItem) {
    if (input.windowId === undefined) throw badInput('windowId', `条款 ${item.code} 针对窗口，请选择窗口`);
    if (input.staffId !== undefined)
      throw badInput('staffId', `条款 ${item.code} 针对整个窗口，不能指定个人`);
  } else {
    if (input.staffId === undefined) throw badInput('staffId', `条款 ${item.code} 针对个人，请选择工作人员`);
    if (input.windowId !== undefined) throw badInput('windowId', `条款 ${item.code} 针对个人，不能指定窗口`);
  }
  if (input.staffId !== undefined) {
    const s = await staffInCenter(db, user, input.staffId);
    if (item.fine?.post && s.post !== item.fine.post) {
      throw badInput(
        'staffId',
        `条款 ${item.code} 只适用于${item.fine.post === 'security' ? '安保人员' : '窗口人员'}`,
      );
    }
  }
  if (input.windowId !== undefined) await windowInCenter(db, user, input.windowId);

  const levels = item.levels ?? [];
  if (levels.length > 0) {
    if (!input.level)
      throw badInput('level', `条款 ${item.code} 需要选择级别：${levels.map((l) => l.name).join('、')}`);
    if (!levels.some((l) => l.key === input.level))
      throw badInput(
        'level',
        `条款 ${item.code} 没有级别 "${input.level}"，可选：${levels.map((l) => l.key).join('、')}`,
      );
  } else if (input.level) {
    throw badInput('level', `条款 ${item.code} 不分级别`);
  }
  if (input.aggravated && !item.aggravation)
    throw badInput('aggravated', `条款 ${item.code} 没有情节严重的加重扣分`);
  if (scheme === 'points') await assertQuarterOpen(db, user.centerId, input.date, input.correctionReason);

  const record = await insertRecord(db, {
    centerId: user.centerId,
    scheme,
    staffId: input.staffId ?? null,
    windowId: input.windowId ?? null,
    item: item.code,
    qty: input.qty ?? 1,
    level: input.level ?? null,
    aggravated: input.aggravated ?? false,
    date: input.date,
    note: input.note ?? null,
    source,
    sourceId,
    recordedBy: user.id,
  });
  await audit(db, user, 'record', record.id, 'create', null, {
    ...record,
    correctionReason: input.correctionReason,
  });
  return record;
}

/** Revokes a record with a reason (never deleted). */
export async function revokeRecordWithReason(
  db: Db,
  user: TUser,
  input: { id: number; reason: string; correctionReason?: string | undefined },
): Promise<TConductRecord> {
  const before = await findRecord(db, input.id);
  if (!before || before.centerId !== user.centerId) throw notFound('记录', 'id');
  if (before.status === 'revoked') throw conflict('该记录已撤销', 'id');
  if (before.scheme === 'points')
    await assertQuarterOpen(db, user.centerId, before.date, input.correctionReason);
  await revokeRecord(db, input.id, { reason: input.reason, by: user.id });
  const after = (await findRecord(db, input.id))!;
  await audit(db, user, 'record', input.id, 'revoke', before, {
    ...after,
    correctionReason: input.correctionReason,
  });
  return after;
}
