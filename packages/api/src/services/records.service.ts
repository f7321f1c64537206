import {
  type Db,
  findRecord,
  insertRecord,
  listFineSignOffs,
  listRevisions,
  revokeRecord,
  type TConductRecord,
  type TRecordSource,
  type TUser,
} from '@chuangkou/db';
import {
  checkRecordItem,
  checkRecordTarget,
  policyItem,
  quarterOfDate,
  RulesError,
  recordFine,
  recordPoints,
  type TItem,
} from '@chuangkou/rules';
import { badInput, conflict, DomainError, notFound, refusedByRules } from '../errors.ts';
import { audit } from './audit.ts';
import { assertNotFutureDate } from './periods.ts';
import { policyBook, policyInForce, recordPoliciesInForce } from './policy.service.ts';
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
 * A fine record of a month whose summary 审管科 has signed is added or revoked with a reason only: the
 * change goes into the month's supplement (补充汇总), never silently into the signed figures.
 */
export async function assertMonthOpen(
  db: Db,
  centerId: number,
  date: string,
  correctionReason: string | undefined,
): Promise<void> {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const signatures = await listFineSignOffs(db, centerId, year, month);
  if (signatures.length > 0 && !correctionReason?.trim()) {
    throw new DomainError(
      'PUBLISHED',
      `${year}年${month}月的处罚汇总已签批；补录或撤销须填写原因，变动列入补充汇总另行签批`,
      'correctionReason',
    );
  }
}

/** The entry form's names of the fields the rules name (`staff` → `staffId`). */
const RECORD_FIELDS = { staff: 'staffId', window: 'windowId' } as const;

/**
 * Validates a record against the policies in force on its date and stores it. The item is looked up in
 * the points policy (A), then the fines (B), then policy C (U1); the record is checked by the rules (`checkRecordItem`:
 * item, level, aggravation, the post a fine is meant for; `checkRecordTarget`: a window item on a
 * window, any other on a person), the same check `pnpm assess` makes.
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
  const [pointsPolicy, finePolicy] = await recordPoliciesInForce(db, user.centerId, input.date);
  const pointsItem = policyItem(pointsPolicy.policy, input.item);
  const scheme = pointsItem ? 'points' : 'fine';
  // a fine of the 处罚办法 (B), else of the 规范化服务通知 (C: U1 不着工作服, deducted from that month's salary)
  const fineItem =
    pointsItem ??
    policyItem(finePolicy.policy, input.item) ??
    policyItem((await policyInForce(db, user.centerId, 'C', input.date)).policy, input.item);
  const staff = input.staffId !== undefined ? await staffInCenter(db, user, input.staffId) : undefined;
  if (input.windowId !== undefined) await windowInCenter(db, user, input.windowId);
  let item: TItem;
  try {
    item = checkRecordItem(fineItem, {
      item: input.item,
      level: input.level,
      aggravated: input.aggravated,
      qty: input.qty,
      post: staff?.post,
    });
    checkRecordTarget(item, { hasStaff: staff !== undefined, hasWindow: input.windowId !== undefined });
  } catch (e) {
    throw e instanceof RulesError ? refusedByRules(e, RECORD_FIELDS) : e;
  }
  // 考核细则 二(三) 经查实属有效投诉: an item that is itself a valid complaint (A3, F7b) is recorded only
  // by the verification of a complaint, never before it nor by hand
  if (item.isValidComplaint && source !== 'complaint') {
    throw badInput(
      'item',
      `${item.code}（有效投诉）只能在投诉核实为有效后由系统记入，请在“投诉”中登记并核实该投诉`,
    );
  }
  if (scheme === 'points') await assertQuarterOpen(db, user.centerId, input.date, input.correctionReason);
  else await assertMonthOpen(db, user.centerId, input.date, input.correctionReason);

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
  else await assertMonthOpen(db, user.centerId, before.date, input.correctionReason);
  await revokeRecord(db, input.id, { reason: input.reason, by: user.id });
  const after = (await findRecord(db, input.id))!;
  await audit(db, user, 'record', input.id, 'revoke', before, {
    ...after,
    correctionReason: input.correctionReason,
  });
  return after;
}

/** A record with what it counts for: its points (policy A) or its fine in yuan (policy B, or C's U1). */
export type TValuedRecord = TConductRecord & { points: number | null; fine: number | null };

/**
 * The records with their points or fine, each under the version of its policy in force on its own
 * date (`recordPoints`, `recordFine`), so a page shows what the engine counts and never prices a
 * record itself. A record whose item its policy no longer has counts for nothing (null).
 */
export async function valueRecords(
  db: Db,
  centerId: number,
  records: readonly TConductRecord[],
): Promise<TValuedRecord[]> {
  const book = await policyBook(db, centerId);
  const valued: TValuedRecord[] = [];
  for (const record of records) {
    const { policy } = await book.at(record.scheme === 'points' ? 'A' : 'B', record.date);
    // a fine that is not the 处罚办法's is the 规范化服务通知's (U1)
    const item =
      policyItem(policy, record.item) ??
      (record.scheme === 'fine'
        ? policyItem((await book.at('C', record.date)).policy, record.item)
        : undefined);
    const isFine = item?.kind === 'fine';
    const points = item && !isFine ? recordPoints(item, record) : null;
    const fine = item && isFine ? recordFine(item, record.qty) : null;
    valued.push({ points, fine, ...record });
  }
  return valued;
}
