import type { TPolicy } from '../policy/policy.schema.ts';
import { recordFine, unknownItem } from '../records/conduct-record.ts';
import { isIsoDate, monthKey } from '../shared/dates.ts';
import { RulesError } from '../shared/errors.ts';
import type { TStaffPost } from '../vocabulary/conduct.vocabulary.ts';

export interface TFineStaff {
  id: string;
  window?: string;
  /** front desk, back office or security (F2b, F9 front desk; F10 the guard on duty) */
  post?: TStaffPost;
}

export interface TFineRecord {
  staff: string;
  item: string;
  date: string;
  qty?: number;
  /**
   * The window the person served in on the record's date (people move: 处罚办法 一、5 bars the window
   * of the exposure's day). Without it, the person's `window` in `staff`.
   */
  window?: string | undefined;
}

export interface TMonthlyFinesInput {
  year: number;
  month: number;
  staff: ReadonlyArray<TFineStaff>;
  records: ReadonlyArray<TFineRecord>;
}

export interface TFineLine {
  item: string;
  count: number;
  /** yuan */
  amount: number;
  /** the dates of the month's records under the item, in order, each once */
  dates: string[];
}

export interface TStaffFines {
  staff: string;
  lines: TFineLine[];
  /** yuan */
  total: number;
  /** 扣除当月绩效奖 (F5, F7) */
  forfeitsMonthlyBonus: boolean;
  forfeitItems: string[];
  /**
   * 向主管单位通报: the items reported, each under its own code (F2b stays F2b when counted with F2):
   * those of a counting group that reached the threshold, and F5
   */
  reportItems: string[];
}

export interface TMonthlyFines {
  month: { year: number; month: number };
  staff: TStaffFines[];
  /** 向主管单位通报 list */
  reportToUnit: {
    staff: string;
    items: string[];
    /** item → its own count in the month */
    counts: Record<string, number>;
    /** item → the count of its counting group (F2 + F2b together), the figure the threshold reads */
    groupCounts: Record<string, number>;
  }[];
  /** 取消当月评先评优资格: the persons exposed (F5) and their windows */
  barredFromAwards: { staff: string[]; windows: string[] };
  /** yuan, everyone */
  total: number;
}

/**
 * Policy B (处罚办法), one calendar month: per person and clause the count and the amount, the bonus
 * forfeits, the report-to-unit list (三次以上 includes three; F2b counted with F2) and the awards barred by
 * an F5 exposure. Records outside the month are ignored.
 */
export function monthlyFines(policy: TPolicy, input: TMonthlyFinesInput): TMonthlyFines {
  const prefix = `${monthKey(input.year, input.month)}-`;
  const items = new Map(policy.items.filter((i) => i.fine).map((i) => [i.code, i]));
  if (items.size === 0) {
    throw new RulesError(
      'UNSUPPORTED_POLICY',
      'policy',
      `policy "${policy.code}" has no fines`,
      `该办法不含处罚条款`,
    );
  }
  const staffById = new Map(input.staff.map((s) => [s.id, s]));
  const byStaff = new Map<string, Map<string, number>>();
  const datesOf = new Map<string, Set<string>>();
  /** the windows a person served in on the dates of their records of an item */
  const windowsOf = new Map<string, Set<string>>();
  input.records.forEach((r, i) => {
    const item = items.get(r.item);
    if (!item) throw unknownItem(r.item).within(`records[${i}]`, 'INVALID_INPUT');
    if (!staffById.has(r.staff)) {
      throw new RulesError(
        'INVALID_INPUT',
        `records[${i}].staff`,
        `unknown staff "${r.staff}"`,
        `未知人员 "${r.staff}"`,
      );
    }
    if (!isIsoDate(r.date))
      throw new RulesError('INVALID_INPUT', `records[${i}].date`, 'expected an ISO date');
    const qty = r.qty ?? 1;
    if (!Number.isInteger(qty) || qty < 1) {
      throw new RulesError(
        'INVALID_INPUT',
        `records[${i}].qty`,
        'expected a positive integer',
        '数量须为正整数',
      );
    }
    if (!r.date.startsWith(prefix)) return;
    let counts = byStaff.get(r.staff);
    if (!counts) {
      counts = new Map();
      byStaff.set(r.staff, counts);
    }
    counts.set(r.item, (counts.get(r.item) ?? 0) + qty);
    const key = `${r.staff}\u0000${r.item}`;
    datesOf.set(key, (datesOf.get(key) ?? new Set()).add(r.date));
    const w = r.window ?? staffById.get(r.staff)?.window;
    if (w) windowsOf.set(key, (windowsOf.get(key) ?? new Set()).add(w));
  });

  const staff: TStaffFines[] = [];
  const reportToUnit: TMonthlyFines['reportToUnit'] = [];
  const barredStaff = new Set<string>();
  const barredWindows = new Set<string>();
  let grand = 0;
  for (const [staffId, counts] of [...byStaff].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const lines: TFineLine[] = [];
    const groupCounts: Record<string, number> = {};
    const forfeitItems: string[] = [];
    const reportItems = new Set<string>();
    let total = 0;
    for (const item of policy.items) {
      const count = counts.get(item.code);
      if (!count || !item.fine) continue;
      const amount = recordFine(item, count);
      const dates = [...(datesOf.get(`${staffId}\u0000${item.code}`) ?? [])].sort();
      lines.push({ item: item.code, count, amount, dates });
      total += amount;
      const group = item.fine.countsWith ?? item.code;
      groupCounts[group] = (groupCounts[group] ?? 0) + count;
      if (item.fine.forfeitsMonthlyBonus) forfeitItems.push(item.code);
      if (item.fine.reportAlways) reportItems.add(item.code);
      if (item.fine.barsMonthlyAwards) {
        barredStaff.add(staffId);
        for (const w of windowsOf.get(`${staffId}\u0000${item.code}`) ?? []) barredWindows.add(w);
      }
    }
    // A group that reached its threshold reports each of its behaviours that occurred, under its own
    // code and count (F2b 未挂胸牌 is never printed as F2 旷工).
    for (const item of policy.items) {
      const at = item.fine?.reportAtCount;
      const group = item.fine?.countsWith ?? item.code;
      if (at !== undefined && (groupCounts[group] ?? 0) >= at && counts.has(item.code)) {
        reportItems.add(item.code);
      }
    }
    const reported = [...reportItems].sort(byItemOrder(policy));
    const reportCounts = Object.fromEntries(reported.map((code) => [code, counts.get(code) ?? 0]));
    staff.push({
      staff: staffId,
      lines,
      total,
      forfeitsMonthlyBonus: forfeitItems.length > 0,
      forfeitItems,
      reportItems: reported,
    });
    if (reported.length > 0) {
      const groups = Object.fromEntries(
        reported.map((code) => {
          const group = items.get(code)?.fine?.countsWith ?? code;
          return [code, groupCounts[group] ?? 0];
        }),
      );
      reportToUnit.push({ staff: staffId, items: reported, counts: reportCounts, groupCounts: groups });
    }
    grand += total;
  }
  return {
    month: { year: input.year, month: input.month },
    staff,
    reportToUnit,
    barredFromAwards: { staff: [...barredStaff].sort(), windows: [...barredWindows].sort() },
    total: grand,
  };
}

function byItemOrder(policy: TPolicy) {
  const order = new Map(policy.items.map((i, k) => [i.code, k]));
  return (a: string, b: string) => (order.get(a) ?? 0) - (order.get(b) ?? 0);
}

/** A fine record as the award bar reads it: its item, its date, and the person or the window it names. */
export interface TBarringRecord {
  item: string;
  date?: string | undefined;
  staff?: string | null | undefined;
  window?: string | null | undefined;
}

/**
 * The records that bar a window from a month's excellence awards (处罚办法 一、5: 曝光批评并且属实的…
 * 工作人员所在科室、窗口取消当月评先评优资格): records of an item that bars the awards, naming a person
 * of the window or the window itself. Give it the month's records; empty when the window may be awarded.
 * `members` are the window's people, or — people move — whether a record's person belonged to the window
 * on the record's own date ({@link assignmentOn}).
 */
export function awardBarringRecords<R extends TBarringRecord>(
  policy: TPolicy,
  records: ReadonlyArray<R>,
  window: string,
  members: ReadonlySet<string> | ((record: R) => boolean),
): R[] {
  const barring = new Set(policy.items.filter((i) => i.fine?.barsMonthlyAwards).map((i) => i.code));
  const isMember = typeof members === 'function' ? members : (r: R) => members.has(r.staff!);
  return records.filter(
    (r) => barring.has(r.item) && ((r.staff != null && isMember(r)) || r.window === window),
  );
}
