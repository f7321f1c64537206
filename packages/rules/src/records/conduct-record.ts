import type { TItem, TPolicy } from '../policy/policy.schema.ts';
import { RulesError } from '../shared/errors.ts';
import { STAFF_POST_LABELS, type TStaffPost } from '../vocabulary/conduct.vocabulary.ts';

/**
 * What a conduct record says about its item, whoever writes it: a scenario's record (`pnpm assess`) or
 * the entry form (`records.create`). Both are checked by {@link checkRecord}, so the same bad record gets
 * the same refusal from either.
 */
export interface TRecordEntry {
  item: string;
  level?: string | null | undefined;
  aggravated?: boolean | null | undefined;
  qty?: number | null | undefined;
  /** the post of the person named, where the caller knows it (the entry form does, a scenario does not) */
  post?: TStaffPost | null | undefined;
}

/** Who a record names: a person or a whole window. */
export interface TRecordTarget {
  hasStaff: boolean;
  hasWindow: boolean;
}

const itemIndexes = new WeakMap<TPolicy, Map<string, TItem>>();

/** A policy's item by code (the policy is indexed once). */
export function policyItem(policy: TPolicy, code: string): TItem | undefined {
  let index = itemIndexes.get(policy);
  if (!index) {
    index = new Map(policy.items.map((item) => [item.code, item]));
    itemIndexes.set(policy, index);
  }
  return index.get(code);
}

function hasLevel(levels: ReadonlyArray<{ key: string }>, key: string | undefined): boolean {
  for (const l of levels) if (l.key === key) return true;
  return false;
}

const refuse = (field: string, detail: string, detailZh: string): never => {
  throw new RulesError('INVALID_RECORD', field, detail, detailZh);
};

/** The refusal of an item code the policy does not have. */
export function unknownItem(code: string): RulesError {
  return new RulesError('INVALID_RECORD', 'item', `unknown item "${code}"`, `未知的考核条款 "${code}"`);
}

/**
 * Checks a record against its item: the item is one that is recorded (not computed, as C7 is), a level
 * is given exactly when the item has levels and is one of them, aggravation only where the item has it
 * (A4), and a fine meant for one post (F2b, F9 front desk; F10 the guard) only for a person of that post
 * when the post is known. Throws a {@link RulesError} (`INVALID_RECORD`) naming the field: `item`,
 * `level`, `aggravated` or `staff`.
 */
export function checkRecordItem(item: TItem | undefined, record: TRecordEntry): TItem {
  if (item === undefined) throw unknownItem(record.item);
  if (item.kind === 'computed') {
    refuse(
      'item',
      `item "${item.code}" is computed, not recorded`,
      `条款 "${item.code}" 由系统计算（如互评结果），不能手工录入`,
    );
  }
  const levels = item.levels;
  const level = record.level ?? undefined;
  if (levels !== undefined && levels.length > 0) {
    if (level === undefined || level === '') {
      refuse(
        'level',
        `required for item "${item.code}" (one of ${levels.map((l) => `"${l.key}"`).join(', ')})`,
        `条款 "${item.code}" 须选择级别：${levels.map((l) => l.name).join('、')}`,
      );
    }
    if (!hasLevel(levels, level)) {
      refuse(
        'level',
        `item "${item.code}" has no level "${level}" (one of ${levels.map((l) => `"${l.key}"`).join(', ')})`,
        `条款 "${item.code}" 没有级别 "${level}"，可选：${levels.map((l) => `${l.name}（${l.key}）`).join('、')}`,
      );
    }
  } else if (level !== undefined) {
    refuse('level', `item "${item.code}" has no levels`, `条款 "${item.code}" 不分级别`);
  }
  if (record.aggravated === true && item.aggravation === undefined) {
    refuse(
      'aggravated',
      `item "${item.code}" has no aggravation`,
      `条款 "${item.code}" 没有情节严重的加重扣分`,
    );
  }
  const post = item.fine?.post;
  if (post !== undefined && record.post != null && record.post !== post) {
    refuse(
      'staff',
      `item "${item.code}" applies to ${post} staff only`,
      `条款 "${item.code}" 只适用于${STAFF_POST_LABELS[post].zh}人员`,
    );
  }
  return item;
}

/** {@link checkRecordItem} with the item looked up in the policy by the record's code. */
export function checkRecord(policy: TPolicy, record: TRecordEntry): TItem {
  return checkRecordItem(policyItem(policy, record.item), record);
}

/**
 * Checks who an entered record names: a window item (B8, D6: every person of the window) names a
 * window, any other item a person. The scenario format is more lenient (a window-level record of any
 * item reaches everyone of the window, domain.md), so only entry asks this. Fields `window`, `staff`.
 */
export function checkRecordTarget(item: TItem, target: TRecordTarget): void {
  if (item.isWindowItem) {
    if (!target.hasWindow) {
      refuse('window', `item "${item.code}" is for a window`, `条款 "${item.code}" 针对窗口，请选择窗口`);
    }
    if (target.hasStaff) {
      refuse(
        'staff',
        `item "${item.code}" is for a whole window, not a person`,
        `条款 "${item.code}" 针对整个窗口，不能指定个人`,
      );
    }
  } else {
    if (!target.hasStaff) {
      refuse('staff', `item "${item.code}" is for a person`, `条款 "${item.code}" 针对个人，请选择工作人员`);
    }
    if (target.hasWindow) {
      refuse(
        'window',
        `item "${item.code}" is for a person, not a window`,
        `条款 "${item.code}" 针对个人，不能指定窗口`,
      );
    }
  }
}

const hundredths = (points: number) => Math.round(points * 100);

/**
 * Points per unit of qty, in integer hundredths: the level's own points first (D2, D4, D6 price each
 * level), else the item's; 0 for an item without points (a fine, a computed item).
 */
export function unitPointsHundredths(item: TItem, level?: string | null): number {
  if (level != null && item.levels !== undefined) {
    const own = item.levels.find((l) => l.key === level)?.points;
    if (own !== undefined) return hundredths(own);
  }
  return hundredths(item.points ?? 0);
}

/** The further points per unit of an aggravated record (A4: 情节严重，每次加扣3分), in hundredths. */
export function aggravationHundredths(item: TItem): number {
  return item.aggravation === undefined ? 0 : hundredths(item.aggravation.points);
}

/**
 * A record's signed points under its item: (the unit points, plus the aggravation when aggravated) ×
 * qty, exact to the hundredth. The engine sums the same amounts (`assessQuarter`); the behaviours
 * bulletin and the person page print them.
 *
 * @example recordPoints(D2, { item: 'D2', level: 'province', qty: 2 }) // 20
 */
export function recordPoints(item: TItem, record: Omit<TRecordEntry, 'item'>): number {
  if (item.kind !== 'deduction' && item.kind !== 'bonus') return 0;
  const qty = record.qty ?? 1;
  const aggravation = record.aggravated === true ? aggravationHundredths(item) : 0;
  return ((unitPointsHundredths(item, record.level) + aggravation) * qty) / 100;
}

/** A record's fine in yuan (处罚办法: amount × qty); 0 for a forfeit (F5, F7) or an item without a fine. */
export function recordFine(item: TItem, qty = 1): number {
  return (item.fine?.amount ?? 0) * qty;
}
